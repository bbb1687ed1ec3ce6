import Foundation
import Synchronization

/// The answer to "when does this limit expire?".
public struct Deadline: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
    public var citation: String
    public var state: String
    /// The region whose calendar and time zone counted, when one was given (ES-CN).
    public var subdivision: String?
    /// The triggering event as given.
    public var from: String
    /// What the event is: the rule's trigger, or the variant's own.
    public var trigger: String
    /// The last day (`YYYY-MM-DD`); for limits in hours the moment of expiry with its offset.
    public var due: String
    /// The moment of expiry, ISO 8601 with the state's offset.
    public var expires: String
    /// For windows that national law fixes: the earliest permitted end.
    public var earliestDue: String?
    public var period: String
    /// `crisis`, an extension id, or nil for the base limit.
    public var variant: String?
    /// The situation of a crisis variant (CFM Art 1(4),(5)).
    public var crisisKind: CrisisKind?
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
    case crisisKindExcluded(String, CrisisKind, [CrisisKind])
    case crisisBeforeCFM(String, String)
    case dublinIIIApplies(String, String, String?)
    case ammrApplies(String, String)
    case directive201332(String, String)

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
        case .crisisKindExcluded(let id, let kind, let kinds):
            "\(id) has no derogation in a situation of \(kind.rawValue); only in: \(kinds.map(\.rawValue).joined(separator: ", "))"
        case .crisisBeforeCFM(let id, let day):
            "\(id): the event on \(day) is before 1 July 2026, when the Crisis and Force Majeure Regulation starts to apply (CFM Art 20): no crisis derogation"
        case .dublinIIIApplies(let id, let day, let equivalent):
            "\(id) is an AMMR limit, and the application was registered on \(day), before 1 July 2026: Dublin III (Regulation (EU) No 604/2013) governs it (AMMR Art 84(2))"
                + (equivalent.map { "; use \($0)" } ?? "; Pactum lists no Dublin III equivalent of this limit")
        case .ammrApplies(let id, let day):
            "\(id) is a Dublin III limit, and the application was registered on \(day), on or after 1 July 2026: the AMMR governs it (AMMR Arts 84(2), 85)"
        case .directive201332(let id, let day):
            "\(id) is an APR limit, and the application was lodged on \(day), before 12 June 2026: Directive 2013/32/EU and the national law transposing it govern it (APR Art 79(3)); Pactum does not compute those limits"
        }
    }
}

/// The dates of the application a limit belongs to, which decide the regime in force: AMMR or
/// Dublin III by registration (AMMR Art 84(2)), APR or Directive 2013/32 by lodging (APR Art 79(3)).
public struct ApplicationDates: Sendable, Hashable {
    public var registered: CivilDate?
    public var lodged: CivilDate?

    public init(registered: CivilDate? = nil, lodged: CivilDate? = nil) {
        self.registered = registered
        self.lodged = lodged
    }

    static let aprStart = CivilDate(year: 2026, month: 6, day: 12)!
    static let ammrStart = CivilDate(year: 2026, month: 7, day: 1)!
}

/// Computes the deadlines of the catalogue in each state's calendar.
public final class DeadlineEngine: Sendable {
    public let settings: PeriodSettings
    /// Regional calendars an operator loaded (HolidayDecree).
    public let decrees: [HolidayDecree]
    /// Calendars are built on first use: a server that only ever counts German deadlines
    /// never computes the other thirty.
    private let calculators = Mutex<[MemberState: PeriodCalculator]>([:])
    private let regional = Mutex<[String: PeriodCalculator]>([:])

    public init(settings: PeriodSettings = .default, decrees: [HolidayDecree] = []) {
        self.settings = settings
        self.decrees = decrees
    }

    /// The calculator of one state (national calendar).
    public func calculator(for state: MemberState) -> PeriodCalculator {
        if let cached = calculators.withLock({ $0[state] }) { return cached }
        // A state's national calendar always exists, so this cannot throw.
        let made = PeriodCalculator(calendar: try! HolidayCalendar(state: state), settings: settings)
        calculators.withLock { $0[state] = made }
        return made
    }

    /// The calculator of a region (its holidays, its time zone), or of the state without one.
    public func calculator(for state: MemberState, subdivision: String?) throws -> PeriodCalculator {
        guard let subdivision, !subdivision.isEmpty else { return calculator(for: state) }
        let key = "\(state.code)/\(subdivision.uppercased())"
        if let cached = regional.withLock({ $0[key] }) { return cached }
        let made = PeriodCalculator(
            calendar: try HolidayCalendar(state: state, subdivision: subdivision, decrees: decrees), settings: settings)
        regional.withLock { $0[key] = made }
        return made
    }

