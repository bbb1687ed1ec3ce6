import Foundation
import PactumLaw
import Testing

/// Applications registered before 1 July 2026 keep the criteria of Regulation (EU) No 604/2013
/// (AMMR Art 84(2)). Worked by hand from Dublin III; lodged in AT on 1 June 2026 unless a case
/// says otherwise.
@Suite("Responsibility criteria: Dublin III for applications registered before 1 July 2026")
struct DublinIIIScenarioTests {
    static func decide(_ json: String, on day: String = "2026-06-01") throws -> ResponsibilityDecision {
        let text =
            #"{"registeredIn": "AT", "registrationDate": ""# + day + #"""# + (json.isEmpty ? "" : ", " + json) + "}"
        return try ResponsibilityEngine().decide(
            try FactsDocument.decode(ResponsibilityFacts.self, from: Data(text.utf8)))
    }

    @Test("AMMR-84(2): registered 30 June 2026 is Dublin III; 1 July 2026 is the AMMR")
    func transitionDay() throws {
        let entry = #""irregularEntry": {"state": "HU", "date": "2025-05-01"}"#
        let before = try Self.decide(entry, on: "2026-06-30")
        #expect(
            before.framework.contains("604/2013") && before.decidedBy == "D3-3(2)" && before.responsibleState == "AT")
        let after = try Self.decide(entry, on: "2026-07-01")
        #expect(
            after.framework.contains("2024/1351") && after.decidedBy == "AMMR-33(1)" && after.responsibleState == "HU")
    }

    @Test(
        "D3-13(1): irregular entry 12 months before lodging still counts; 12 months and a day does not (not the AMMR's 20)"
    )
    func twelveMonths() throws {
        let within = try Self.decide(#""irregularEntry": {"state": "HU", "date": "2025-06-01"}"#)
        #expect(within.responsibleState == "HU" && within.decidedBy == "D3-13(1)")
        let ceased = try Self.decide(#""irregularEntry": {"state": "HU", "date": "2025-05-31"}"#)
        #expect(ceased.responsibleState == "AT" && ceased.decidedBy == "D3-3(2)")
    }

    @Test("D3-13(2): after 13(1) ceased, a continuous stay of 5 months; of two, the most recent")
    func fiveMonthStay() throws {
        let d = try Self.decide(
            #""irregularEntry": {"state": "GR", "date": "2024-01-10"}, "stays": [{"state": "SI", "from": "2024-03-01", "until": "2024-08-15"}, {"state": "HR", "from": "2025-01-01", "until": "2025-06-01"}, {"state": "IT", "from": "2025-07-01", "until": "2025-11-30"}]"#
        )
        // IT: 1 July to 30 November is 4 months 29 days, short of 5; HR: exactly 5 months.
        #expect(d.responsibleState == "HR" && d.decidedBy == "D3-13(2)")
    }

    @Test(
        "D3-12(4): a visa expired less than 6 months before counts while the applicant has not left; not after 6 months"
    )
    func visaSixMonths() throws {
        let d = try Self.decide(
            #""applicant": {"leftTerritory": false}, "residenceDocuments": [{"state": "CZ", "kind": "visa", "issuedOn": "2025-10-01", "validUntil": "2025-12-15"}]"#
        )
        #expect(d.responsibleState == "CZ" && d.decidedBy == "D3-12")
        // 18 months would count under the AMMR; Dublin III's 6 have passed: the state of lodging (Art 12(4), 2nd subpara).
        let old = try Self.decide(
            #""applicant": {"leftTerritory": false}, "residenceDocuments": [{"state": "CZ", "kind": "visa", "issuedOn": "2025-01-01", "validUntil": "2025-03-01"}]"#
        )
        #expect(old.responsibleState == "AT" && old.decidedBy == "D3-12")
        let left = try Self.decide(
            #""applicant": {"leftTerritory": true}, "residenceDocuments": [{"state": "CZ", "kind": "visa", "issuedOn": "2025-10-01", "validUntil": "2025-12-15"}]"#
        )
        #expect(left.decidedBy == "D3-3(2)")
    }

    @Test("D3-9: a long-term resident is no family member criterion under Dublin III (it is under AMMR Art 26)")
    func longTermResident() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "BE", "status": "long-term-resident", "formedBeforeArrival": true, "consentInWriting": true}]"#
        )
        #expect(d.decidedBy == "D3-3(2)")
        let beneficiary = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "BE", "status": "beneficiary", "formedBeforeArrival": true, "consentInWriting": true}]"#
        )
        #expect(beneficiary.responsibleState == "BE" && beneficiary.decidedBy == "D3-9")
    }

    @Test(
        "D3-8: an unaccompanied minor: a sibling legally present, then the state where the minor lodged and is (Art 8(4))"
    )
    func minor() throws {
        let sibling = try Self.decide(
            #""applicant": {"dateOfBirth": "2012-01-01", "unaccompaniedMinor": true}, "familyMembers": [{"relation": "sibling", "state": "NL", "status": "legally-present"}]"#
        )
        #expect(sibling.responsibleState == "NL" && sibling.decidedBy == "D3-8(1)")
        let alone = try Self.decide(
            #""applicant": {"dateOfBirth": "2012-01-01", "unaccompaniedMinor": true}, "determiningState": "DE", "irregularEntry": {"state": "HU", "date": "2026-04-01"}"#
        )
        #expect(alone.responsibleState == "DE" && alone.decidedBy == "D3-8(4)")
    }

    @Test("D3-3(2): no security override under Dublin III, and the criteria are Dublin III's in their order")
    func order() throws {
        let d = try Self.decide(#""securityThreatFoundBy": "AT""#)
        #expect(
            d.considered.map(\.criterion) == [
                "D3-9", "D3-10", "D3-11", "D3-16", "D3-12", "D3-13", "D3-14", "D3-15", "D3-3(2)",
            ])
    }
}
