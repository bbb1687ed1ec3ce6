import Foundation
import PactumLaw
import Testing

/// The legal review's findings on AMMR Part III (issue 13, defects 2-8 and 16), each worked by
/// hand from the article. Registration in DE on 1 September 2026 unless a case says otherwise.
@Suite("Responsibility criteria: the legal review")
struct ResponsibilityReviewTests {
    static func decide(_ json: String, settings: ResponsibilitySettings = .init()) throws -> ResponsibilityDecision {
        let text = #"{"registeredIn": "DE", "registrationDate": "2026-09-01", "# + json + "}"
        return try ResponsibilityEngine(settings: settings).decide(
            try FactsDocument.decode(ResponsibilityFacts.self, from: Data(text.utf8)))
    }

    static let child = #""applicant": {"dateOfBirth": "2011-03-01", "unaccompaniedMinor": true}"#

    // MARK: Art 25: only Art 25, in the order of paragraphs 2 to 5

    @Test(
        "AMMR-25(1): the Art 25(2) state passed over for systemic flaws leads to Art 25(3), never to the adult criteria"
    )
    func minorFlawedStateGoesToNextParagraph() throws {
        let d = try Self.decide(
            Self.child
                + #", "familyMembers": [{"relation": "sibling", "state": "IT", "status": "legally-present"}, {"relation": "relative", "state": "FR", "status": "legally-present", "ableToCare": true}], "irregularEntry": {"state": "GR", "date": "2026-08-01"}, "systemicFlaws": ["IT"]"#
        )
        #expect(d.responsibleState == "FR" && d.decidedBy == "AMMR-25(3)")
        #expect(!d.considered.contains { $0.criterion.hasPrefix("AMMR-33") })
    }

    @Test(
        "AMMR-25(2): a sibling shown to be against the child's best interests is passed over; with nobody else, Art 25(5)"
    )
    func minorBestInterestsAgainst() throws {
        let d = try Self.decide(
            Self.child
                + #", "familyMembers": [{"relation": "sibling", "state": "IT", "status": "legally-present", "againstBestInterests": true}], "visaWaivedEntry": {"state": "AT"}"#
        )
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-25(5)")
        #expect(d.considered.map(\.criterion) == ["AMMR-25(2)", "AMMR-25(3)", "AMMR-25(5)"])
    }

    @Test("AMMR-25(2): a sibling who is an applicant is missing evidence, never 'no family member present'")
    func minorSiblingApplicant() throws {
        let facts =
            Self.child + #", "familyMembers": [{"relation": "sibling", "state": "NL", "status": "applicant"}]"#
        let d = try Self.decide(facts)
        #expect(d.responsibleState == nil && d.decidedBy == nil)
        #expect(d.missingEvidence.contains { $0.contains("sibling in NL, an applicant, is legally present") })
        #expect(!d.considered.contains { $0.criterion == "AMMR-25(5)" })
        // The other reading, as a named setting: an applicant allowed to remain is legally present.
        let read = try Self.decide(facts, settings: .init(applicantPresence: .legallyPresent))
        #expect(read.responsibleState == "NL" && read.decidedBy == "AMMR-25(2)")
    }

