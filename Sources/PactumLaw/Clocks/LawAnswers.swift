import Foundation

/// The public holidays of one state and year, as the CLI and the API print them.
public struct HolidayList: Sendable, Codable, Equatable {
    public var state: String
    public var subdivision: String?
    public var year: Int
    public var holidays: [Holiday]
    public var source: String

    /// Answers "which days are public holidays" for a state, an optional subdivision and a year.
    public init(state: MemberState, subdivision: String?, year: Int, decrees: [HolidayDecree] = []) throws {
        let calendar = try HolidayCalendar(state: state, subdivision: subdivision, decrees: decrees)
        self.state = state.code
        self.subdivision = calendar.subdivision.map { "\(state.code)-\($0)" }
        self.year = year
        self.holidays = try calendar.holidays(in: year)
        let decree = decrees.first { $0.state == state && $0.subdivision == calendar.subdivision && $0.year == year }
        self.source =
            "national law, as transcribed in PactumLaw (HolidayTables.swift); docs/LAW.md lists deviations"
            + (decree.map { "; regional days from the loaded decree: \($0.source)" } ?? "")
    }
}

/// The end of a plain period, as the CLI and the API print it.
public struct PeriodAnswer: Sendable, Codable, Equatable {
    public var state: String
    public var from: String
    public var period: String
    public var regime: ComputationRegime
    public var regimeCitation: String
    /// The last day, or for hours the moment of expiry with its offset.
    public var due: String
    public var expires: String
    public var movedFrom: String?
    public var reasoning: [String]

    /// Counts `period` from `from` (a date, or a date and time) in `state` or one of its regions.
    public init(
        engine: DeadlineEngine, state: MemberState, subdivision: String? = nil, from: String, period: Period,
        regime: ComputationRegime
    ) throws {
        let calculator = try engine.calculator(for: state, subdivision: subdivision)
        let event = try EventTime(from, in: calculator)
        if period.unit == .hours, event.instant == nil { throw DeadlineError.needsTime("a period in hours") }
        // Hours are always counted under 1182/71 (legal-rules.md §8).
        let regime = period.unit == .hours ? .general : regime
        let end =
            if let instant = event.instant {
                try calculator.end(of: period, from: instant, regime: regime)
            } else {
                try calculator.end(of: period, fromDay: event.day, regime: regime)
            }
        let expires = DeadlineEngine.iso(end.expires, in: calculator.calendar.timeZone)
        self.state = state.code
        self.from = from
        self.period = period.description
        self.regime = regime
        self.regimeCitation = regime.citation
        self.due = period.unit == .hours ? expires : end.lastDay.description
        self.expires = expires
        self.movedFrom = end.movedFrom?.description
        self.reasoning = end.reasoning
    }
}
