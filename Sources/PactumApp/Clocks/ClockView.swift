import Foundation
import PactumLaw
import Vapor

/// A clock as every page and API answer shows it: the rule, the limit, the time left and the
/// status in the one vocabulary, with the citation and any variant or reason; and for people,
/// the limit in the Member State's local time, the time left in words and the status's label
/// (the clock badge, `Views/Kernel/clock.leaf`).
struct ClockView: Content, Equatable {
    var rule: String
    var dueAt: Date
    var hoursLeft: Double
    /// Unrounded, so that pages word the time left to the minute in any language.
    var secondsLeft: Double
    var status: ClockStatus
    var citation: String
    var variant: String?
    var reason: String?
    /// The Member State whose calendar counts the limit, and whose local time `dueLocal` is.
    var state: String
    var dueLocal: String
    var timeLeft: String
    var statusLabel: String
    /// The Legal clocks page counting this limit from its event, with every step and the
    /// holidays that moved it.
    var reasoning: String

    init(_ c: LegalClock, now: Date) {
        rule = c.rule
        dueAt = c.dueAt
        hoursLeft = c.position.hoursLeft(at: now)
        secondsLeft = c.position.secondsLeft(at: now)
        status = c.status(at: now)
        citation = c.citation
        variant = c.variant
        reason = c.reason
        state = c.state.code
        dueLocal = Self.local(c.dueAt, in: c.state)
        timeLeft = ClockWording.timeLeft(seconds: c.position.secondsLeft(at: now), status: status)
        statusLabel = ClockWording.label(status)
        var query = URLComponents()
        query.queryItems = [
            .init(name: "rule", value: c.rule), .init(name: "state", value: c.state.code),
            .init(name: "from", value: c.triggeredAt.iso),
        ]
        if let variant = c.variant, ClockRule.named(c.rule)?.extensions.contains(where: { $0.id == variant }) == true {
            query.queryItems?.append(.init(name: "extension", value: variant))
        }
        reasoning = "/law?" + (query.percentEncodedQuery ?? "")
    }

    /// "Thu 26 Nov 2026, 00:00 CET": the day, the time and the zone where the limit runs.
    static func local(_ date: Date, in state: MemberState) -> String { local(date, in: state.timeZone) }

    static func local(_ date: Date, in zone: TimeZone) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(weekday: .abbreviated) \(day: .defaultDigits) \(month: .abbreviated) \(year: .defaultDigits), \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits) \(timeZone: .specificName(.short))",
                locale: Locale(identifier: "en_GB"), timeZone: zone, calendar: Calendar(identifier: .gregorian)))
    }

    /// "Thu 26 Nov 2026": the calendar day in that zone.
    static func day(_ date: Date, in zone: TimeZone) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(weekday: .abbreviated) \(day: .defaultDigits) \(month: .abbreviated) \(year: .defaultDigits)",
                locale: Locale(identifier: "en_GB"), timeZone: zone, calendar: Calendar(identifier: .gregorian)))
    }
}