    @Test("AMMR-25(3): a relative whose ability to care is not yet examined holds the answer open")
    func minorRelativeUnexamined() throws {
        let d = try Self.decide(
            Self.child + #", "familyMembers": [{"relation": "relative", "state": "BE", "status": "legally-present"}]"#)
        #expect(d.responsibleState == nil)
        #expect(d.missingEvidence.contains { $0.contains("can take care of the minor") })
    }

    @Test("AMMR-25(2): a married minor whose spouse is not legally present: the parent's state")
    func marriedMinorParent() throws {
        let d = try Self.decide(
            #""applicant": {"dateOfBirth": "2010-01-01", "unaccompaniedMinor": true, "married": true}, "familyMembers": [{"relation": "parent", "state": "SE", "status": "legally-present"}]"#
        )
        #expect(d.responsibleState == "SE" && d.decidedBy == "AMMR-25(2)")
    }

    // MARK: Art 16(3), 2nd subparagraph: the determining state

    @Test(
        "AMMR-16(3): every designated state and the state of first registration flawed: the determining state, never a flawed one"
    )
    func determiningState() throws {
        let d = try Self.decide(
            #""determiningState": "AT", "irregularEntry": {"state": "GR", "date": "2026-05-01"}, "systemicFlaws": ["GR", "DE"]"#
        )
        #expect(d.responsibleState == "AT" && d.decidedBy == "AMMR-16(3)")
        let unknown = try Self.decide(
            #""irregularEntry": {"state": "GR", "date": "2026-05-01"}, "systemicFlaws": ["GR", "DE"]"#)
        #expect(unknown.responsibleState == nil && unknown.decidedBy == nil)
        #expect(unknown.missingEvidence.contains { $0.contains("determiningState") })
    }

    @Test("AMMR-16(3): for an unaccompanied minor whose Art 25(5) state is flawed, the determining state")
    func minorDeterminingState() throws {
        let d = try Self.decide(Self.child + #", "determiningState": "CZ", "systemicFlaws": ["DE"]"#)
        #expect(d.responsibleState == "CZ" && d.decidedBy == "AMMR-16(3)")
    }

    // MARK: Arts 26 and 2(8)

    @Test("AMMR-26(3): a child born after the family member's arrival counts, though the family formed after arrival")
    func childBornAfterArrival() throws {
        let d = try Self.decide(
            #""applicant": {"dateOfBirth": "2024-04-01"}, "familyMembers": [{"relation": "parent", "state": "SE", "status": "beneficiary", "formedBeforeArrival": false, "bornAfterArrival": true, "consentInWriting": true}]"#
        )
        #expect(d.responsibleState == "SE" && d.decidedBy == "AMMR-26")
        #expect(d.considered.first?.reason.contains("Art 26(3)") == true)
    }

    @Test("AMMR-2(8)(c): for a minor applicant another responsible adult is a family member for Art 26")
    func responsibleAdult() throws {
        let d = try Self.decide(
            #""applicant": {"dateOfBirth": "2012-01-01"}, "familyMembers": [{"relation": "responsible-adult", "state": "FI", "status": "beneficiary", "formedBeforeArrival": true, "consentInWriting": true}]"#
        )
        #expect(d.responsibleState == "FI" && d.decidedBy == "AMMR-26")
    }

    @Test("AMMR-26: every family member is examined: one without consent does not hide a second who qualifies")
    func secondFamilyMember() throws {
        let d = try Self.decide(
            #""familyMembers": [{"relation": "spouse", "state": "SE", "status": "beneficiary", "formedBeforeArrival": true, "consentInWriting": false}, {"relation": "child", "state": "DK", "status": "long-term-resident", "formedBeforeArrival": true, "consentInWriting": true}]"#
        )
        #expect(d.responsibleState == "DK" && d.decidedBy == "AMMR-26")
    }

    // MARK: Art 34

    @Test("AMMR-34(1): every carer is examined, not only the first")
    func everyCarer() throws {
        let d = try Self.decide(
            #""applicant": {"dependent": true}, "familyMembers": [{"relation": "adult-child", "state": "AT", "status": "legally-present", "ableToCare": false}, {"relation": "sibling", "state": "PL", "status": "legally-present", "ableToCare": true, "formedBeforeArrival": true, "consentInWriting": true}]"#
        )
        #expect(d.responsibleState == "PL" && d.decidedBy == "AMMR-34")
    }

    @Test("AMMR-34(2): the applicant cannot travel for a significant period: the state where the applicant is")
    func cannotTravel() throws {
        let d = try Self.decide(
            #""applicant": {"dependent": true, "cannotTravel": true}, "familyMembers": [{"relation": "parent", "state": "PL", "status": "legally-present", "ableToCare": true, "formedBeforeArrival": true, "consentInWriting": true}]"#
        )
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-34")
        #expect(d.considered.last?.reason.contains("Art 34(2)") == true)
    }

    // MARK: Art 33(2) notwithstanding 33(1)

    @Test(
        "AMMR-33(2): a disembarkation 13 months ago, also recorded as an irregular entry that day, is not revived by the 20 months"
    )
    func rescueNotRevived() throws {
        let d = try Self.decide(
            #""seaRescueDisembarkation": {"state": "IT", "date": "2025-08-01"}, "irregularEntry": {"state": "IT", "date": "2025-08-01"}"#
        )
        #expect(d.responsibleState == "DE" && d.decidedBy == "AMMR-16(2)")
        #expect(d.considered.contains { $0.criterion == "AMMR-33" && $0.reason.contains("notwithstanding") })
    }

    @Test("AMMR-33(2): within 12 months the disembarkation state, before an irregular crossing elsewhere")
    func rescueBeforeCrossing() throws {
        let d = try Self.decide(
            #""seaRescueDisembarkation": {"state": "MT", "date": "2026-03-01"}, "irregularEntry": {"state": "GR", "date": "2026-01-10"}"#
        )
        #expect(d.responsibleState == "MT" && d.decidedBy == "AMMR-33(2)")
    }

    @Test("AMMR-33(1): a distinct irregular crossing keeps its 20 months when the disembarkation has ceased")
    func distinctCrossing() throws {
        let d = try Self.decide(
            #""seaRescueDisembarkation": {"state": "IT", "date": "2025-08-01"}, "irregularEntry": {"state": "HR", "date": "2025-06-01"}"#
        )
        #expect(d.responsibleState == "HR" && d.decidedBy == "AMMR-33(1)")
    }

    // MARK: Art 29(4) boundary

    @Test(
        "AMMR-29(4): a permit valid until 1 September 2023 expired at the end of that day: on 1 September 2026, less than 3 years"
    )
    func permitBoundary() throws {
        let within = try Self.decide(
            #""residenceDocuments": [{"state": "FI", "kind": "residence-permit", "issuedOn": "2022-01-01", "validUntil": "2023-09-01"}]"#
        )
        #expect(within.responsibleState == "FI")
        let out = try Self.decide(
            #""residenceDocuments": [{"state": "FI", "kind": "residence-permit", "issuedOn": "2022-01-01", "validUntil": "2023-08-31"}]"#
        )
        #expect(out.decidedBy == "AMMR-16(2)")
    }

    @Test("AMMR-29(1): a visa valid until the day of registration is still valid that day")
    func validOnTheLastDay() throws {
        let d = try Self.decide(
            #""residenceDocuments": [{"state": "PT", "kind": "visa", "issuedOn": "2026-08-01", "validUntil": "2026-09-01"}]"#
        )
        #expect(d.responsibleState == "PT" && d.considered.last?.reason.contains("valid on the day") == true)
    }
}
