/// A first-instance decision on an application, as the appeal rules need it (APR Arts 67-68, 56).
public struct DecisionFacts: Sendable, Codable, Equatable {
    /// inadmissible, unfounded, manifestly-unfounded or implicit-withdrawal.
    public var decision: String
    /// For an inadmissibility decision: the ground, 38(1)(a)-(e) or 38(2).
    public var inadmissibilityGround: String?
    /// An Art 42(1) or 42(3) circumstance applied when the decision was taken (APR Art 67(7)(a)).
    public var acceleratedCircumstance: Bool?
    /// The application was examined in the border procedure (APR Art 68(3)(a)(ii)).
    public var borderProcedure: Bool?
    public var unaccompaniedMinor: Bool?
    /// For a subsequent application: first, or second-or-later (APR Art 56).
    public var subsequent: String?
    /// A first subsequent application made only to delay or frustrate an imminent removal and
    /// not further examined (APR Art 56(a)).
    public var madeOnlyToDelayRemoval: Bool?
    /// The appeal is against a first court decision (APR Art 68(7)).
    public var onwardAppeal: Bool?
    /// The day the decision was notified, with the state whose calendar counts.
    public var notifiedOn: String?
    public var state: String?

    public static let decisions = ["inadmissible", "unfounded", "manifestly-unfounded", "implicit-withdrawal"]
    public static let grounds = ["38(1)(a)", "38(1)(b)", "38(1)(c)", "38(1)(d)", "38(1)(e)", "38(2)"]
}

/// How the appeal against a decision runs: its window, and whether the applicant may remain.
public struct AppealAnswer: Sendable, Codable, Equatable {
    public struct Window: Sendable, Codable, Equatable {
        /// APR-AP2 (5-10 days) or APR-AP3 (2 weeks-1 month).
        public var rule: String
        public var citation: String
        public var reason: String
        /// With the notification day: the earliest and the latest end national law may fix.
        public var earliestDue: String?
        public var latestDue: String?
    }

    public var window: Window
    /// automatic (APR Art 68(2)), on-request (68(3)-(5)), or none (68(7)).
    public var rightToRemain: String
    public var rightToRemainReason: String
    /// Where the right is not automatic: the request to remain (APR-AP8, at least 5 days), and
    /// no removal before it expires and, if made, before the court decides (68(5)(d)).
    public var requestToRemainDue: String?
    public var notes: [String]
}

/// Readings the appeal rules leave open (docs/LAW.md), as named settings.
public struct AppealSettings: Sendable, Codable, Equatable {
    /// legal-rules.md open question 3: APR Art 67(7)(a) lists inadmissibility, implicit
    /// withdrawal, unfounded and manifestly unfounded decisions, then "if, at the time of the
    /// decision, any of the circumstances of Art 42(1) or (3) apply".
    public enum ShortWindowReading: String, Sendable, Codable, CaseIterable {
        /// The condition qualifies every kind of decision in the list (the sentence's plain reading).
        case conditionOnEveryKind = "condition-on-every-kind"
        /// The condition qualifies only unfounded and manifestly unfounded rejections; every
        /// inadmissibility and implicit-withdrawal decision has the short window.
        case conditionOnMeritsOnly = "condition-on-merits-only"
    }

    public var shortWindowReading: ShortWindowReading

    public init(shortWindowReading: ShortWindowReading = .conditionOnEveryKind) {
        self.shortWindowReading = shortWindowReading
    }
}

/// The appeal window (APR Art 67(7)) and the right to remain (Art 68, Art 56) of a decision.
public struct AppealRights: Sendable {
    public let settings: AppealSettings
    public let engine: DeadlineEngine

    public init(settings: AppealSettings = .init(), engine: DeadlineEngine = DeadlineEngine()) {
        self.settings = settings
        self.engine = engine
    }

