import Foundation
import Synchronization

/// The answer to "when does this limit expire?".
public struct Deadline: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
    public var citation: String
    public var state: String
    /// The triggering event as given.
    public var from: String
    /// The last day (`YYYY-MM-DD`); for limits in hours the moment of expiry with its offset.
    public var due: String
    /// The moment of expiry, ISO 8601 with the state's offset.
    public var expires: String
    /// For windows that national law fixes: the earliest permitted end.
    public var earliestDue: String?
    public var period: String
    /// `crisis`, an extension id, or nil for the base limit.
    public var variant: String?
    public var regime: ComputationRegime
    public var consequence: String
    /// False when the triggering event is before the act applies.
    public var applicable: Bool
    public var reasoning: [String]
}

/// Errors in a deadline question, each stated so a person can correct it.
public enum DeadlineError: Error, Equatable, CustomStringConvertible {
    case unknownRule(String)
    case noCrisisVariant(String)
    case noExtension(String)
    case ambiguousExtension(String, [String])
    case unknownExtension(String, String, [String])
    case needsTime(String)
    case invalidFrom(String)

    public var description: String {
        switch self {
        case .unknownRule(let id): "no rule \(id); `pactum law rules` lists them"
        case .noCrisisVariant(let id): "\(id) has no crisis or force-majeure variant"
        case .noExtension(let id): "\(id) cannot be extended"
        case .ambiguousExtension(let id, let ids):
            "\(id) has several extensions; choose one of: \(ids.joined(separator: ", "))"
        case .unknownExtension(let id, let ext, let ids):
            "\(id) has no extension \(ext); choose one of: \(ids.joined(separator: ", "))"
        case .needsTime(let id): "\(id) counts hours: give the event as a date and time, e.g. 2026-12-22T14:30:00+01:00"
        case .invalidFrom(let text):
            "\(text) is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDThh:mm[:ss]±hh:mm or Z)"
        }
    }
}

/// Computes the deadlines of the catalogue in each state's calendar.
public final class DeadlineEngine: Sendable {
    public let settings: PeriodSettings
    /// Calendars are built on first use: a server that only ever counts German deadlines
    /// never computes the other thirty.
    private let calculators = Mutex<[MemberState: PeriodCalculator]>([:])

    public init(settings: PeriodSettings = .default) {
        self.settings = settings
    }

    /// The calculator of one state (national calendar).
    public func calculator(for state: MemberState) -> PeriodCalculator {
        if let cached = calculators.withLock({ $0[state] }) { return cached }
        // A state's national calendar always exists, so this cannot throw.
        let made = PeriodCalculator(calendar: try! HolidayCalendar(state: state), settings: settings)
        calculators.withLock { $0[state] = made }
        return made
    }

    /// The deadline of `ruleID` in `state` for an event at `from` (a date, or a date and time).
    /// `extension` is an extension id, or "" for the only one the rule has.
    public func deadline(
        _ ruleID: String, state: MemberState, from: String, crisis: Bool = false, extension: String? = nil
    ) throws -> Deadline {
        guard let rule = ClockRule.named(ruleID) else { throw DeadlineError.unknownRule(ruleID) }
        let variant = try Self.variant(of: rule, crisis: crisis, extension: `extension`)
        let period = variant?.period ?? rule.period
        let regime = period.unit == .hours ? .general : (variant?.regime ?? rule.regime)
        let calculator = calculator(for: state)
        let event = try EventTime(from, in: calculator)
        if period.unit == .hours, event.instant == nil { throw DeadlineError.needsTime(rule.id) }
        let end =
            if let instant = event.instant {
                try calculator.end(of: period, from: instant, regime: regime)
            } else {
                try calculator.end(of: period, fromDay: event.day, regime: regime)
            }
        var earliest: String?
        if let minimum = rule.minimum, variant == nil {
            earliest = try calculator.end(of: minimum, fromDay: event.day, regime: regime).lastDay.description
        }
        let (applicable, note) = Self.applicability(of: rule, on: event.day)
        var reasoning = [
            "\(rule.title): \(period), counted from: \(rule.trigger) (\(variant?.citation ?? rule.citation))."
        ]
        if let variant { reasoning.append("Variant \(variant.id): \(variant.grounds).") }
        reasoning += end.reasoning
        if let note { reasoning.append(note) }
        let expires = Self.iso(end.expires, in: state.timeZone)
        return Deadline(
            rule: rule.id, title: rule.title, citation: variant?.citation ?? rule.citation, state: state.code,
            from: from,
            due: period.unit == .hours ? expires : end.lastDay.description, expires: expires, earliestDue: earliest,
            period: period.description, variant: variant?.id, regime: regime, consequence: rule.consequence,
            applicable: applicable, reasoning: reasoning)
    }

    static func variant(of rule: ClockRule, crisis: Bool, extension: String?) throws -> ClockRule.Variant? {
        if crisis {
            guard let variant = rule.crisis else { throw DeadlineError.noCrisisVariant(rule.id) }
            return variant
        }
        guard let wanted = `extension` else { return nil }
        let ids = rule.extensions.map(\.id)
        if rule.extensions.isEmpty { throw DeadlineError.noExtension(rule.id) }
        if wanted.isEmpty {
            guard rule.extensions.count == 1 else { throw DeadlineError.ambiguousExtension(rule.id, ids) }
            return rule.extensions[0]
        }
        guard let variant = rule.extensions.first(where: { $0.id == wanted }) else {
            throw DeadlineError.unknownExtension(rule.id, wanted, ids)
        }
        return variant
    }

    /// Whether the act of the rule applies to an event on `day` (legal-rules.md §0.1).
    static func applicability(of rule: ClockRule, on day: CivilDate) -> (Bool, String?) {
        guard let act = PactInstrument.all.first(where: { $0.id == rule.act }),
            let start = CivilDate(iso: act.appliesFrom),
            day < start
        else { return (true, nil) }
        let before: String =
            switch rule.act {
            case "APR": "Applications lodged before 12 June 2026 stay under Directive 2013/32/EU (APR Art 79(2),(3))."
            case "AMMR":
                "Applications registered before 1 July 2026 keep the Dublin III criteria and limits (AMMR Art 84(1),(2))."
            default: "Earlier events fall under the rules in force before."
            }
        return (false, "\(act.act) applies from \(act.appliesFrom) (\(act.citation)); the event is earlier. \(before)")
    }

    static func iso(_ date: Date, in zone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: zone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }
}

/// The triggering event: a day, or a day and a time.
struct EventTime {
    var day: CivilDate
    var instant: Date?

    init(_ text: String, in calculator: PeriodCalculator) throws {
        if let day = CivilDate(iso: text) {
            self.day = day
            self.instant = nil
        } else if let instant = try? Date(text, strategy: .iso8601) {
            self.instant = instant
            self.day = calculator.localDay(of: instant)
        } else {
            throw DeadlineError.invalidFrom(text)
        }
    }
}
