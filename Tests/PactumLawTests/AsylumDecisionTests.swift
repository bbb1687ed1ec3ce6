import Foundation
import PactumLaw
import Testing

/// APR decisions: admissibility (Art 38), subsequent applications (Arts 55-56), implicit
/// withdrawal (Art 41), the appeal window and the right to remain (Arts 67-68), and the border
/// procedure's single budget (Art 51(2)). Dates worked by hand from the articles.
@Suite("APR decisions: admissibility, subsequent applications, withdrawal, appeals, the border budget")
struct AsylumDecisionTests {
    static func decision(_ json: String, settings: AppealSettings = .init()) throws -> AppealAnswer {
        try AppealRights(settings: settings).answer(
            try FactsDocument.decode(DecisionFacts.self, from: Data(("{" + json + "}").utf8)))
    }

    // MARK: Appeals (Arts 67-68)

    @Test("APR-67(7)(a), 68(3)(a)(i): unfounded in an accelerated examination: 5-10 days, no automatic right to remain")
    func acceleratedRejection() throws {
        // Notified Monday 7 September 2026 in DE: 5 days end Saturday 12, so Monday 14; 10 days Thursday 17.
        let d = try Self.decision(
            #""decision": "unfounded", "acceleratedCircumstance": true, "notifiedOn": "2026-09-07", "state": "DE""#)
        #expect(
            d.window.rule == "APR-AP2" && d.window.earliestDue == "2026-09-14" && d.window.latestDue == "2026-09-17")
        #expect(d.rightToRemain == "on-request" && d.rightToRemainReason.contains("68(3)(a)(i)"))
        #expect(d.requestToRemainDue == "2026-09-14")
    }

    @Test("APR-67(7)(b), 68(2): an ordinary rejection: 2 weeks to a month, and the applicant remains")
    func ordinaryRejection() throws {
        let d = try Self.decision(#""decision": "unfounded", "notifiedOn": "2026-09-07", "state": "DE""#)
        #expect(
            d.window.rule == "APR-AP3" && d.window.earliestDue == "2026-09-21" && d.window.latestDue == "2026-10-07")
        #expect(d.rightToRemain == "automatic" && d.requestToRemainDue == nil)
    }

