import Foundation
import PactumLaw
import Testing

/// Crisis measures (CFM Arts 5, 10, 11(7), 13) and relocation (AMMR Arts 67-68), worked by hand.
@Suite("Crisis measures and relocation")
struct CrisisAndRelocationTests {
    static func crisis(_ json: String) throws -> CrisisAnswer {
        try CrisisMeasures().assess(try FactsDocument.decode(CrisisFacts.self, from: Data(("{" + json + "}").utf8)))
    }

    static let decisions =
        #""decisions": [{"adoptedOn": "2026-08-14", "extended": true}, {"adoptedOn": "2027-02-20", "extended": true}, {"adoptedOn": "2027-09-01"}]"#

    @Test("CFM-5(3): 3 months, once extended by 3; new decisions; never more than 12 months in all")
    func twelveMonths() throws {
        let d = try Self.crisis(#""state": "IT", "kind": "mass-arrival", "# + Self.decisions)
        // 14 Nov 2026 + extension: 14 Feb 2027 is a Sunday, so Monday 15; 20 Feb + 6 months: 20 Aug;
        // 1 Sep + 3: 1 Dec 2027. Twelve months from 14 August 2026: Saturday 14 Aug 2027, so Monday 16.
        #expect(d.periods.map(\.ends) == ["2027-02-15", "2027-08-20", "2027-12-01"])
        #expect(d.measuresEnd == "2027-08-16" && d.findings.contains { $0.contains("Art 5(3)") })
    }

    @Test("CFM-10(6): made within 10 days of the request, before the Council decides: 4 weeks to register")
    func beforeAuthorisation() throws {
        // Request Monday 3 August; 10 days end Thursday 13. Made Monday 10: register by Monday 7 September.
        let d = try Self.crisis(
            #""state": "IT", "kind": "mass-arrival", "requestSubmittedOn": "2026-08-03", "applicationMadeOn": "2026-08-10", "#
                + Self.decisions)
        #expect(d.registrationDerogation == true && d.registerBy == "2026-09-07")
    }

    @Test(
        "CFM-10(4): in a mass-arrival crisis only during the initial decision's 3 months; force majeure also in the extension"
    )
    func initialPeriodOnly() throws {
        let mass = try Self.crisis(
            #""state": "IT", "kind": "mass-arrival", "applicationMadeOn": "2026-12-01", "# + Self.decisions)
        #expect(mass.registrationDerogation == false && mass.findings.contains { $0.contains("Art 10(4)") })
        let inInitial = try Self.crisis(
            #""state": "IT", "kind": "mass-arrival", "applicationMadeOn": "2026-11-16", "# + Self.decisions)
        #expect(inInitial.registrationDerogation == true)
        let force = try Self.crisis(
            #""state": "IT", "kind": "force-majeure", "applicationMadeOn": "2026-12-01", "# + Self.decisions)
        #expect(force.registrationDerogation == true)
    }

    @Test("CFM-11(7): in instrumentalisation, children under 12 and their families are excluded or released")
    func childrenUnderTwelve() throws {
        let d = try Self.crisis(
            #""state": "PL", "kind": "instrumentalisation", "applicationMadeOn": "2026-10-01", "applicantDateOfBirth": "2015-01-01", "childrenOption": "exclude", "decisions": [{"adoptedOn": "2026-09-01"}]"#
        )
        #expect(d.findings.contains { $0.contains("Art 11(7)(a)") })
        let twelve = try Self.crisis(
            #""state": "PL", "kind": "instrumentalisation", "applicationMadeOn": "2026-10-01", "applicantDateOfBirth": "2014-10-01", "decisions": [{"adoptedOn": "2026-09-01"}]"#
        )
        #expect(twelve.findings.contains { $0.contains("Twelve or older") })
    }

    @Test("CFM-13(1): the take back exemption window starts no more than 4 months before the decision")
    func exemptionWindow() throws {
        let early = try Self.crisis(
            #""state": "IT", "kind": "mass-arrival", "exemptionWindowStart": "2026-04-10", "decisions": [{"adoptedOn": "2026-08-14"}]"#
        )
        #expect(early.findings.contains { $0.contains("too early") })
        let fine = try Self.crisis(
            #""state": "IT", "kind": "mass-arrival", "exemptionWindowStart": "2026-04-14", "decisions": [{"adoptedOn": "2026-08-14"}]"#
        )
        #expect(fine.findings.contains { $0.contains("covers applications registered from 2026-04-14") })
        #expect(throws: InvalidFacts.self) {
            try Self.crisis(#""state": "IT", "kind": "mass-arrival", "decisions": [{"adoptedOn": "2026-06-30"}]"#)
        }
    }

    // MARK: Relocation (Arts 67-68)

    static func relocation(_ json: String, asOf: String = "2026-12-01") throws -> RelocationAnswer {
        try Relocation().assess(
            try FactsDocument.decode(RelocationFacts.self, from: Data(("{" + json + "}").utf8)),
            asOf: CivilDate(iso: asOf)!)
    }

    @Test("AMMR-67(9)-(11): a week to confirm (silence confirms), a week for the decision, 4 weeks for the transfer")
    func relocationChain() throws {
        let d = try Self.relocation(
            #""benefittingState": "IT", "relocationState": "PT", "person": "applicant", "informationSentOn": "2026-09-01", "transferOn": "2026-10-05""#
        )
        #expect(d.eligible && d.steps.map(\.due) == ["2026-09-08", "2026-09-15", "2026-10-06"])
        #expect(d.steps[0].status == .tacit && d.steps[0].countedIn == "PT" && d.steps[1].countedIn == "IT")
        #expect(d.notifyBy == "2026-10-03" && d.after.contains("Art 68(2)"))
        let deferred = try Self.relocation(
            #""benefittingState": "IT", "relocationState": "PT", "person": "applicant", "informationSentOn": "2026-09-01", "deferralNotified": true"#
        )
        #expect(deferred.steps[0].due == "2026-09-15")
    }

    @Test("AMMR-67(4),(5),(2): a beneficiary needs written consent; family criteria or a security risk exclude")
    func relocationEligibility() throws {
        let noConsent = try Self.relocation(
            #""benefittingState": "IT", "relocationState": "PT", "person": "beneficiary""#)
        #expect(!noConsent.eligible && noConsent.steps.isEmpty)
        let consented = try Self.relocation(
            #""benefittingState": "IT", "relocationState": "PT", "person": "beneficiary", "consentInWriting": true, "transferOn": "2026-10-05""#
        )
        #expect(consented.eligible && consented.notifyBy == "2026-09-28" && consented.after.contains("Art 68(4)"))
        #expect(
            !(try Self.relocation(
                #""benefittingState": "IT", "relocationState": "PT", "person": "applicant", "responsibleByFamilyCriteria": true"#
            ).eligible))
        #expect(
            !(try Self.relocation(
                #""benefittingState": "IT", "relocationState": "PT", "person": "applicant", "securityRisk": true"#
            ).eligible))
    }
}
