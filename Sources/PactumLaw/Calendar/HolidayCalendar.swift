import Foundation

/// One public holiday on one day.
public struct Holiday: Sendable, Hashable, Codable {
    public var date: String
    public var name: String
}

/// The public holidays and working days of one Member State (or one of its subdivisions),
/// computed from `MemberState.holidayRules` for the years Pactum supports.
public struct HolidayCalendar: Sendable {
    /// The years for which holidays are computed.
    public static let supportedYears = 1990...2100

    public let state: MemberState
    /// ISO 3166-2 code without the country prefix (`BY` for DE-BY), or nil for national holidays.
    public let subdivision: String?
    /// The zone in which the calendar's days begin and end (the region's, where it has its own).
    public let timeZone: TimeZone
    /// For a region that decrees its holidays yearly: the decrees loaded. Nil where every year
    /// is computed (one reference, so a calendar stays cheap to copy).
    private let regional: Regional?

    /// The loaded decrees of one region.
    final class Regional: Sendable {
        let decrees: [HolidayDecree]
        let years: Set<Int>
        init(_ decrees: [HolidayDecree]) {
            self.decrees = decrees
            self.years = Set(decrees.map(\.year))
        }
    }

    /// For a region that decrees its holidays yearly: the years whose decree is loaded.
    public var decreedYears: Set<Int>? { regional?.years }
    /// One bit per day of the supported years: a deadline asks "holiday?" many times, and a
    /// bit test is several times cheaper than hashing into a set.
    private let holidayBits: [UInt64]
    private static let firstDay = CivilDate(year: supportedYears.lowerBound, month: 1, day: 1)!.dayNumber
    /// Day numbers of the first and the last supported day.
    static let supportedDays = firstDay...CivilDate(year: supportedYears.upperBound, month: 12, day: 31)!.dayNumber

    /// Why a calendar cannot be made.
    public enum CalendarError: Error, Equatable, CustomStringConvertible {
        case unknownSubdivision(MemberState, String)
        case yearOutOfRange(Int)
        case decreeNotLoaded(MemberState, String, Int)

        public var description: String {
            switch self {
            case .decreeNotLoaded(let state, let code, let year):
                return
                    "\(state.code)-\(code): regional holidays are decreed each year and the \(year) decree is not loaded; load it (--decree FILE on the CLI, PACTUM_HOLIDAY_DECREES on the server) or count with national holidays only (no subdivision)"
            case .unknownSubdivision(let state, let code):
                let known = state.subdivisionCodes + state.decreedSubdivisionCodes
                return known.isEmpty
                    ? "\(state.code)-\(code): regional holidays of \(state.code) are not available; use national holidays"
                    : "\(state.code)-\(code) is not a subdivision of \(state.code); known: "
                        + known.map { "\(state.code)-\($0)" }.joined(separator: ", ")
            case .yearOutOfRange(let year):
                return
                    "year \(year) is outside \(HolidayCalendar.supportedYears.lowerBound)-\(HolidayCalendar.supportedYears.upperBound)"
            }
        }
    }

    /// Creates the calendar; `subdivision` may be given with or without the country prefix. A
    /// region whose holidays are decreed yearly takes the decrees an operator loaded.
    public init(state: MemberState, subdivision: String? = nil, decrees: [HolidayDecree] = []) throws {
        var code = subdivision?.uppercased()
        if let c = code, c.hasPrefix(state.code + "-") { code = String(c.dropFirst(state.code.count + 1)) }
        let decreed = code.map(state.decreedSubdivisionCodes.contains) == true
        if let code, !decreed, !state.subdivisionCodes.contains(code) {
            throw CalendarError.unknownSubdivision(state, code)
        }
        self.state = state
        self.subdivision = code
        self.timeZone = TimeZone(identifier: state.timeZoneIdentifier(subdivision: code))!
        let own = decrees.filter { $0.state == state && $0.subdivision == code }
        self.regional = decreed ? Regional(own) : nil
        var bits = [UInt64](repeating: 0, count: Self.supportedDays.count / 64 + 1)
        for year in Self.supportedYears {
            for holiday in Self.compute(state: state, subdivision: decreed ? nil : code, year: year)
                + (decreed ? own.filter { $0.year == year }.flatMap(\.holidays) : [])
            {
                let offset = CivilDate(iso: holiday.date)!.dayNumber - Self.firstDay
                bits[offset >> 6] |= 1 << UInt64(offset & 63)
            }
        }
        holidayBits = bits
    }