    @Test("APR-68(3)(b): inadmissible under 38(1)(a), (d), (e) or 38(2): on request; 38(1)(b) or (c): automatic")
    func inadmissibility() throws {
        for ground in ["38(1)(a)", "38(1)(d)", "38(1)(e)", "38(2)"] {
            #expect(
                try Self.decision(#""decision": "inadmissible", "inadmissibilityGround": ""# + ground + #"""#)
                    .rightToRemain == "on-request")
        }
        for ground in ["38(1)(b)", "38(1)(c)"] {
            #expect(
                try Self.decision(#""decision": "inadmissible", "inadmissibilityGround": ""# + ground + #"""#)
                    .rightToRemain == "automatic")
        }
        // An unaccompanied minor in the border procedure keeps it (Art 68(3)(b)).
        #expect(
            try Self.decision(
                #""decision": "inadmissible", "inadmissibilityGround": "38(1)(a)", "unaccompaniedMinor": true, "borderProcedure": true"#
            ).rightToRemain == "automatic")
    }

    @Test("APR-68(3)(a)(ii): rejected in the border procedure: on request, except an unaccompanied minor")
    func borderRejection() throws {
        #expect(
            try Self.decision(#""decision": "manifestly-unfounded", "borderProcedure": true"#).rightToRemain
                == "on-request")
        let minor = try Self.decision(#""decision": "unfounded", "borderProcedure": true, "unaccompaniedMinor": true"#)
        #expect(minor.rightToRemain == "automatic" && minor.notes.contains { $0.contains("unaccompanied minor") })
    }

    @Test(
        "open question 3 as a setting: an implicit withdrawal without an Art 42 circumstance has 2 weeks-1 month by default"
    )
    func shortWindowReading() throws {
        let plain = try Self.decision(#""decision": "implicit-withdrawal""#)
        #expect(plain.window.rule == "APR-AP3" && plain.rightToRemain == "on-request")
        let other = try Self.decision(
            #""decision": "implicit-withdrawal""#, settings: .init(shortWindowReading: .conditionOnMeritsOnly))
        #expect(other.window.rule == "APR-AP2")
        #expect(
            try Self.decision(#""decision": "unfounded""#, settings: .init(shortWindowReading: .conditionOnMeritsOnly))
                .window.rule == "APR-AP3")
    }

    @Test(
        "APR-68(7), 68(3)(d), 56(b): an onward appeal gives no right to remain; a second subsequent rejection may lift removal protection"
    )
    func onwardAndSubsequent() throws {
        #expect(try Self.decision(#""decision": "unfounded", "onwardAppeal": true"#).rightToRemain == "none")
        let second = try Self.decision(#""decision": "unfounded", "subsequent": "second-or-later""#)
        #expect(second.rightToRemain == "on-request" && second.notes.contains { $0.contains("Art 56(b)") })
        #expect(throws: InvalidFacts.self) { try Self.decision(#""decision": "inadmissible""#) }
        #expect(throws: InvalidFacts.self) { try Self.decision(#""decision": "refused", "notifiedOn": "2026-09-07""#) }
    }

    // MARK: Subsequent applications (Arts 55-56)

    static func subsequent(_ json: String) throws -> SubsequentAnswer {
        try SubsequentApplication.assess(
            try FactsDocument.decode(SubsequentFacts.self, from: Data(("{" + json + "}").utf8)))
    }

    @Test("APR-55(1): before a final decision, a further application is a further representation")
    func furtherRepresentation() throws {
        #expect(try Self.subsequent(#""previousFinalDecision": false"#).classification == "further-representation")
    }

    @Test("APR-55(6), 42(1)(g): new elements: the merits, in the accelerated procedure")
    func newElements() throws {
        let d = try Self.subsequent(#""previousFinalDecision": true, "newElements": "yes""#)
        #expect(d.outcome == "merits" && d.accelerated)
        let other = try Self.subsequent(
            #""previousFinalDecision": true, "newElements": "yes", "otherInadmissibilityGround": "38(1)(b)""#)
        #expect(other.outcome == "inadmissible" && other.citation.contains("38(1)(b)"))
    }

    @Test(
        "APR-55(5): elements that could have been presented count only if significant, or after an unexamined implicit withdrawal"
    )
    func earlierElements() throws {
        let ignored = try Self.subsequent(
            #""previousFinalDecision": true, "newElements": "yes", "couldHaveBeenPresentedEarlier": true"#)
        #expect(ignored.outcome == "inadmissible" && ignored.citation.contains("38(2)"))
        let withdrawn = try Self.subsequent(
            #""previousFinalDecision": true, "previousOutcome": "implicit-withdrawal", "newElements": "yes", "couldHaveBeenPresentedEarlier": true"#
        )
        #expect(withdrawn.outcome == "merits")
    }

    @Test(
        "APR-56: a first subsequent only to delay removal, or a second after a final rejection: the right to remain may be lifted"
    )
    func rightToRemainLifted() throws {
        let first = try Self.subsequent(
            #""previousFinalDecision": true, "newElements": "no", "madeOnlyToDelayRemoval": true"#)
        #expect(first.rightToRemainMayBeLifted && first.rightToRemainReason?.contains("56(a)") == true)
        let second = try Self.subsequent(
            #""previousFinalDecision": true, "earlierSubsequentApplications": 1, "previousSubsequentRejected": true"#)
        #expect(second.rightToRemainMayBeLifted && second.outcome == "preliminary-examination")
        #expect(!(try Self.subsequent(#""previousFinalDecision": true, "newElements": "no""#).rightToRemainMayBeLifted))
    }

    // MARK: Implicit withdrawal (Art 41)

    static func withdrawal(_ json: String) throws -> WithdrawalAnswer {
        try ImplicitWithdrawal.assess(
            try FactsDocument.decode(WithdrawalFacts.self, from: Data(("{" + json + "}").utf8)))
    }

    @Test(
        "APR-41: the steps, the other authority informing the determining one, and the appeal without automatic right to remain"
    )
    func implicitWithdrawal() throws {
        let d = try Self.withdrawal(#""ground": "b", "foundByOtherAuthority": true"#)
        #expect(d.decision == "implicit-withdrawal" && d.steps.map(\.citation).contains("APR Art 41(2)"))
        #expect(d.appeal.contains("68(3)(c)"))
        #expect(try Self.withdrawal(#""ground": "d", "justified": true"#).decision == "none")
        #expect(try Self.withdrawal(#""ground": "e", "alreadyFoundNotQualifying": true"#).decision == "rejection")
        #expect(throws: InvalidFacts.self) { try Self.withdrawal(#""ground": "g""#) }
    }

    // MARK: Admissibility (Art 38)

    static func admissibility(_ json: String) throws -> AdmissibilityAnswer {
        try Admissibility().assess(
            try FactsDocument.decode(AdmissibilityFacts.self, from: Data(("{" + json + "}").utf8)))
    }

    @Test("APR-38(1)(e): an application after 7 working days from the return decision, informed of the consequences")
    func lateAfterReturn() throws {
        // Received Tuesday 1 September 2026 in DE: the 7th working day is Thursday 10 September.
        let within = try Self.admissibility(
            #""state": "DE", "madeOn": "2026-09-10", "returnDecision": {"receivedOn": "2026-09-01", "informedOfConsequences": true}"#
        )
        #expect(within.grounds.isEmpty && within.notConsidered.first?.contains("2026-09-10") == true)
        let late = try Self.admissibility(
            #""state": "DE", "madeOn": "2026-09-11", "returnDecision": {"receivedOn": "2026-09-01", "informedOfConsequences": true}"#
        )
        #expect(late.grounds.map(\.ground) == ["38(1)(e)"] && late.grounds[0].force == "may")
        let unknown = try Self.admissibility(
            #""state": "DE", "madeOn": "2026-09-11", "returnDecision": {"receivedOn": "2026-09-01"}"#)
        #expect(unknown.grounds.isEmpty && unknown.missing.count == 1)
    }

    @Test("APR-38: may for (a)-(e), must for a subsequent application without new elements (38(2))")
    func mayAndMust() throws {
        let d = try Self.admissibility(
            #""state": "DE", "madeOn": "2026-09-01", "safeThirdCountry": true, "protectionGrantedBy": "SE", "subsequentWithoutNewElements": true"#
        )
        #expect(d.grounds.map(\.ground) == ["38(1)(b)", "38(1)(c)", "38(2)"])
        #expect(d.grounds.map(\.force) == ["may", "may", "must"])
        let clear = try Self.admissibility(
            #""state": "DE", "madeOn": "2026-09-01", "firstCountryOfAsylum": true, "clearlyNotReadmitted": true"#)
        #expect(clear.grounds.isEmpty && clear.notConsidered.count == 1)
    }

    // MARK: The border procedure's budget (Art 51(2))

    static func budget(_ json: String, asOf: String = "2026-10-01") throws -> BorderBudgetAnswer {
        try BorderProcedureBudget().assess(
            try FactsDocument.decode(BorderBudgetFacts.self, from: Data(("{" + json + "}").utf8)),
            asOf: CivilDate(iso: asOf)!)
    }

    @Test("APR-51(2): one 12-week budget from registration; 16 after relocation; 18 in a crisis, not on top of the 16")
    func budgetLengths() throws {
        let plain = try Self.budget(#""state": "IT", "registeredOn": "2026-09-01""#)
        #expect(plain.ends == "2026-11-24" && plain.weeks == 12 && plain.status == "running" && plain.daysElapsed == 30)
        #expect(
            try Self.budget(#""state": "IT", "registeredOn": "2026-09-01", "relocated": true"#).ends == "2026-12-22")
        let crisis = try Self.budget(
            #""state": "IT", "registeredOn": "2026-09-01", "relocated": true, "crisis": "mass-arrival""#)
        #expect(crisis.ends == "2027-01-05" && crisis.weeks == 18)
    }

    @Test(
        "APR-51(2), RBPR-4: the budget ends with the right to remain: entry; rejected before: the return border procedure"
    )
    func budgetThen() throws {
        let entry = try Self.budget(#""state": "IT", "registeredOn": "2026-09-01""#, asOf: "2026-12-01")
        #expect(entry.status == "entry" && entry.then.contains("authorised to enter"))
        let back = try Self.budget(
            #""state": "IT", "registeredOn": "2026-09-01", "rightToRemainEndedOn": "2026-11-10""#)
        #expect(back.status == "return-border-procedure" && back.returnProcedureEnds == "2027-02-02")
    }

    @Test("APR-51(2) 2nd subpara: national law's split of examination, leave to remain and appeal must fit the weeks")
    func allocation() throws {
        #expect(throws: InvalidFacts.self) {
            try Self.budget(
                #""state": "IT", "registeredOn": "2026-09-01", "allocation": {"examinationWeeks": 8, "requestToRemainWeeks": 2, "appealWeeks": 3}"#
            )
        }
        let fits = try Self.budget(
            #""state": "IT", "registeredOn": "2026-09-01", "allocation": {"examinationWeeks": 7, "requestToRemainWeeks": 2, "appealWeeks": 3}"#
        )
        #expect(fits.reasoning.last?.contains("7") == true)
    }
}
