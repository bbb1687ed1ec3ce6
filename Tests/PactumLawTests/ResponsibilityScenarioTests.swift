import Foundation
import PactumLaw
import Testing

/// Scenarios for AMMR Part III: every criterion, its boundary, and the order of Art 24.
/// Unless a scenario says otherwise the application is registered in DE on 1 September 2026.
@Suite("Responsibility criteria: scenarios")
struct ResponsibilityScenarioTests {
    static let engine = ResponsibilityEngine()

    /// Decodes a facts document from JSON, as the CLI and the API receive it.
    static func decide(_ json: String) throws -> ResponsibilityDecision {
        let body = json.isEmpty ? "" : ", " + json
        let text = #"{"registeredIn": "DE", "registrationDate": "2026-09-01""# + body + "}"
        let facts = try JSONDecoder().decode(ResponsibilityFacts.self, from: Data(text.utf8))
        return try engine.decide(facts)
    }

    static func decideFull(_ json: String) throws -> ResponsibilityDecision {
        try engine.decide(try JSONDecoder().decode(ResponsibilityFacts.self, from: Data(json.utf8)))
    }

    // MARK: Security override (Art 16(4))

    @Test("AMMR-16(4): a threat found by the first state of registration makes it responsible at once")
    func securityOverride() throws {
        let d = try Self.decide(
            #""securityThreatFoundBy": "DE", "irregularEntry": {"state": "GR", "date": "2026-05-01"}"#)
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-16(4)" && d.considered.count == 1)
    }

    @Test(
        "AMMR-16(4): the state whose security check found the threat is responsible, even if it is not the state of registration"
    )
    func securityElsewhere() throws {
        // Screened in IT (SCR Art 15), registered in DE: IT carried out the security check.
        let d = try Self.decide(
            #""securityThreatFoundBy": "IT", "irregularEntry": {"state": "GR", "date": "2026-05-01"}"#)
        #expect(d.responsibleState == "IT" && d.decidedBy == "AMMR-16(4)" && d.considered.count == 1)
    }

    // MARK: Unaccompanied minors (Art 25)

    static let child = #""applicant": {"dateOfBirth": "2010-05-01", "unaccompaniedMinor": true}"#

    @Test("AMMR-25(2): a sibling legally present decides for an unaccompanied minor")
    func minorSibling() throws {
        let d = try Self.decide(
            Self.child + #", "familyMembers": [{"relation": "sibling", "state": "IT", "status": "legally-present"}]"#)
        #expect(d.responsibleState == "IT" && d.decidedBy == "AMMR-25(2)")
        #expect(d.missingEvidence.contains { $0.contains("best interests") })
    }

    @Test("AMMR-25(3): a relative able to care")
    func minorRelative() throws {
        let d = try Self.decide(
            Self.child
                + #", "familyMembers": [{"relation": "relative", "state": "FR", "status": "legally-present", "ableToCare": true}]"#
        )
        #expect(d.responsibleState == "FR" && d.decidedBy == "AMMR-25(3)")
    }

    @Test("AMMR-25(4): family in two states leaves the choice to the child's best interests")
    func minorSeveralStates() throws {
        let d = try Self.decide(
            Self.child
                + #", "familyMembers": [{"relation": "parent", "state": "IT", "status": "legally-present"}, {"relation": "sibling", "state": "FR", "status": "legally-present"}]"#
        )
        #expect(d.responsibleState == nil && d.decidedBy == "AMMR-25(4)")
    }

    @Test("AMMR-25(5): no family present: the state of first registration")
    func minorAlone() throws {
        let d = try Self.decide(Self.child + #", "irregularEntry": {"state": "GR", "date": "2026-05-01"}"#)
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-25(5)")
    }

    @Test("AMMR-25: a claimed minor whose date of birth makes them 18 at registration is treated as an adult")
    func adultClaimingMinority() throws {
        let d = try Self.decide(
            #""applicant": {"dateOfBirth": "2008-09-01", "unaccompaniedMinor": true}, "familyMembers": [{"relation": "sibling", "state": "IT", "status": "legally-present"}]"#
        )
        #expect(d.decidedBy == "AMMR-16(2)" && d.responsibleState == "DE")
    }

    @Test("AMMR-25: 17 years and 364 days at registration is still a minor (Art 2(10))")
    func minorLastDay() throws {
        let d = try Self.decide(
            #""applicant": {"dateOfBirth": "2008-09-02", "unaccompaniedMinor": true}, "familyMembers": [{"relation": "sibling", "state": "IT", "status": "legally-present"}]"#
        )
        #expect(d.decidedBy == "AMMR-25(2)" && d.responsibleState == "IT")
    }

    // MARK: Family (Arts 26-28)

    @Test("AMMR-26: a spouse with protection in SE and written consent")
    func familyBeneficiary() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "SE", "status": "beneficiary", "consentInWriting": true, "formedBeforeArrival": true}]"#
        )
        #expect(d.responsibleState == "SE" && d.decidedBy == "AMMR-26" && d.missingEvidence.isEmpty)
    }

