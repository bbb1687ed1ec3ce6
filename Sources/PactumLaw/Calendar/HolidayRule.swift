/// How a public holiday's date is found in a given year.
public enum HolidayDate: Sendable {
    /// The same day every year.
    case fixed(month: Int, day: Int)
    /// Days after (or before, if negative) Western Easter Sunday.
    case easter(Int)
    /// Days after Orthodox Easter Sunday.
    case orthodoxEaster(Int)
    /// The n-th given weekday of a month; n = -1 is the last.
    case nthWeekday(Weekday, n: Int, month: Int)
    /// The first given weekday on or after a day (Swedish Midsummer: Saturday from 20 June).
    case weekdayOnOrAfter(Weekday, month: Int, day: Int)
    /// Days decreed one by one (bridge days, extra holidays), each with its year.
    case decreed([CivilDate])
    /// A rule of its own, described by the table that uses it.
    case rule(@Sendable (Int) -> [CivilDate])

    /// The dates in `year` (none, one, or several for decreed days).
    func dates(in year: Int) -> [CivilDate] {
        switch self {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day).map { [$0] } ?? []
        case .easter(let offset):
            return [Easter.western(year).adding(days: offset)]
        case .orthodoxEaster(let offset):
            return [Easter.orthodox(year).adding(days: offset)]
        case .nthWeekday(let weekday, let n, let month):
            if n > 0 {
                let first = CivilDate(year: year, month: month, day: 1)!
                let shift = (weekday.rawValue - first.weekday.rawValue + 7) % 7
                return [first.adding(days: shift + 7 * (n - 1))]
            }
            let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
            let shift = (last.weekday.rawValue - weekday.rawValue + 7) % 7
            return [last.adding(days: -shift - 7 * (-n - 1))]
        case .weekdayOnOrAfter(let weekday, let month, let day):
            let start = CivilDate(year: year, month: month, day: day)!
            return [start.adding(days: (weekday.rawValue - start.weekday.rawValue + 7) % 7)]
        case .decreed(let dates):
            return dates.filter { $0.year == year }
        case .rule(let compute):
            return compute(year)
        }
    }
}

/// When a holiday that falls on a weekend is also kept on a working day.
public enum HolidayObservance: Sendable, Hashable {
    /// Kept only when it does not fall on a Sunday: Spain's national holidays on a Sunday are
    /// moved, or not, by each region, so they are not common to the whole state.
    case notOnSunday
    /// Not moved.
    case none
    /// Saturday or Sunday: the next Monday is also a holiday (LV, IE).
    case weekendToMonday
    /// Sunday only: the next Monday (ES regions).
    case sundayToMonday
    /// Saturday or Sunday: the next day that is neither a weekend nor another holiday (BG).
    case weekendToNextWorkingDay
    /// On a weekend or on another holiday: the next working day (GR Labour Day).
    case weekendOrHolidayToNextWorkingDay
}

/// One public holiday of a state or of some of its subdivisions, with the years it applies.
public struct HolidayRule: Sendable {
    /// English name.
    public var name: String
    public var date: HolidayDate
    /// First and last year in which the law provides the holiday.
    public var years: ClosedRange<Int>
    /// ISO 3166-2 codes (without the country prefix) where it applies; empty = the whole state.
    public var subdivisions: Set<String>
    public var observance: HolidayObservance
    /// Applies only in years for which this is true (NL: Liberation Day every fifth year).
    public var onlyIn: (@Sendable (Int) -> Bool)?

    public init(
        _ name: String, _ date: HolidayDate, years: ClosedRange<Int> = 1900...2200, in subdivisions: Set<String> = [],
        observed: HolidayObservance = .none, onlyIn: (@Sendable (Int) -> Bool)? = nil
    ) {
        self.name = name
        self.date = date
        self.years = years
        self.subdivisions = subdivisions
        self.observance = observed
        self.onlyIn = onlyIn
    }

    /// Whether the rule gives a holiday in `year` at all.
    func applies(in year: Int) -> Bool { years.contains(year) && (onlyIn?(year) ?? true) }
}

// Shorthands for the tables.
extension HolidayRule {
    static func fixed(
        _ name: String, _ month: Int, _ day: Int, years: ClosedRange<Int> = 1900...2200, in subs: Set<String> = [],
        observed: HolidayObservance = .none
    ) -> HolidayRule {
        HolidayRule(name, .fixed(month: month, day: day), years: years, in: subs, observed: observed)
    }

    static func easter(_ name: String, _ offset: Int, years: ClosedRange<Int> = 1900...2200, in subs: Set<String> = [])
        -> HolidayRule
    {
        HolidayRule(name, .easter(offset), years: years, in: subs)
    }

    static func orthodox(_ name: String, _ offset: Int) -> HolidayRule { HolidayRule(name, .orthodoxEaster(offset)) }

    static func decreed(_ name: String, _ dates: String...) -> HolidayRule {
        HolidayRule(name, .decreed(dates.map { CivilDate(iso: $0)! }))
    }

    /// The same rule limited to some subdivisions.
    func only(_ subdivisions: Set<String>) -> HolidayRule {
        var copy = self
        copy.subdivisions = subdivisions
        return copy
    }

    static let newYear = fixed("New Year's Day", 1, 1)
    static let epiphany = fixed("Epiphany", 1, 6)
    static let goodFriday = easter("Good Friday", -2)
    static let easterSunday = easter("Easter Sunday", 0)
    static let easterMonday = easter("Easter Monday", 1)
    static let labourDay = fixed("Labour Day", 5, 1)
    static let ascension = easter("Ascension Day", 39)
    static let whitSunday = easter("Whit Sunday", 49)
    static let whitMonday = easter("Whit Monday", 50)
    static let corpusChristi = easter("Corpus Christi", 60)
    static let assumption = fixed("Assumption Day", 8, 15)
    static let allSaints = fixed("All Saints' Day", 11, 1)
    static let immaculateConception = fixed("Immaculate Conception", 12, 8)
    static let christmasEve = fixed("Christmas Eve", 12, 24)
    static let christmas = fixed("Christmas Day", 12, 25)
    static let stStephen = fixed("St Stephen's Day", 12, 26)
}