    public func answer(_ facts: DecisionFacts) throws -> AppealAnswer {
        try Self.validate(facts)
        let kind = facts.decision
        let ground = facts.inadmissibilityGround
        let circumstance = facts.acceleratedCircumstance == true
        let minor = facts.unaccompaniedMinor == true
        let border = facts.borderProcedure == true
        var notes: [String] = []

        // Art 67(7): the short window where an Art 42 circumstance applied; open question 3.
        let merits = kind == "unfounded" || kind == "manifestly-unfounded"
        let short =
            circumstance || (settings.shortWindowReading == .conditionOnMeritsOnly && !merits)
        let rule = short ? "APR-AP2" : "APR-AP3"
        let reason =
            short
            ? (circumstance
                ? "An Art 42(1) or (3) circumstance applied at the time of the decision: 5 to 10 days (APR Art 67(7)(a))."
                : "Reading condition-on-merits-only: every inadmissibility and implicit-withdrawal decision has 5 to 10 days (APR Art 67(7)(a)).")
            : "No Art 42(1) or (3) circumstance applied: 2 weeks to 1 month (APR Art 67(7)(b))."
        var window = AppealAnswer.Window(
            rule: rule, citation: ClockRule.named(rule)!.citation, reason: reason, earliestDue: nil, latestDue: nil)
        var requestDue: String?
        let state = facts.state.flatMap(MemberState.init(code:))
        if let notified = facts.notifiedOn, let state {
            let deadline = try engine.deadline(rule, state: state, from: notified)
            window.earliestDue = deadline.earliestDue
            window.latestDue = deadline.due
        }

        // Art 68(3): the decisions without an automatic right to remain.
        let (right, why): (String, String)
        if facts.onwardAppeal == true {
            (right, why) = (
                "none",
                "An appeal against the first court decision gives no right to remain, unless the court allows it where non-refoulement is invoked (APR Art 68(7))."
            )
        } else if merits, facts.subsequent != nil {
            (right, why) = ("on-request", "A subsequent application rejected as \(kind) (APR Art 68(3)(d)).")
        } else if merits, circumstance {
            (right, why) = ("on-request", "Rejected as \(kind) in an accelerated examination (APR Art 68(3)(a)(i)).")
        } else if merits, border, !minor {
            (right, why) = ("on-request", "Rejected as \(kind) in the border procedure (APR Art 68(3)(a)(ii)).")
        } else if kind == "inadmissible", let ground, ["38(1)(a)", "38(1)(d)", "38(1)(e)", "38(2)"].contains(ground),
            !(minor && border)
        {
            (right, why) = ("on-request", "Inadmissible under APR Art \(ground) (APR Art 68(3)(b)).")
        } else if kind == "implicit-withdrawal" {
            (right, why) = ("on-request", "Rejected as implicitly withdrawn (APR Art 68(3)(c)).")
        } else {
            (right, why) = (
                "automatic",
                "The applicant may remain until the appeal window expires and, if they appeal in time, until the appeal is decided (APR Art 68(2)); the return decision is suspended meanwhile (Art 68(1))."
            )
        }
        if merits, border, minor, !circumstance, facts.subsequent == nil {
            notes.append(
                "An unaccompanied minor in the border procedure keeps the automatic right to remain (APR Art 68(3)(a)(ii))."
            )
        }
        if right == "on-request" {
            if let notified = facts.notifiedOn, let state {
                requestDue = try engine.deadline("APR-AP8", state: state, from: notified).due
            }
            notes.append(
                "A court decides, on request or of its own motion, whether the applicant may remain pending the appeal (Art 68(4)); the request can be made within at least 5 days of notification, and there is no removal before that time runs out nor, if requested, before the court decides (Art 68(5)(a),(d))."
            )
            if facts.subsequent == "second-or-later" {
                notes.append(
                    "A second or later subsequent application after a final rejection of the previous one: the Member State may lift the protection from removal of Art 68(5)(d), subject to non-refoulement (APR Art 56(b))."
                )
            } else if facts.subsequent == "first", facts.madeOnlyToDelayRemoval == true, ground == "38(2)" {
                notes.append(
                    "A first subsequent application made only to delay or frustrate an imminent removal and not further examined: the Member State may lift the protection of Art 68(5)(d), subject to non-refoulement (APR Art 56(a))."
                )
            }
        }
        return AppealAnswer(
            window: window, rightToRemain: right, rightToRemainReason: why, requestToRemainDue: requestDue, notes: notes
        )
    }

    static func validate(_ facts: DecisionFacts) throws {
        var check = FactChecker()
        if !DecisionFacts.decisions.contains(facts.decision) {
            check.fail("decision", "must be one of: \(DecisionFacts.decisions.joined(separator: ", "))")
        }
        if let ground = facts.inadmissibilityGround, !DecisionFacts.grounds.contains(ground) {
            check.fail("inadmissibilityGround", "must be one of: \(DecisionFacts.grounds.joined(separator: ", "))")
        }
        if facts.decision == "inadmissible", facts.inadmissibilityGround == nil {
            check.fail("inadmissibilityGround", "is required for an inadmissibility decision")
        }
        if let subsequent = facts.subsequent, !["first", "second-or-later"].contains(subsequent) {
            check.fail("subsequent", "must be first or second-or-later")
        }
        if let text = facts.notifiedOn, CivilDate(iso: text) == nil {
            check.fail("notifiedOn", "\(text) is not a date (YYYY-MM-DD)")
        }
        if let code = facts.state, MemberState(code: code) == nil {
            check.fail("state", "\(code) is not a Member State code")
        }
        if facts.notifiedOn != nil, facts.state == nil {
            check.fail("state", "is required with notifiedOn (its calendar counts the window)")
        }
        try check.throwIfAny()
    }
}
