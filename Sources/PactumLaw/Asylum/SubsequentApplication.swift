/// A further application by the same person (APR Arts 55-56).
public struct SubsequentFacts: Sendable, Codable, Equatable {
    /// A final decision has been taken on the previous application (APR Art 55(1),(2)).
    public var previousFinalDecision: Bool
    /// How many subsequent applications the person made before this one.
    public var earlierSubsequentApplications: Int?
    /// How the previous application ended: merits, inadmissible, implicit-withdrawal.
    public var previousOutcome: String?
    /// The preliminary examination's finding (APR Art 55(3)): yes, no, or absent while pending.
    public var newElements: String?
    /// The elements could have been presented in the previous procedure (APR Art 55(5)).
    public var couldHaveBeenPresentedEarlier: Bool?
    /// They significantly increase the likelihood of protection or admissibility (Art 55(3),(5)).
    public var significantlyIncreaseLikelihood: Bool?
    /// Another Art 38(1) ground applies (Art 55(6)): 38(1)(a) to 38(1)(e).
    public var otherInadmissibilityGround: String?
    /// Made only to delay or frustrate an imminent removal (APR Art 56(a)).
    public var madeOnlyToDelayRemoval: Bool?
    /// The previous subsequent application was finally rejected as inadmissible, unfounded or
    /// manifestly unfounded (APR Art 56(b)).
    public var previousSubsequentRejected: Bool?
}

/// What a further application is and what follows from it.
public struct SubsequentAnswer: Sendable, Codable, Equatable {
    /// further-representation (no final decision yet) or subsequent-application.
    public var classification: String
    /// merits, inadmissible, or preliminary-examination (not yet decided).
    public var outcome: String
    public var citation: String
    public var reasons: [String]
    /// An admissible subsequent application is examined in the accelerated procedure (APR Art 42(1)(g)).
    public var accelerated: Bool
    /// The Member State may derogate from the right to remain (APR Art 56), subject to non-refoulement.
    public var rightToRemainMayBeLifted: Bool
    public var rightToRemainReason: String?
}

public enum SubsequentApplication {
    public static func assess(_ facts: SubsequentFacts) throws -> SubsequentAnswer {
        var check = FactChecker()
        if let outcome = facts.previousOutcome, !["merits", "inadmissible", "implicit-withdrawal"].contains(outcome) {
            check.fail("previousOutcome", "must be merits, inadmissible or implicit-withdrawal")
        }
        if let found = facts.newElements, !["yes", "no"].contains(found) {
            check.fail("newElements", "must be yes or no (absent while the preliminary examination runs)")
        }
        if let ground = facts.otherInadmissibilityGround,
            !DecisionFacts.grounds.dropLast().contains(ground)
        {
            check.fail("otherInadmissibilityGround", "must be one of 38(1)(a) to 38(1)(e)")
        }
        if let count = facts.earlierSubsequentApplications, count < 0 {
            check.fail("earlierSubsequentApplications", "cannot be negative")
        }
        try check.throwIfAny()

        guard facts.previousFinalDecision else {
            return SubsequentAnswer(
                classification: "further-representation", outcome: "merits", citation: "APR Art 55(1)",
                reasons: [
                    "No final decision on the previous application yet: this is a further representation, examined in the pending administrative procedure or appeal, not a new application (APR Art 55(1))."
                ], accelerated: false, rightToRemainMayBeLifted: false, rightToRemainReason: nil)
        }
        var reasons = [
            "A further application after a final decision on the previous one is a subsequent application, examined by the responsible Member State (APR Art 55(2)); a preliminary examination asks whether new elements arose or were presented (Art 55(3))."
        ]
        // Art 55(5): elements that could have been presented count only if they significantly
        // increase the likelihood, or the previous application was implicitly withdrawn unexamined.
        var found = facts.newElements
        if found == "yes", facts.couldHaveBeenPresentedEarlier == true, facts.significantlyIncreaseLikelihood != true,
            facts.previousOutcome != "implicit-withdrawal"
        {
            found = "no"
            reasons.append(
                "The elements could have been presented before and do not significantly increase the likelihood: they are not taken into account (APR Art 55(5))."
            )
        } else if found == "yes", facts.couldHaveBeenPresentedEarlier == true {
            reasons.append(
                facts.previousOutcome == "implicit-withdrawal"
                    ? "The previous application was rejected as implicitly withdrawn without examination on the merits: earlier elements count (APR Art 55(5))."
                    : "The earlier elements significantly increase the likelihood: they count (APR Art 55(5)).")
        }
        let second = (facts.earlierSubsequentApplications ?? 0) >= 1
        var mayLift = false
        var liftReason: String?
        if second, facts.previousSubsequentRejected == true {
            mayLift = true
            liftReason =
                "A second or later subsequent application after a final decision rejecting the previous one: the Member State may derogate from the right to remain, subject to non-refoulement (APR Art 56(b))."
        }
        let outcome: String
        let citation: String
        switch found {
        case "yes":
            if let ground = facts.otherInadmissibilityGround {
                outcome = "inadmissible"
                citation = "APR Art 55(6), Art \(ground)"
                reasons.append(
                    "New elements, but another inadmissibility ground applies (APR Art 55(6), Art \(ground)).")
            } else {
                outcome = "merits"
                citation = "APR Art 55(6)"
                reasons.append(
                    "New elements: the application is examined further on the merits (APR Art 55(6)), in the accelerated procedure (Art 42(1)(g))."
                )
            }
        case "no":
            outcome = "inadmissible"
            citation = "APR Art 55(7), Art 38(2)"
            reasons.append("No new elements: the application must be rejected as inadmissible (APR Arts 55(7), 38(2)).")
            if !second, facts.madeOnlyToDelayRemoval == true {
                mayLift = true
                liftReason =
                    "A first subsequent application made only to delay or frustrate an imminent removal and not examined further: the Member State may derogate from the right to remain, subject to non-refoulement (APR Art 56(a))."
            }
        default:
            outcome = "preliminary-examination"
            citation = "APR Art 55(3),(4)"
            reasons.append(
                "The preliminary examination (a written submission or a personal interview, Art 55(4)) has not yet found whether there are new elements."
            )
        }
        return SubsequentAnswer(
            classification: "subsequent-application", outcome: outcome, citation: citation, reasons: reasons,
            accelerated: outcome == "merits", rightToRemainMayBeLifted: mayLift, rightToRemainReason: liftReason)
    }
}
