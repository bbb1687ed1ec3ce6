import Foundation

/// When a period ends, and why.
public struct PeriodEnd: Sendable, Hashable {
    /// The last day of the period (for hours: the day on which the last hour expires, locally).
    public var lastDay: CivilDate
    /// The moment the period expires: the end of the last day, or of the last hour.
    public var expires: Date
    /// The last day before a move to the next working day, when there was one.
    public var movedFrom: CivilDate?
    /// The steps, in words, for the person who reads the answer.
    public var reasoning: [String]
}

/// Computes the end of a period in one Member State's calendar and time zone.
public struct PeriodCalculator: Sendable {
    public let calendar: HolidayCalendar
    public let settings: PeriodSettings
    private var timeZone: TimeZone { calendar.timeZone }

    public init(calendar: HolidayCalendar, settings: PeriodSettings = .default) {
        self.calendar = calendar
        self.settings = settings
    }

    /// Why a period cannot be computed.
    public enum PeriodError: Error, Equatable, CustomStringConvertible {
        case negativeAmount
        case outsideSupportedYears(Int)

        public var description: String {
            switch self {
            case .negativeAmount: "a period cannot be negative"
            case .outsideSupportedYears(let year):
                "the period reaches \(year), outside the calendar years \(HolidayCalendar.supportedYears.lowerBound)-\(HolidayCalendar.supportedYears.upperBound)"
            }
        }
    }

    /// The end of a period that runs from `event` (an instant), counted under `regime`.
    /// `explain: false` skips writing the reasoning, for bulk re-evaluation by a scheduler.
    public func end(of period: Period, from event: Date, regime: ComputationRegime, explain: Bool = true) throws
        -> PeriodEnd
    {
        guard period.amount >= 0 else { throw PeriodError.negativeAmount }
        if period.unit == .hours { return try endOfHours(period.amount, from: event, explain: explain) }
        return try end(of: period, fromDay: localDay(of: event), regime: regime, explain: explain)
    }

    /// The end of a period in days, working days, weeks, months or years from an event day.
    public func end(
        of period: Period, fromDay event: CivilDate, regime: ComputationRegime, explain: Bool = true
    ) throws -> PeriodEnd {
        guard period.amount >= 0 else { throw PeriodError.negativeAmount }
        if period.unit == .hours {
            return try endOfHours(period.amount, from: startOfDay(event), explain: explain)
        }
        try check(event)
        var reasoning = Reasoning(enabled: explain)
        reasoning.append(
            "The day of the event, \(event), is not counted (\(regime.cite(pact: "APR Art 73(a); AMMR Art 75(a); RBPR Art 11(a)", general: "1182/71 Art 3(1)", dublin: "Dublin III Art 42(a)")))."
        )
        var last: CivilDate
        switch period.unit {
        case .hours:
            fatalError("handled above")
        case .days:
            last = event.adding(days: period.amount)
            reasoning.append("\(period) after \(event) is \(last).")
        case .workingDays:
            // Only working days count; the last counted day is itself a working day.
            last = event
            var counted = 0
            while counted < period.amount {
                last = last.adding(days: 1)
                try check(last)
                if calendar.isWorkingDay(last) { counted += 1 }
            }
            reasoning.append(
                "Counting \(period), skipping Saturdays, Sundays and public holidays of \(calendar.state.code), the last is \(last) (1182/71 Art 2)."
            )
        case .weeks:
            last = event.adding(days: 7 * period.amount)
            reasoning.append(
                "\(period) end on the same weekday as the event: \(last) (\(regime.cite(pact: "APR Art 73(b)", general: "1182/71 Art 3(2)(c)", dublin: "Dublin III Art 42(b)")))."
            )
        case .months, .years:
            let months = period.unit == .months ? period.amount : 12 * period.amount
            last = event.adding(months: months)
            let sameNumber = last.day == event.day
            reasoning.append(
                sameNumber
                    ? "\(period) end on the same date of the month: \(last) (\(regime.cite(pact: "APR Art 73(b)", general: "1182/71 Art 3(2)(c)", dublin: "Dublin III Art 42(b)")))."
                    : "The date \(event.day) does not exist in the last month, so the period ends on its last day, \(last) (\(regime.cite(pact: "APR Art 73(b); AMMR Art 75(c)", general: "1182/71 Art 3(2)(c)", dublin: "Dublin III Art 42(b)")))."
            )
        }
        try check(last)
        var movedFrom: CivilDate?
        if regime == .dublinIII, !calendar.isWorkingDay(last) {
            reasoning.append(
                "\(last) is not a working day in \(calendar.state.code), and the limit still ends then: Dublin III time limits include Saturdays, Sundays and public holidays (Dublin III Art 42(c))."
            )
        } else if period.unit != .workingDays, !calendar.isWorkingDay(last) {
            movedFrom = last
            last = calendar.workingDay(onOrAfter: last)
            try check(last)
            reasoning.append(
                "\(movedFrom!) is \(calendar.isHoliday(movedFrom!) ? "a public holiday" : movedFrom!.weekday == .saturday ? "a Saturday" : "a Sunday") in \(calendar.state.code): the period ends on the next working day, \(last) (\(regime == .pact ? "APR Art 73(c); AMMR Art 75(d); RBPR Art 11(c)" : "1182/71 Art 3(4)"))."
            )
        }
        let twoWorkingDays =
            switch regime {
            case .general: settings.twoWorkingDaysRuleInGeneralRegime
            case .pact: settings.twoWorkingDaysRuleInPactRegime
            case .dublinIII: false
            }
        // 1182/71 Art 3(5): a period of two days or more includes at least two working days.
        if twoWorkingDays, period.unit != .workingDays, period.unit != .days || period.amount >= 2 {
            var working = (0..<(last.dayNumber - event.dayNumber)).filter {
                calendar.isWorkingDay(event.adding(days: $0 + 1))
            }.count
            let before = last
            while working < 2 {
                last = last.adding(days: 1)
                try check(last)
                if calendar.isWorkingDay(last) { working += 1 }
            }
            if last != before {
                movedFrom = movedFrom ?? before
                reasoning.append(
                    "A period of two days or more includes at least two working days: it ends on \(last) (1182/71 Art 3(5))."
                )
            }
        }
        reasoning.append(
            "It expires at the end of \(last), local time in \(calendar.subdivision.map { "\(calendar.state.code)-\($0)" } ?? calendar.state.name) (\(timeZone.identifier))."
        )
        return PeriodEnd(
            lastDay: last, expires: startOfDay(last.adding(days: 1)), movedFrom: movedFrom, reasoning: reasoning.lines)
    }