    /// The deadline of `ruleID` in `state` (or one of its regions) for an event at `from` (a
    /// date, or a date and time). `extension` is an extension id, or "" for the only one the
    /// rule has; `crisis` the situation whose derogation applies; `application` the dates that
    /// decide which regime governs the application.
    public func deadline(
        _ ruleID: String, state: MemberState, subdivision: String? = nil, from: String, crisis: CrisisKind? = nil,
        extension: String? = nil, application: ApplicationDates = .init()
    ) throws -> Deadline {
        guard let rule = ClockRule.named(ruleID) else { throw DeadlineError.unknownRule(ruleID) }
        try Self.checkRegime(of: rule, application)
        let variant = try Self.variant(of: rule, crisis: crisis, extension: `extension`)
        let period = variant?.period ?? rule.period
        let regime = period.unit == .hours ? .general : (variant?.regime ?? rule.regime)
        let calculator = try calculator(for: state, subdivision: subdivision)
        let event = try EventTime(from, in: calculator)
        if period.unit == .hours, event.instant == nil { throw DeadlineError.needsTime(rule.id) }
        if crisis != nil, event.day < CrisisKind.appliesFrom {
            throw DeadlineError.crisisBeforeCFM(rule.id, event.day.description)
        }
        var end =
            if let instant = event.instant {
                try calculator.end(of: period, from: instant, regime: regime)
            } else {
                try calculator.end(of: period, fromDay: event.day, regime: regime)
            }
        if let then = variant?.then {
            // Elapsed time after the end of the period (EDAC Art 26(4)).
            let expires = end.expires.addingTimeInterval(Double(then.amount) * 3600)
            end = PeriodEnd(
                lastDay: calculator.localDay(of: expires.addingTimeInterval(-1)), expires: expires, movedFrom: nil,
                reasoning: end.reasoning + ["Then \(then) more, as elapsed time from that end (\(variant!.citation))."])
        }
        var earliest: String?
        if let minimum = rule.minimum, variant == nil {
            earliest = try calculator.end(of: minimum, fromDay: event.day, regime: regime).lastDay.description
        }
        let (applicable, note) = Self.applicability(of: rule, on: event.day, application)
        let trigger = variant?.trigger ?? rule.trigger
        var reasoning = [
            "\(rule.title): \(period)\(variant?.then.map { " + \($0)" } ?? ""), counted from: \(trigger) (\(variant?.citation ?? rule.citation))."
        ]
        if let variant {
            reasoning.append(
                "Variant \(variant.id)\(crisis.map { " (\($0.rawValue))" } ?? ""): \(variant.grounds)\(variant.trigger != nil ? "; it runs from its own event, not from \(rule.trigger)" : "")."
            )
        }
        if let party = rule.countedIn {
            reasoning.append("Counted in the calendar of \(party): give that state as the state (\(state.code) here).")
        }
        reasoning += end.reasoning
        if let note { reasoning.append(note) }
        let zone = calculator.calendar.timeZone
        let expires = Self.iso(end.expires, in: zone)
        let hours = period.unit == .hours || variant?.then != nil
        return Deadline(
            rule: rule.id, title: rule.title, citation: variant?.citation ?? rule.citation, state: state.code,
            subdivision: calculator.calendar.subdivision.map { "\(state.code)-\($0)" }, from: from, trigger: trigger,
            due: hours ? expires : end.lastDay.description, expires: expires, earliestDue: earliest,
            period: period.description + (variant?.then.map { " + \($0)" } ?? ""), variant: variant?.id,
            crisisKind: crisis, regime: regime, consequence: rule.consequence, applicable: applicable,
            reasoning: reasoning)
    }

    /// Refuses a limit of a regime that does not govern the application: AMMR limits for
    /// applications registered before 1 July 2026 and Dublin III limits for later ones (AMMR Art
    /// 84(2)), APR limits for applications lodged before 12 June 2026 (APR Art 79(3)).
    static func checkRegime(of rule: ClockRule, _ application: ApplicationDates) throws {
        if let registered = application.registered {
            if rule.act == "AMMR", registered < ApplicationDates.ammrStart {
                throw DeadlineError.dublinIIIApplies(
                    rule.id, registered.description, ClockRule.dublinIIIEquivalent[rule.id])
            }
            if rule.act == "DUBLIN3", registered >= ApplicationDates.ammrStart {
                throw DeadlineError.ammrApplies(rule.id, registered.description)
            }
        }
        if let lodged = application.lodged, rule.act == "APR", lodged < ApplicationDates.aprStart {
            throw DeadlineError.directive201332(rule.id, lodged.description)
        }
    }

    static func variant(of rule: ClockRule, crisis: CrisisKind?, extension: String?) throws -> ClockRule.Variant? {
        if let crisis {
            guard let variant = rule.crisis else { throw DeadlineError.noCrisisVariant(rule.id) }
            let kinds = variant.crisisKinds ?? CrisisKind.allCases
            guard kinds.contains(crisis) else { throw DeadlineError.crisisKindExcluded(rule.id, crisis, kinds) }
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

    /// Whether the act of the rule applies: from the application's dates where they are given
    /// (checkRegime refused the wrong regime), otherwise from the event's day (legal-rules.md §0.1).
    static func applicability(of rule: ClockRule, on day: CivilDate, _ application: ApplicationDates) -> (Bool, String?)
    {
        if rule.act == "DUBLIN3" {
            return (
                true,
                application.registered == nil
                    ? "Dublin III limits govern applications registered before 1 July 2026 (AMMR Art 84(2)); give the registration date to check."
                    : nil
            )
        }
        if (rule.act == "AMMR" && application.registered != nil) || (rule.act == "APR" && application.lodged != nil) {
            return (true, nil)
        }
        guard let act = PactInstrument.all.first(where: { $0.id == rule.act }),
            let start = CivilDate(iso: act.appliesFrom),
            day < start
        else { return (true, nil) }
        let before: String =
            switch rule.act {
            case "APR":
                "Applications lodged before 12 June 2026 stay under Directive 2013/32/EU (APR Art 79(3)); give the lodging date to decide."
            case "AMMR":
                "Applications registered before 1 July 2026 keep Dublin III (AMMR Art 84(2)); give the registration date to decide."
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