    @Test("AMMR-26: without written consent the criterion does not apply, and the consent is listed as missing")
    func familyNoConsent() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "SE", "status": "beneficiary", "formedBeforeArrival": true}]"#
        )
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-16(2)")
        #expect(d.missingEvidence.contains { $0.contains("written consent") })
    }

    @Test("AMMR-26: a family formed after arrival is not a family member (Art 2(8))")
    func familyAfterArrival() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "SE", "status": "beneficiary", "consentInWriting": true, "formedBeforeArrival": false}]"#
        )
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-26: a former beneficiary who naturalised still counts")
    func familyNaturalised() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "child", "state": "NL", "status": "former-beneficiary", "consentInWriting": true, "formedBeforeArrival": true}]"#
        )
        #expect(d.responsibleState == "NL")
    }

    @Test("AMMR-26: an adult's parent is not a family member")
    func adultsParent() throws {
        let d = try Self.decide(
            #""applicant": {"dateOfBirth": "1990-01-01"}, "familyMembers": [{"relation": "parent", "state": "NL", "status": "beneficiary", "consentInWriting": true}]"#
        )
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-27: a spouse applying in BE with no first-instance decision yet")
    func familyApplicant() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "BE", "status": "applicant", "firstInstanceDecision": false, "consentInWriting": true, "formedBeforeArrival": true}]"#
        )
        #expect(d.responsibleState == "BE" && d.decidedBy == "AMMR-27")
    }

    @Test("AMMR-27: once a first-instance decision exists, the criterion no longer applies")
    func familyApplicantDecided() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "BE", "status": "applicant", "firstInstanceDecision": true, "consentInWriting": true}]"#
        )
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-26 comes before AMMR-27")
    func familyOrder() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "child", "state": "BE", "status": "applicant", "firstInstanceDecision": false, "consentInWriting": true, "formedBeforeArrival": true}, {"relation": "spouse", "state": "SE", "status": "long-term-resident", "consentInWriting": true, "formedBeforeArrival": true}]"#
        )
        #expect(d.responsibleState == "SE" && d.decidedBy == "AMMR-26")
    }

    @Test("AMMR-28: the state responsible for the largest number of family members")
    func familyProcedureLargest() throws {
        let d = try Self.decide(
            #""familyProcedure": [{"responsibleState": "IT"}, {"responsibleState": "IT"}, {"responsibleState": "FR"}]"#)
        #expect(d.responsibleState == "IT" && d.decidedBy == "AMMR-28")
    }

    @Test("AMMR-28: equal numbers: the state responsible for the oldest")
    func familyProcedureOldest() throws {
        let d = try Self.decide(
            #""familyProcedure": [{"responsibleState": "IT", "dateOfBirth": "1985-01-01"}, {"responsibleState": "FR", "dateOfBirth": "1960-06-30"}]"#
        )
        #expect(d.responsibleState == "FR")
    }

    @Test("AMMR-28: equal numbers without dates of birth leave it open and ask for them")
    func familyProcedureUnknownAges() throws {
        let d = try Self.decide(#""familyProcedure": [{"responsibleState": "IT"}, {"responsibleState": "FR"}]"#)
        #expect(d.responsibleState == nil && d.missingEvidence.contains { $0.contains("dates of birth") })
    }

    @Test("AMMR-34: a dependent applicant and an adult child legally resident in AT")
    func dependentPerson() throws {
        let d = try Self.decide(
            #""applicant": {"dependent": true}, "familyMembers": [{"relation": "adult-child", "state": "AT", "status": "legally-present", "ableToCare": true, "consentInWriting": true, "formedBeforeArrival": true}], "irregularEntry": {"state": "GR", "date": "2026-05-01"}"#
        )
        #expect(d.responsibleState == "AT" && d.decidedBy == "AMMR-34")
    }

    // MARK: Documents (Art 29)

    @Test("AMMR-29: a valid residence permit")
    func residencePermit() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "FR", "kind": "residence-permit", "issuedOn": "2025-01-01", "validUntil": "2027-01-01"}]"#
        )
        #expect(d.responsibleState == "FR" && d.decidedBy == "AMMR-29")
    }

    @Test("AMMR-29: a valid visa")
    func visa() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "ES", "kind": "visa", "issuedOn": "2026-08-01", "validUntil": "2026-10-01"}]"#
        )
        #expect(d.responsibleState == "ES")
    }

    @Test("AMMR-29(3): a residence permit outranks a visa")
    func permitBeforeVisa() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "FR", "kind": "visa", "issuedOn": "2026-08-01", "validUntil": "2027-08-01"}, {"state": "IT", "kind": "residence-permit", "issuedOn": "2026-01-01", "validUntil": "2026-12-01"}]"#
        )
        #expect(d.responsibleState == "IT")
    }

    @Test("AMMR-29(3)(a): of two permits, the longest right of residence")
    func longestPermit() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "FR", "kind": "residence-permit", "issuedOn": "2026-01-01", "validUntil": "2027-06-01"}, {"state": "NL", "kind": "residence-permit", "issuedOn": "2025-01-01", "validUntil": "2027-01-01"}]"#
        )
        #expect(d.responsibleState == "NL")
    }

    @Test("AMMR-29(3)(b): of two visas of the same type, the latest expiry")
    func latestVisa() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "FR", "kind": "visa", "visaType": "C", "issuedOn": "2026-06-01", "validUntil": "2026-12-01"}, {"state": "PL", "kind": "visa", "visaType": "C", "issuedOn": "2026-08-20", "validUntil": "2026-12-02"}]"#
        )
        #expect(d.responsibleState == "PL")
    }

    @Test("AMMR-29(2): a visa issued under representation binds the represented state")
    func representedVisa() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "BE", "kind": "visa", "onBehalfOf": "LU", "issuedOn": "2026-08-01", "validUntil": "2026-10-01"}]"#
        )
        #expect(d.responsibleState == "LU")
    }

    @Test("AMMR-29(4): a visa expired 18 months minus a day before registration still counts")
    func visaJustWithin() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "ES", "kind": "visa", "issuedOn": "2025-01-01", "validUntil": "2025-03-02"}]"#
        )
        #expect(d.responsibleState == "ES")
    }

    @Test(
        "AMMR-29(4): a visa valid until 1 March 2025 expired at the end of that day: on 1 September 2026 it is less than 18 months"
    )
    func visaExactly18Months() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "ES", "kind": "visa", "issuedOn": "2025-01-01", "validUntil": "2025-03-01"}]"#
        )
        #expect(d.decidedBy == "AMMR-29" && d.responsibleState == "ES")
    }

    @Test(
        "AMMR-29(4): a visa valid until 28 February 2025 expired 1 March: 18 months on 1 September 2026, no longer counts"
    )
    func visaOneDayLate() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "ES", "kind": "visa", "issuedOn": "2025-01-01", "validUntil": "2025-02-28"}]"#
        )
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-29(4): a residence permit expired less than 3 years before counts; 3 years and a day does not")
    func permitThreeYears() throws {
        let within = try Self.decide(
            #""residenceDocuments": [{"state": "FI", "kind": "residence-permit", "issuedOn": "2022-01-01", "validUntil": "2023-09-02"}]"#
        )
        #expect(within.responsibleState == "FI")
        let late = try Self.decide(
            #""residenceDocuments": [{"state": "FI", "kind": "residence-permit", "issuedOn": "2022-01-01", "validUntil": "2023-08-31"}]"#
        )
        #expect(late.decidedBy == "AMMR-16(2)")
    }

    // MARK: Diplomas (Art 30)

    @Test("AMMR-30: a diploma issued less than 6 years before registration")
    func diplomaWithin() throws {
        let d = try Self.decide(#""diplomas": [{"state": "BE", "issuedOn": "2020-09-02", "studyMonths": 24}]"#)
        #expect(d.responsibleState == "BE" && d.decidedBy == "AMMR-30")
    }

    @Test("AMMR-30: a diploma issued exactly 6 years before registration no longer counts")
    func diplomaSixYears() throws {
        let d = try Self.decide(#""diplomas": [{"state": "BE", "issuedOn": "2020-09-01", "studyMonths": 24}]"#)
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-30: six months of study is not an academic year (Art 2(15))")
    func diplomaTooShort() throws {
        let d = try Self.decide(#""diplomas": [{"state": "BE", "issuedOn": "2025-06-01", "studyMonths": 6}]"#)
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-30(2): of two diplomas, the longer study")
    func diplomaLonger() throws {
        let d = try Self.decide(
            #""diplomas": [{"state": "BE", "issuedOn": "2025-06-01", "studyMonths": 12}, {"state": "CZ", "issuedOn": "2023-06-01", "studyMonths": 36}]"#
        )
        #expect(d.responsibleState == "CZ")
    }

    // MARK: Visa waiver, transit area (Arts 31, 32)

    @Test("AMMR-31: entry without a visa into AT")
    func visaWaived() throws {
        let d = try Self.decide(#""visaWaivedEntry": {"state": "AT", "exemptInRegisteringState": false}"#)
        #expect(d.responsibleState == "AT" && d.decidedBy == "AMMR-31")
    }

    @Test("AMMR-31(2): also visa-exempt where the application is registered: that state")
    func visaWaivedBoth() throws {
        let d = try Self.decide(#""visaWaivedEntry": {"state": "AT", "exemptInRegisteringState": true}"#)
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-31")
    }

    @Test("AMMR-32: an application in the transit area of an airport")
    func transitArea() throws {
        let d = try Self.decide(#""transitAreaApplication": {"state": "NL"}"#)
        #expect(d.responsibleState == "NL" && d.decidedBy == "AMMR-32")
    }

    // MARK: Irregular entry, search and rescue (Art 33)

    @Test("AMMR-33(1): irregular entry exactly 20 months before registration still counts")
    func irregularTwentyMonths() throws {
        let d = try Self.decide(#""irregularEntry": {"state": "GR", "date": "2025-01-01"}"#)
        #expect(d.responsibleState == "GR" && d.decidedBy == "AMMR-33(1)")
    }

    @Test("AMMR-33(1): 20 months and a day: responsibility has ceased")
    func irregularCeased() throws {
        let d = try Self.decide(#""irregularEntry": {"state": "GR", "date": "2024-12-31"}"#)
        #expect(d.decidedBy == "AMMR-16(2)" && d.responsibleState == "DE")
        #expect(d.considered.last { $0.criterion == "AMMR-33" }?.reason.contains("ceased") == true)
    }

    @Test("AMMR-33(2): disembarkation after search and rescue exactly 12 months before")
    func seaRescueTwelveMonths() throws {
        let d = try Self.decide(#""seaRescueDisembarkation": {"state": "IT", "date": "2025-09-01"}"#)
        #expect(d.responsibleState == "IT")
    }

    @Test("AMMR-33(2): 12 months and a day after disembarkation: ceased")
    func seaRescueCeased() throws {
        let d = try Self.decide(#""seaRescueDisembarkation": {"state": "IT", "date": "2025-08-31"}"#)
        #expect(d.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-33(3): relocated after crossing: the relocation state")
    func relocated() throws {
        let d = try Self.decide(#""irregularEntry": {"state": "GR", "date": "2026-03-01"}, "relocatedTo": "PT""#)
        #expect(d.responsibleState == "PT" && d.decidedBy == "AMMR-33(3)")
    }

    // MARK: Order, systemic flaws, fallback, transition, bad facts

    @Test("Art 24 order: a residence document (Art 29) outranks irregular entry (Art 33)")
    func documentsBeforeEntry() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "FR", "kind": "residence-permit", "issuedOn": "2025-01-01", "validUntil": "2027-01-01"}], "irregularEntry": {"state": "GR", "date": "2026-05-01"}"#
        )
        #expect(d.responsibleState == "FR")
        #expect(d.considered.map(\.criterion) == ["AMMR-26", "AMMR-27", "AMMR-28", "AMMR-34", "AMMR-29"])
    }

    @Test("AMMR-16(3): systemic flaws in the state of entry: the next criteria, then the fallback")
    func systemicFlaws() throws {
        let d = try Self.decide(#""irregularEntry": {"state": "GR", "date": "2026-05-01"}, "systemicFlaws": ["GR"]"#)
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-16(2)")
        #expect(d.considered.first { $0.criterion == "AMMR-33(1)" }?.reason.contains("Art 16(3)") == true)
    }

    @Test("AMMR-16(2): no criterion applies: the first state of registration, after every criterion was weighed")
    func fallback() throws {
        let d = try Self.decide("")
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-16(2)")
        #expect(d.considered.count == 10)
        #expect(d.framework == "Regulation (EU) 2024/1351 (AMMR)")
    }

    @Test("AMMR-84: an application registered before 1 July 2026 is under Dublin III, and the answer says so")
    func dublinThree() throws {
        let d = try Self.decideFull(#"{"registeredIn": "IT", "registrationDate": "2026-06-30"}"#)
        #expect(d.framework.contains("604/2013") && d.notes.first?.contains("Art 84(2)") == true)
    }

    @Test("bad facts are refused with every faulty field named")
    func badFacts() throws {
        #expect(throws: InvalidFacts.self) {
            try Self.decideFull(#"{"registeredIn": "XX", "registrationDate": "2026-02-30"}"#)
        }
        do {
            _ = try Self.decide(
                #""familyMembers": [{"relation": "cousin", "state": "ZZ", "status": "friend"}], "irregularEntry": {"state": "GR", "date": "2027-01-01"}"#
            )
            Issue.record("expected an error")
        } catch let error as InvalidFacts {
            #expect(
                error.errors.map(\.field) == [
                    "familyMembers[0].state", "familyMembers[0].relation", "familyMembers[0].status",
                    "irregularEntry.date",
                ])
        }
    }
}
