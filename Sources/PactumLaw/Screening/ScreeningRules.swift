/// Whom the four-day limit of SCR Art 8(3), second sentence, covers. The article cross-refers
/// to "EDAC Art 23(1) and (4)" while the 72-hour custody rule for border apprehensions is EDAC
/// Art 22(4), which SCR Art 5(1)(a) cites (legal-rules.md open question 1).
public enum FourDayLimitScope: String, Sendable, Codable, CaseIterable {
    /// Default: persons apprehended at the external border (SCR Art 5(1)(a)), the group EDAC
    /// Art 22(4) holds for more than 72 hours.
    case borderApprehension = "border-apprehension"
    /// Every external-border screening (Art 5(1)(a), 5(1)(b) and 5(2)).
    case everyExternalBorderScreening = "every-external-border-screening"
}

/// The clock of one screening: the rule of the catalogue and the instant it runs from.
public struct ScreeningClock: Sendable, Equatable {
    /// `SCR-T1`, `SCR-T2` or `SCR-T3`.
    public var rule: String
    /// Every rule a screening's limit can follow.
    public static let rules = ["SCR-T1", "SCR-T2", "SCR-T3"]
    /// Whether the limit runs from the start of the screening (SCR-T2) rather than the event.
    public var fromScreeningStart: Bool
    /// Why this limit applies.
    public var reason: String
}

/// The computable rules of the Screening Regulation (EU) 2024/1356 (legal-rules.md §1).
public enum ScreeningRules {
    /// The hours at the border after which SCR Art 8(3), second sentence, shortens the limit.
    public static let heldAtBorderHours = 72.0

    /// The limit of a screening: 3 days in the territory (SCR Art 8(4)); 4 days from the start
    /// of the screening for a person held more than 72 hours at the border (SCR Art 8(3), 2nd
    /// sentence); otherwise 7 days from the event (SCR Art 8(3)).
    public static func clock(
        _ situation: ScreeningSituation, hoursHeldBeforeStart: Double, scope: FourDayLimitScope = .borderApprehension
    ) -> ScreeningClock {
        if situation == .territoryApprehension {
            return ScreeningClock(
                rule: "SCR-T3", fromScreeningStart: false, reason: "screening within the territory (SCR Art 8(4))")
        }
        let covered = scope == .everyExternalBorderScreening || situation == .borderApprehension
        if covered, hoursHeldBeforeStart > heldAtBorderHours {
            return ScreeningClock(
                rule: "SCR-T2", fromScreeningStart: true,
                reason:
                    "held \(Int(hoursHeldBeforeStart)) hours at the external border before the screening started (SCR Art 8(3), second sentence)"
            )
        }
        return ScreeningClock(
            rule: "SCR-T1", fromScreeningStart: false, reason: "screening at the external border (SCR Art 8(3))")
    }

    /// Age of majority: a person under 18 is a child for the safeguards of SCR Art 13.
    public static let ageOfMajority = 18

    /// Unaccompanied minors a representative normally assists at most (SCR Art 13(4); APR
    /// Art 23(10)); beyond it Pactum warns and records the warning.
    public static let unaccompaniedMinorsPerRepresentative = 30

    /// Why a referral is not possible for this screening, or `nil` when it is (SCR Art 18).
    public static func refusal(
        of referral: ScreeningReferral, applied: Bool, relocationState: MemberState?, screeningState: MemberState,
        interruptionReason: String?
    ) -> String? {
        switch referral {
        case .asylumRegistration:
            applied
                ? nil
                : "Only a person who applied for international protection is referred to the registering authority (SCR Art 18(2)); record the application first."
        case .returnProcedure:
            applied
                ? "An applicant for international protection is referred to the registering authority, not to return (SCR Art 18(1),(2))."
                : nil
        case .relocation:
            if relocationState == nil {
                "A relocation names the Member State of relocation (SCR Art 18(3))."
            } else if relocationState == screeningState {
                "The Member State of relocation is another Member State (SCR Art 18(3); AMMR Art 67)."
            } else if !applied {
                "Relocation concerns applicants for international protection (SCR Art 18(3); AMMR Art 67(1))."
            } else {
                nil
            }
        case .interruption:
            (interruptionReason ?? "").isEmpty
                ? "An interruption for criminal or extradition proceedings states its reason in the form (SCR Art 18(6))."
                : nil
        }
    }
}

/// Where a screening sends the person and the form (SCR Art 18).
public enum ScreeningReferral: String, CaseIterable, Sendable, Codable {
    /// To the authority that registers applications for international protection (SCR Art 18(2)).
    case asylumRegistration = "asylum-registration"
    /// To the return authorities (SCR Art 18(1) at the border; Art 18(4) in the territory).
    case returnProcedure = "return"
    /// To the authorities of the Member State of relocation (SCR Art 18(3)).
    case relocation = "relocation"
    /// Interrupted for criminal or extradition proceedings; the form, with the reason, goes to
    /// the return or registering authority (SCR Art 18(6)).
    case interruption = "criminal-proceedings"

    public var title: String {
        switch self {
        case .asylumRegistration: "Registration of the application for international protection"
        case .returnProcedure: "Return procedure"
        case .relocation: "Relocation to another Member State"
        case .interruption: "Interrupted for criminal or extradition proceedings"
        }
    }

    public var citation: String {
        switch self {
        case .asylumRegistration: "SCR Art 18(2)"
        case .returnProcedure: "SCR Art 18(1),(4)"
        case .relocation: "SCR Art 18(3)"
        case .interruption: "SCR Art 18(6)"
        }
    }

    /// The authority whose worklist receives the form: an interruption goes to registration
    /// when the person applied, to return otherwise (SCR Art 18(6)).
    public func receivingAuthority(applied: Bool) -> ReceivingAuthority {
        switch self {
        case .asylumRegistration, .relocation: .asylumRegistration
        case .returnProcedure: .returnAuthority
        case .interruption: applied ? .asylumRegistration : .returnAuthority
        }
    }
}

/// The authority that receives a screening form.
public enum ReceivingAuthority: String, Sendable, Codable, CaseIterable {
    case asylumRegistration = "asylum-registration"
    case returnAuthority = "return"
}