    /// The holidays of a year, in date order.
    public func holidays(in year: Int) throws -> [Holiday] {
        guard Self.supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        if let regional, let subdivision {
            guard regional.years.contains(year) else { throw CalendarError.decreeNotLoaded(state, subdivision, year) }
            let days =
                Self.compute(state: state, subdivision: nil, year: year)
                + regional.decrees.filter { $0.year == year }.flatMap(\.holidays)
            return days.sorted { $0.date < $1.date }
        }
        return Self.compute(state: state, subdivision: subdivision, year: year)
    }

    /// Refuses a day whose year has no loaded decree, in a region that decrees its holidays.
    public func requireCalendar(for year: Int) throws {
        if let regional, let subdivision, !regional.years.contains(year) {
            throw CalendarError.decreeNotLoaded(state, subdivision, year)
        }
    }

    /// Whether the day is a public holiday.
    public func isHoliday(_ date: CivilDate) -> Bool {
        let offset = date.dayNumber - Self.firstDay
        guard offset >= 0, offset < holidayBits.count * 64 else { return false }
        return holidayBits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// A day that is not a Saturday, a Sunday or a public holiday (1182/71 Art 2; APR Art 73(c)).
    public func isWorkingDay(_ date: CivilDate) -> Bool { !date.weekday.isWeekend && !isHoliday(date) }

    /// The first working day on or after `date`.
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// Applies the rules for one year: the days themselves first, then the observed days, in
    /// date order, so that a day already taken is skipped (BG, Christmas on a weekend).
    static func compute(state: MemberState, subdivision: String?, year: Int) -> [Holiday] {
        let rules = state.holidayRules.filter { rule in
            rule.applies(in: year) && (rule.subdivisions.isEmpty || subdivision.map(rule.subdivisions.contains) == true)
        }
        var found: [(date: CivilDate, name: String, observance: HolidayObservance)] = []
        for rule in rules {
            for date in rule.date.dates(in: year) {
                if rule.observance == .notOnSunday, date.weekday == .sunday { continue }
                found.append((date, rule.name, rule.observance))
            }
        }
        found.sort { $0.date < $1.date }
        var taken = Set(found.map(\.date))
        let perDay = Dictionary(grouping: found, by: \.date).mapValues(\.count)
        var observed: [(CivilDate, String)] = []
        for (date, name, observance) in found where observance != .none {
            let clash = perDay[date, default: 0] > 1
            let target: CivilDate?
            switch observance {
            case .none, .notOnSunday:
                target = nil
            case .weekendToMonday:
                target = date.weekday.isWeekend ? date.adding(days: 8 - date.weekday.rawValue) : nil
            case .sundayToMonday:
                target = date.weekday == .sunday ? date.adding(days: 1) : nil
            case .weekendToNextWorkingDay:
                // Bulgaria has kept weekend holidays on the next working day since 2017.
                target = date.weekday.isWeekend && year >= 2017 ? nextFree(after: date, taken: taken) : nil
            case .weekendOrHolidayToNextWorkingDay:
                target = date.weekday.isWeekend || clash ? nextFree(after: date, taken: taken) : nil
            }
            if let target {
                taken.insert(target)
                observed.append((target, "\(name) (observed)"))
            }
        }
        return (found.map { ($0.date, $0.name) } + observed).sorted { $0.0 < $1.0 }
            .map { Holiday(date: $0.0.description, name: $0.1) }
    }

    private static func nextFree(after date: CivilDate, taken: Set<CivilDate>) -> CivilDate {
        var day = date.adding(days: 1)
        while day.weekday.isWeekend || taken.contains(day) { day = day.adding(days: 1) }
        return day
    }
}