    /// Hours: the hour of the event is not counted, the period starts at the beginning of the
    /// next hour and ends when the last hour expires; no move to a working day (1182/71 Art
    /// 3(1), 3(2)(a), 3(4)). Hours are elapsed time, so a change to or from summer time
    /// neither adds nor removes one.
    private func endOfHours(_ hours: Int, from event: Date, explain: Bool) throws -> PeriodEnd {
        // Every European zone is a whole number of hours from UTC, so local hours start on UTC hours.
        let nextHour = (event.timeIntervalSince1970 / 3600).rounded(.down) * 3600 + 3600
        let expires = Date(timeIntervalSince1970: nextHour + Double(hours) * 3600)
        let day = localDay(of: expires.addingTimeInterval(-1))
        try check(day, holidays: false)
        return PeriodEnd(
            lastDay: day, expires: expires, movedFrom: nil,
            reasoning: !explain
                ? []
                : [
                    "The hour in which the event occurred is not counted: the period starts at the next full hour (1182/71 Art 3(1)).",
                    "\(hours) hours later it expires (1182/71 Art 3(2)(a)); periods in hours are not moved to a working day.",
                ])
    }

    /// A counted day must be in the supported years and, in a region that decrees its holidays
    /// yearly, in a year whose decree is loaded. Hours need no calendar.
    private func check(_ day: CivilDate, holidays: Bool = true) throws {
        guard HolidayCalendar.supportedYears.contains(day.year) else {
            throw PeriodError.outsideSupportedYears(day.year)
        }
        if holidays { try calendar.requireCalendar(for: day.year) }
    }

    /// The local calendar day of an instant.
    public func localDay(of instant: Date) -> CivilDate {
        let seconds = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return CivilDate(dayNumber: Int((seconds / 86400).rounded(.down)))
    }

    /// Local midnight at the start of a day.
    public func startOfDay(_ day: CivilDate) -> Date {
        let utcMidnight = Double(day.dayNumber) * 86400
        let guess = utcMidnight - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight)))
        return Date(
            timeIntervalSince1970: utcMidnight
                - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }
}

/// The written steps of a computation, skipped entirely when nobody will read them.
struct Reasoning {
    let enabled: Bool
    private(set) var lines: [String] = []

    init(enabled: Bool) { self.enabled = enabled }

    mutating func append(_ line: @autoclosure () -> String) {
        if enabled { lines.append(line()) }
    }
}
