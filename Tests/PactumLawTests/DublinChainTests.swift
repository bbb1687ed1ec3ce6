import Foundation
import PactumLaw
import Testing

/// The Dublin chain of dates, each due date worked by hand from the article and the calendars
/// of the states concerned. Italy requests Germany unless a case says otherwise; registered
/// Tuesday 1 September 2026.
@Suite("Dublin chain: requests, silence, transfers, shifts of responsibility")
struct DublinChainTests {
    static let chain = DublinChain()

    static func follow(_ json: String, requested: String = "DE", asOf: String = "2026-12-01") throws
        -> DublinChainAnswer
    {
        let text =
            #"{"requestingState": "IT", "registrationDate": "2026-09-01", "requestedState": ""# + requested + #"""#
            + (json.isEmpty ? "" : ", " + json) + "}"
        return try chain.follow(
            try FactsDocument.decode(DublinCaseFacts.self, from: Data(text.utf8)), asOf: CivilDate(iso: asOf)!)
    }

    static func step(_ answer: DublinChainAnswer, _ name: String) -> DublinStep? {
        answer.steps.last { $0.step == name }
    }

    @Test(
        "AMMR-40(8): silence until the end of the reply month is the acceptance that starts the transfer decision and the 6 months"
    )
    func silenceIsAcceptance() throws {
        // DUB-2: 2 months end on Sunday 1 November, All Saints in IT: Monday 2 November (Art 75(d)).
        // DUB-6 in DE's calendar: 15 November is a Sunday, so Monday 16; no reply: accepted then.
        // DUB-11: 2 weeks, Monday 30 November. DUB-14: 6 months, Sunday 16 May 2027, so Monday 17.
        let d = try Self.follow(#""requestSentOn": "2026-10-15", "transferDecisionOn": "2026-11-20""#)
        #expect(Self.step(d, "request")?.due == "2026-11-02" && Self.step(d, "request")?.status == .met)
        let reply = Self.step(d, "reply")
        #expect(reply?.due == "2026-11-16" && reply?.status == .tacit && reply?.countedIn == "DE")
        #expect(Self.step(d, "transfer-decision")?.due == "2026-11-30")
        #expect(Self.step(d, "transfer")?.due == "2027-05-17" && Self.step(d, "transfer")?.status == .pending)
        #expect(d.responsibleState == "DE" && d.nextDue == "2027-05-17" && d.procedure == "take-charge")
    }

    @Test("AMMR-46(2): no transfer within the 6 months: responsibility shifts to the transferring state")
    func transferMissed() throws {
        let d = try Self.follow(#""requestSentOn": "2026-10-15""#, asOf: "2027-05-18")
        #expect(Self.step(d, "transfer")?.status == .missed && d.responsibleState == "IT")
        #expect(d.responsibility.contains("Art 46(2)"))
    }

    @Test("AMMR-39(1): a take charge request a day late: the state of registration is responsible")
    func lateRequest() throws {
        let d = try Self.follow(#""requestSentOn": "2026-11-03""#)
        #expect(Self.step(d, "request")?.status == .late && d.responsibleState == "IT" && d.steps.count == 1)
    }

    @Test("AMMR-39(1) 4th subpara: an unaccompanied minor's request binds no limit before the first merits decision")
    func minorAnyTime() throws {
        let d = try Self.follow(#""unaccompaniedMinor": true, "requestSentOn": "2026-11-20""#, asOf: "2026-12-30")
        #expect(Self.step(d, "request")?.status == .waived)
        // DUB-6 from 20 November: Sunday 20 December, so Monday 21; then silence accepted.
        #expect(Self.step(d, "reply")?.due == "2026-12-21" && d.responsibleState == "DE")
        let decided = try Self.follow(
            #""unaccompaniedMinor": true, "firstMeritsDecision": true, "requestSentOn": "2026-11-20""#)
        #expect(decided.responsibleState == "IT")
    }

    @Test("AMMR-39(1) 2nd subpara, 40(2): a Eurodac hit on an irregular crossing: request in a month, reply in 2 weeks")
    func eurodacHit() throws {
        // 3 October is a Saturday: Monday 5. Reply from Thursday 1 October: Thursday 15 (GR).
        let d = try Self.follow(
            #""hit": {"category": "D", "receivedOn": "2026-09-03"}, "requestSentOn": "2026-10-01""#, requested: "GR")
        #expect(Self.step(d, "reply")?.countedIn == "GR")
        #expect(Self.step(d, "request")?.rule == "DUB-3" && Self.step(d, "request")?.due == "2026-10-05")
        #expect(Self.step(d, "reply")?.rule == "DUB-7" && Self.step(d, "reply")?.due == "2026-10-15")
    }

    @Test("AMMR-41: a hit on an earlier application is a take back; confirmation in 2 weeks; the 6 months from it")
    func takeBack() throws {
        // DUB-9: Thursday 10 September + 2 weeks = 24 September. DUB-10 in FR from Sunday 20
        // September: Sunday 4 October, so Monday 5. Confirmed 25 September; transfer by 25 March 2027.
        let d = try Self.follow(
            #""hit": {"category": "A", "receivedOn": "2026-09-10"}, "requestSentOn": "2026-09-20", "reply": {"answer": "confirmed", "on": "2026-09-25"}, "transferDecisionOn": "2026-09-28""#,
            requested: "FR")
        #expect(d.procedure == "take-back" && Self.step(d, "request")?.due == "2026-09-24")
        #expect(Self.step(d, "reply")?.due == "2026-10-05" && Self.step(d, "reply")?.status == .met)
        #expect(Self.step(d, "transfer")?.due == "2027-03-25" && d.responsibleState == "FR")
    }

    @Test("AMMR-46(1): an appeal with suspensive effect: the period waits, then restarts from the final decision")
    func suspensiveAppeal() throws {
        let pending = try Self.follow(
            #""requestSentOn": "2026-10-15", "appeal": {"lodgedOn": "2026-11-25", "suspensive": true}"#)
        #expect(Self.step(pending, "transfer")?.status == .suspended)
        let decided = try Self.follow(
            #""requestSentOn": "2026-10-15", "appeal": {"lodgedOn": "2026-11-25", "suspensive": true, "finalDecisionOn": "2027-02-10"}"#,
            asOf: "2027-06-01")
        #expect(Self.step(decided, "transfer")?.due == "2027-08-10" && decided.responsibleState == "DE")
    }

    @Test("AMMR-46(2): absconding: 3 years from the day the responsible state was informed")
    func absconding() throws {
        // Informed Wednesday 20 January 2027: 20 January 2030 is a Sunday, so Monday 21.
        let d = try Self.follow(
            #""requestSentOn": "2026-10-15", "absconding": {"informedOn": "2027-01-20"}"#, asOf: "2027-06-01")
        #expect(Self.step(d, "transfer")?.due == "2030-01-21" && d.responsibleState == "DE")
    }

    @Test("AMMR-46(2) 2nd subpara: back with less than 3 months left: 3 months from the reappearance")
    func reappearance() throws {
        // The 6 months end 17 May 2027; back on 1 April with 46 days left: until Thursday 1 July.
        let d = try Self.follow(
            #""requestSentOn": "2026-10-15", "absconding": {"reappearedOn": "2027-04-01"}"#, asOf: "2027-06-01")
        #expect(Self.step(d, "transfer")?.rule == "DUB-17" && Self.step(d, "transfer")?.due == "2027-07-01")
        // Back with more than 3 months left: the 6 months stand.
        let early = try Self.follow(
            #""requestSentOn": "2026-10-15", "absconding": {"reappearedOn": "2026-12-10"}"#, asOf: "2027-01-01")
        #expect(Self.step(early, "transfer")?.due == "2027-05-17")
    }

    @Test("AMMR-46(2): one year while the person is imprisoned")
    func imprisoned() throws {
        // From Monday 16 November 2026: 16 November 2027 is a Tuesday.
        let d = try Self.follow(#""requestSentOn": "2026-10-15", "imprisoned": true"#, asOf: "2027-06-01")
        #expect(Self.step(d, "transfer")?.due == "2027-11-16")
    }

    @Test("AMMR-45: detained: 2 weeks to request; missing it ends the detention and the ordinary limit goes on")
    func detained() throws {
        let d = try Self.follow(#""detainedOn": "2026-09-01", "requestSentOn": "2026-09-20""#)
        let requests = d.steps.filter { $0.step == "request" }
        #expect(requests.map(\.rule) == ["DUB-19-REQ", "DUB-2"] && requests.map(\.status) == [.late, .met])
        #expect(requests[0].due == "2026-09-15" && d.notes.contains { $0.contains("detention ends") })
        // Detained reply: 1 week from Sunday 20 September: Sunday 27 September (DE), so Monday 28.
        #expect(Self.step(d, "reply")?.rule == "DUB-19-REPLY" && Self.step(d, "reply")?.due == "2026-09-28")
    }

    @Test("CFM-12(2): the state in crisis has 4 months to request; the requested state in crisis 2 months to reply")
    func crisisLimits() throws {
        // 4 months from 1 September: Friday 1 January 2027, New Year, then the weekend: Monday 4 (1182/71 Art 3(4)).
        let requester = try Self.follow(
            #""crisis": {"state": "IT", "kind": "mass-arrival"}, "requestSentOn": "2026-12-20""#, asOf: "2027-01-10")
        #expect(Self.step(requester, "request")?.due == "2027-01-04" && Self.step(requester, "request")?.status == .met)
        // Requested DE in force majeure: reply 2 months from 15 October, Tuesday 15 December.
        let requested = try Self.follow(
            #""crisis": {"state": "DE", "kind": "force-majeure"}, "requestSentOn": "2026-10-15""#, asOf: "2027-01-10")
        #expect(Self.step(requested, "reply")?.due == "2026-12-15")
        // CFM Art 12(4): transfers to DE wait while it faces the situation; a year from acceptance.
        #expect(Self.step(requested, "transfer")?.due == "2027-12-15")
        #expect(requested.notes.contains { $0.contains("Art 12(4)") })
        #expect(throws: InvalidFacts.self) {
            try Self.follow(#""crisis": {"state": "IT", "kind": "instrumentalisation"}"#)
        }
    }

    @Test("CFM-13(2): exempted from take back in a mass-arrival crisis: the state of the second application")
    func takeBackExemption() throws {
        let d = try Self.follow(
            #""hit": {"category": "A", "receivedOn": "2026-09-10"}, "crisis": {"state": "DE", "kind": "mass-arrival", "takeBackExemption": true}, "responsibleUnderFallback": true"#
        )
        #expect(d.responsibleState == "IT" && d.steps.first?.step == "take-back-exemption")
    }

    @Test("AMMR-37(4): the person left for 9 months: the obligations cease")
    func leftTheTerritory() throws {
        // CES-3 from Sunday 10 January 2027: 10 October is a Sunday, so Monday 11 October.
        let d = try Self.follow(
            #""requestSentOn": "2026-10-15", "leftTerritoryOn": "2027-01-10""#, asOf: "2027-10-12")
        #expect(d.responsibleState == nil && Self.step(d, "cessation")?.due == "2027-10-11")
    }

    @Test(
        "AMMR-37(2),(5): after the border procedure's 15 months, or a removal, a new application is a new determination"
    )
    func takeBackCeased() throws {
        // Final on Wednesday 15 July 2026: 15 months end Friday 15 October 2027 (in DE).
        let text = { (registered: String) in
            #"{"requestingState": "IT", "registrationDate": ""# + registered
                + #"", "requestedState": "DE", "hit": {"category": "A", "receivedOn": ""# + registered
                + #""}, "borderProcedureFinalOn": "2026-07-15"}"#
        }
        let late = try Self.chain.follow(
            try FactsDocument.decode(DublinCaseFacts.self, from: Data(text("2027-11-01").utf8)),
            asOf: CivilDate(iso: "2027-11-05")!)
        #expect(late.responsibleState == nil && Self.step(late, "cessation")?.due == "2027-10-15")
        let within = try Self.chain.follow(
            try FactsDocument.decode(DublinCaseFacts.self, from: Data(text("2027-09-01").utf8)),
            asOf: CivilDate(iso: "2027-09-05")!)
        #expect(Self.step(within, "request")?.status == .pending && within.notes.contains { $0.contains("37(2),(3)") })
        let removed = try Self.follow(
            #""hit": {"category": "A", "receivedOn": "2026-09-10"}, "removedOn": "2026-08-20""#)
        #expect(removed.responsibleState == nil && removed.responsibility.contains("Art 37(5)"))
    }

    @Test("AMMR-37(1): a residence document issued by the requesting state before the transfer makes it responsible")
    func residenceDocument() throws {
        let d = try Self.follow(#""requestSentOn": "2026-10-15", "residenceDocumentOrArticle35": "2026-12-01""#)
        #expect(d.responsibleState == "IT" && d.responsibility.contains("Art 37(1)"))
    }

    @Test("D3: registered before 1 July 2026: Dublin III's 3 months, 2 months of silence, and no move off a weekend")
    func dublinThree() throws {
        // Lodged Monday 4 May 2026 in AT: request by 4 August; reply 2 months from 1 July: 1 September;
        // transfer 6 months from then: 1 March 2027.
        let text =
            #"{"requestingState": "AT", "registrationDate": "2026-05-04", "requestedState": "HU", "requestSentOn": "2026-07-01"}"#
        let d = try Self.chain.follow(
            try FactsDocument.decode(DublinCaseFacts.self, from: Data(text.utf8)), asOf: CivilDate(iso: "2026-10-01")!)
        #expect(d.framework.contains("604/2013") && Self.step(d, "request")?.rule == "D3-21")
        #expect(Self.step(d, "request")?.due == "2026-08-04" && Self.step(d, "reply")?.due == "2026-09-01")
        #expect(Self.step(d, "reply")?.status == .tacit && Self.step(d, "transfer")?.due == "2027-03-01")
        #expect(!d.steps.contains { $0.step == "transfer-decision" })
        // A late Dublin III take back request: the state of the new application is responsible (Art 23(3)).
        let late =
            #"{"requestingState": "AT", "registrationDate": "2026-05-04", "requestedState": "HU", "hit": {"category": "A", "receivedOn": "2026-05-10"}, "requestSentOn": "2026-07-13"}"#
        let back = try Self.chain.follow(
            try FactsDocument.decode(DublinCaseFacts.self, from: Data(late.utf8)), asOf: CivilDate(iso: "2026-10-01")!)
        #expect(Self.step(back, "request")?.due == "2026-07-10" && back.responsibleState == "AT")
    }

    @Test("AMMR-39(2), 40(7): an urgent request: the reply by the deadline the requester set")
    func urgentReply() throws {
        // 10 days from Thursday 15 October end Sunday 25 October: Monday 26 in DE (Art 75(d)).
        let d = try Self.follow(#""requestSentOn": "2026-10-15", "urgentReplyDays": 10"#)
        #expect(Self.step(d, "reply")?.due == "2026-10-26" && Self.step(d, "reply")?.citation.contains("40(7)") == true)
    }

    @Test("bad chain facts are refused field by field, and a misspelt key by name")
    func badFacts() throws {
        do {
            _ = try Self.follow(#""hit": {"category": "Z", "receivedOn": "2026-09-03"}, "urgentReplyDays": 3"#)
            Issue.record("expected an error")
        } catch let error as InvalidFacts {
            #expect(error.errors.map(\.field) == ["hit.category", "urgentReplyDays"])
        }
        #expect(throws: FactsDocument.Fault.self) { try Self.follow(#""requestsentOn": "2026-10-15""#) }
    }
}
