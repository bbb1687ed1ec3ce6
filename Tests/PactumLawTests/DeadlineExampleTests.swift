import Foundation
import PactumLaw
import Testing

/// Worked examples, each computed by hand from the calendar and the counting rules and named
/// after its rule id. Dates: Easter 2026 is 5 April, 2027 is 28 March; Orthodox Easter 2027 is
/// 2 May; summer time starts 28 March 2027 and ends 25 October 2026.
@Suite("Deadlines: worked examples")
struct DeadlineExampleTests {
    static let engine = DeadlineEngine()

    struct Example: CustomTestStringConvertible, Sendable {
        var rule: String
        var state: MemberState
        var from: String
        var crisis: CrisisKind?
        var ext: String?
        var due: String
        var why: String
        var testDescription: String {
            "\(rule) \(state.code) from \(from)\(crisis.map { " crisis \($0.rawValue)" } ?? "")\(ext.map { " +\($0)" } ?? ""): \(why)"
        }
    }

    static func ex(
        _ rule: String, _ state: MemberState, _ from: String, crisis: CrisisKind? = nil, ext: String? = nil,
        _ due: String,
        _ why: String
    ) -> Example {
        Example(rule: rule, state: state, from: from, crisis: crisis, ext: ext, due: due, why: why)
    }

    static let examples: [Example] = [
        // APR-R1, 5 days, Pact counting (APR Art 73).
        ex("APR-R1", .DE, "2026-12-22", "2026-12-28", "ends Sunday 27 December, moves to Monday"),
        ex("APR-R1", .DE, "2026-12-21", "2026-12-28", "ends on St Stephen's Day, a Saturday"),
        ex("APR-R1", .DE, "2026-12-20", "2026-12-28", "ends on Christmas Day, a Friday holiday"),
        ex("APR-R1", .DE, "2026-12-28", "2027-01-04", "ends Saturday 2 January"),
        ex("APR-R1", .DE, "2027-03-21", "2027-03-30", "ends on Good Friday, then Easter weekend and Easter Monday"),
        ex("APR-R1", .IT, "2027-03-24", "2027-03-30", "ends on Easter Monday"),
        ex("APR-R1", .FR, "2027-03-21", "2027-03-26", "Good Friday is no public holiday in France"),
        ex("APR-R1", .DE, "2026-06-12", "2026-06-17", "plain weekdays"),
        ex("APR-R1", .DE, "2026-12-22", crisis: .massArrival, "2027-01-19", "crisis: 4 weeks (CFM Art 10(1))"),
        ex(
            "APR-R1", .DE, "2026-12-22", ext: "disproportionate", "2027-01-06",
            "15 days; Epiphany is not a holiday in Germany"),
        ex("APR-R1", .AT, "2026-12-22", ext: "disproportionate", "2027-01-07", "15 days end on Epiphany in Austria"),
        // APR-R2, 3 working days.
        ex("APR-R2", .DE, "2026-12-23", "2026-12-29", "24 Dec counts, 25-27 do not"),
        ex("APR-R2", .PL, "2026-12-23", "2026-12-30", "Christmas Eve is a holiday in Poland from 2025"),
        // APR-L1, 21 days; APR-L5, 5 days.
        ex("APR-L1", .DE, "2026-06-12", "2026-07-03", "three weeks, a Friday"),
        ex("APR-L1", .ES, "2026-12-15", "2027-01-05", "ends 5 January, the day before Epiphany"),
        ex("APR-L1", .ES, "2026-12-16", "2027-01-07", "ends on Epiphany, a Spanish holiday"),
        ex("APR-L1", .DE, "2026-12-22", ext: "disproportionate", "2027-02-22", "2 months end on Monday 22 February"),
        ex("APR-L5", .GR, "2026-08-10", "2026-08-17", "ends on Saturday 15 August, the Dormition"),
        // APR-U1, working days.
        ex("APR-U1", .DE, "2026-12-21", "2027-01-13", "15 working days across Christmas and New Year"),
        ex("APR-U1", .AT, "2026-12-21", "2027-01-14", "Epiphany also skipped in Austria"),
        ex("APR-U1", .DE, "2026-12-21", ext: "disproportionate", "2027-01-27", "25 working days"),
        // APR-E1, E4, E5: months, month ends and leap years.
        ex("APR-E1", .DE, "2026-12-31", "2027-03-01", "31 February does not exist: 28 February, a Sunday"),
        ex("APR-E1", .DE, "2026-12-31", ext: "", "2027-04-30", "4 months: 30 April is the last day"),
        ex("APR-E4", .DE, "2026-11-30", "2027-03-01", "28 February 2027 is a Sunday"),
        ex("APR-E4", .DE, "2027-11-30", "2028-02-29", "2028 is a leap year"),
        ex("APR-E5", .DE, "2026-06-12", ext: "well-founded", "2026-07-10", "CFM Art 14(2): 4 weeks, no crisis needed"),
        ex("APR-E5", .DE, "2026-08-31", "2027-03-01", "6 months from 31 August"),
        ex("APR-E5", .DE, "2027-08-31", "2028-02-29", "6 months into a leap February"),
        ex("APR-E5", .DE, "2026-06-12", ext: "grounds", "2027-06-14", "12 months end on a Saturday"),
        ex("APR-E5", .DE, "2026-06-12", ext: "postponement", "2028-03-13", "21 months end on a Sunday"),
        ex("APR-E5", .IT, "2026-06-02", "2026-12-02", "6 months, a Wednesday"),
        ex("APR-E2", .DE, "2026-12-30", "2027-01-14", "10 working days"),
        // APR-B5, weeks.
        ex("APR-B5", .IT, "2026-07-01", "2026-09-23", "12 weeks end on a Wednesday"),
        ex("APR-B5", .IT, "2026-07-01", crisis: .massArrival, "2026-11-04", "crisis: 18 weeks"),
        ex("APR-B5", .IT, "2026-07-01", ext: "relocation", "2026-10-21", "16 weeks for the relocation Member State"),
        ex("APR-B5", .IT, "2026-10-07", "2026-12-30", "12 weeks"),
        ex("APR-B5", .IT, "2026-09-16", "2026-12-09", "ends the day after the Immaculate Conception"),
        ex("APR-B5", .IT, "2026-09-15", "2026-12-09", "ends on the Immaculate Conception"),
        // APR-A5, appeals.
        ex("APR-A5", .DE, "2026-12-22", "2027-01-04", "7 working days"),
        ex("APR-AP2", .DE, "2026-12-22", "2027-01-04", "10 days end on New Year's Day"),
        ex("APR-AP3", .DE, "2026-12-31", "2027-02-01", "31 January is a Sunday"),
        ex("APR-AP8", .DE, "2027-03-24", "2027-03-30", "5 days end on Easter Monday"),
        ex("APR-RET", .DE, "2026-06-12", "2036-06-12", "10 years"),
        // AMMR: responsibility.
        ex("DUB-2", .DE, "2026-07-01", "2026-09-01", "2 months"),
        ex("DUB-2", .DE, "2026-07-01", crisis: .massArrival, "2026-11-02", "crisis: 4 months; 1 November is a Sunday"),
        ex("DUB-2", .DE, "2026-12-31", "2027-03-01", "28 February 2027 is a Sunday"),
        ex("DUB-3", .DE, "2027-01-31", "2027-03-01", "1 month from 31 January"),
        ex("DUB-3", .DE, "2028-01-31", "2028-02-29", "1 month into a leap February"),
        ex("DUB-6", .DE, "2026-10-03", "2026-11-03", "1 month"),
        ex("DUB-6", .DE, "2026-10-03", crisis: .massArrival, "2026-12-03", "crisis: 2 months"),
        ex("DUB-6", .FR, "2026-10-01", "2026-11-02", "1 November is a Sunday"),
        ex("DUB-6", .BE, "2026-10-11", "2026-11-12", "11 November is Armistice Day"),
        ex("DUB-7", .DE, "2026-12-11", "2026-12-28", "2 weeks end on Friday 25 December"),
        ex("DUB-8", .DE, "2027-03-12", "2027-03-30", "2 weeks end on Good Friday; Easter Monday follows"),
        ex("DUB-9", .NL, "2027-04-13", "2027-04-28", "2 weeks end on King's Day, 27 April"),
        ex("DUB-10", .DE, "2026-04-20", "2026-05-04", "2 weeks end on Labour Day"),
        ex(
            "DUB-10", .DE, "2026-08-20", crisis: .forceMajeure, "2026-09-21",
            "crisis: 1 month ends on Sunday 20 September, counted under 1182/71"),
        ex("DUB-11", .DE, "2026-05-11", "2026-05-26", "2 weeks end on Whit Monday"),
        ex("DUB-12", .DE, "2026-06-12", "2026-07-03", "3 weeks"),
        ex("DUB-13", .DE, "2026-06-12", "2026-07-13", "1 month ends on a Sunday"),
        ex("DUB-14", .DE, "2026-08-31", "2027-03-01", "6 months end on Sunday 28 February"),
        ex("DUB-14", .DE, "2026-08-31", ext: "absconding", "2029-08-31", "3 years"),
        ex("DUB-14", .DE, "2027-02-28", ext: "imprisonment", "2028-02-28", "1 year"),
        ex(
            "DUB-14", .DE, "2028-02-29", ext: "imprisonment", "2029-02-28", "from 29 February: the last day of February"
        ),
        ex("DUB-14", .DE, "2026-07-01", crisis: .massArrival, "2027-07-01", "crisis: 1 year"),
        ex("DUB-17", .DE, "2026-11-30", "2027-03-01", "3 months from 30 November"),
        ex("DUB-19-REQ", .DE, "2026-12-15", "2026-12-29", "2 weeks end on a Tuesday"),
        ex("DUB-19-REPLY", .DE, "2026-12-18", "2026-12-28", "1 week ends on Friday 25 December"),
        ex("DUB-19-TRANSFER", .DE, "2026-12-04", "2027-01-08", "5 weeks"),
        ex("AMMR-35", .DE, "2026-10-03", "2026-12-03", "2 months"),
        ex("CES-2", .DE, "2026-11-30", "2028-02-29", "15 months into a leap February"),
        ex("CES-3", .DE, "2026-07-31", "2027-04-30", "9 months"),
        ex("REL-CONFIRM", .DE, "2026-12-18", "2026-12-28", "1 week ends on Christmas Day"),
        ex("REL-CONFIRM", .DE, "2026-12-18", ext: "", "2027-01-04", "2 weeks end on New Year's Day"),
        ex("REL-DECISION", .DE, "2026-09-28", "2026-10-05", "1 week ends on Monday 5 October"),
        ex("REL-TRANSFER", .DE, "2026-09-08", "2026-10-06", "4 weeks end on Tuesday 6 October"),
        ex("SOL-O6", .DE, "2026-12-02", "2027-01-04", "30 days end on New Year's Day"),
        ex("SOL-D1", .DE, "2026-12-07", "2027-01-04", "4 weeks end on Monday 4 January"),
        // RBPR.
        ex("RBP-2", .IT, "2026-09-01", "2026-11-24", "12 weeks"),
        ex("RBP-2", .IT, "2026-09-01", crisis: .massArrival, "2027-01-05", "crisis: 18 weeks"),
        ex("RBP-5", .IT, "2026-12-10", "2026-12-28", "15 days end on St Stephen's Day, a Saturday"),
        // 1182/71: SCR, EDAC, CFM, URF.
        ex("SCR-T1", .GR, "2026-06-12", "2026-06-19", "7 days"),
        ex("SCR-T1", .GR, "2027-04-26", "2027-05-05", "ends Easter Monday; Labour Day kept on Tuesday 4 May"),
        ex("SCR-T1", .IT, "2027-04-18", "2027-04-26", "ends on Liberation Day, a Sunday"),
        ex("SCR-T2", .ES, "2026-10-08", "2026-10-13", "4 days end on 12 October, the National Day"),
        ex(
            "SCR-T3", .DE, "2026-04-02", "2026-04-08", "Easter: at least two working days are needed (1182/71 Art 3(5))"
        ),
        ex("SCR-T3", .DE, "2026-06-10", "2026-06-15", "3 days end on a Saturday"),
        ex(
            "SCR-T3", .PL, "2026-04-30", "2026-05-05",
            "1 and 3 May are holidays: two working days needed (1182/71 Art 3(5))"),
        ex("SCR-T3", .HU, "2026-10-20", "2026-10-26", "23 October is a holiday in Hungary, then the weekend"),
        ex("EDAC-G", .DE, "2029-06-12", "2029-06-22", "10 days"),
        ex("EDAC-H5", .DE, "2026-12-23", "2026-12-29", "3 working days"),
        ex("EDAC-H5", .CZ, "2026-12-23", "2026-12-30", "Christmas Eve and both Christmas days are holidays in Czechia"),
        ex("CFM-3", .GR, "2026-08-03", "2026-08-17", "2 weeks end on Monday 17 August"),
        ex("CFM-4", .GR, "2026-08-01", "2026-08-17", "2 weeks end on Saturday 15 August"),
        ex("CFM-5", .GR, "2026-07-01", "2026-10-01", "3 months"),
        ex("CFM-5", .GR, "2026-07-01", ext: "", "2027-01-04", "6 months end on Friday 1 January"),
        ex("URF-9", .DE, "2026-07-31", "2027-03-01", "7 months: 28 February 2027 is a Sunday"),
        ex("URF-9", .DE, "2026-07-31", ext: "", "2027-05-31", "10 months"),
        ex("URF-10", .SE, "2026-05-06", "2026-06-08", "1 month ends on Saturday 6 June, the National Day"),
        ex("URF-12", .SE, "2026-06-20", "2027-06-21", "12 months end on Sunday 20 June"),
    ]

    @Test("worked example", arguments: examples)
    func example(_ example: Example) throws {
        let deadline = try Self.engine.deadline(
            example.rule, state: example.state, from: example.from, crisis: example.crisis, extension: example.ext)
        #expect(deadline.due == example.due, "\(deadline.reasoning.joined(separator: " "))")
        #expect(deadline.rule == ClockRule.named(example.rule)?.id)
    }

    // MARK: Hours, daylight-saving time

    static let hourExamples: [Example] = [
        ex(
            "EDAC-D", .DE, "2027-03-26T10:15:00+01:00", "2027-03-29T12:00:00+02:00",
            "72 h across the start of summer time"),
        ex(
            "EDAC-D", .DE, "2026-10-23T10:15:00+02:00", "2026-10-26T10:00:00+01:00",
            "72 h across the end of summer time"),
        ex(
            "EDAC-A", .DE, "2026-12-24T09:00:00+01:00", ext: "technical", "2026-12-29T10:00:00+01:00",
            "72 + 48 h, holidays do not move it"),
        ex(
            "EDAC-D", .DE, "2026-12-24T23:30:00+01:00", "2026-12-28T00:00:00+01:00",
            "the hour of the event is not counted"),
        ex("EDAC-E", .FI, "2026-06-18T12:00:00+03:00", "2026-06-21T13:00:00+03:00", "ends on Sunday, not moved"),
        ex("EDAC-F", .IT, "2026-08-14T08:59:59Z", "2026-08-17T11:00:00+02:00", "UTC input, Italian offset"),
        ex("EDAC-H4", .DE, "2026-06-12T10:00:00+02:00", "2026-06-13T11:00:00+02:00", "24 h"),
        ex(
            "EDAC-H4", .DE, "2026-06-12T10:00:00+02:00", ext: "urgent", "2026-06-12T12:00:00+02:00",
            "1 h from the next full hour"),
        ex(
            "EDAC-RETAKE", .PT, "2026-03-28T16:40:00Z", "2026-03-30T18:00:00+01:00",
            "Lisbon moves to summer time on 29 March"),
        ex(
            "EDAC-NOTICE", .CY, "2026-10-24T23:10:00+03:00", "2026-10-27T23:00:00+02:00",
            "Nicosia leaves summer time on 25 October"),
    ]

    @Test("periods in hours: elapsed time, next full hour, no move to a working day", arguments: hourExamples)
    func hours(_ example: Example) throws {
        let deadline = try Self.engine.deadline(
            example.rule, state: example.state, from: example.from, extension: example.ext)
        #expect(deadline.due == example.due)
        #expect(deadline.regime == .general)
    }

    // MARK: Every state

    /// APR-R1 from Wednesday 1 April 2026: 5 days end on Easter Monday (6 April) where that is
    /// a holiday; Orthodox Easter 2026 is a week later.
    static let easterMondayStates: Set<MemberState> = [
        .AT, .BE, .CZ, .DK, .FI, .FR, .DE, .HU, .IE, .IT, .LV, .LT, .LU, .NL, .PL, .SK, .SI, .SE, .HR, .IS, .LI, .NO,
    ]

    @Test(
        "APR-R1 from 1 April 2026 in every state: Easter Monday moves the end where it is a holiday",
        arguments: MemberState.allCases)
    func easterMonday(_ state: MemberState) throws {
        let due = try Self.engine.deadline("APR-R1", state: state, from: "2026-04-01").due
        #expect(due == (Self.easterMondayStates.contains(state) ? "2026-04-07" : "2026-04-06"))
    }

    /// APR-R1 from Saturday 19 December 2026 ends on Thursday 24 December, a holiday in some states.
    static let christmasEveStates: Set<MemberState> = [.BG, .CZ, .EE, .FI, .HU, .LV, .LT, .PL, .SK]

    @Test("APR-R1 from 19 December 2026 in every state: Christmas Eve", arguments: MemberState.allCases)
    func christmasEve(_ state: MemberState) throws {
        let due = try Self.engine.deadline("APR-R1", state: state, from: "2026-12-19").due
        // Bulgaria also keeps St Stephen's Day (a Saturday) on Monday 28 December.
        let expected =
            state == .BG ? "2026-12-29" : Self.christmasEveStates.contains(state) ? "2026-12-28" : "2026-12-24"
        #expect(due == expected)
    }

    /// SCR-T1 from Sunday 25 April 2027 ends Sunday 2 May (Orthodox Easter), moving to Monday 3 May.
    @Test(
        "SCR-T1 from 25 April 2027 in every state: Orthodox Easter and early-May holidays",
        arguments: MemberState.allCases)
    func orthodoxEaster(_ state: MemberState) throws {
        let due = try Self.engine.deadline("SCR-T1", state: state, from: "2027-04-25").due
        let expected: String =
            switch state {
            case .GR, .BG: "2027-05-05"  // Easter Monday, then Labour Day kept on Tuesday
            case .CY, .RO, .PL, .IE: "2027-05-04"  // Easter Monday; Constitution Day; May Bank Holiday
            default: "2027-05-03"
            }
        #expect(due == expected)
    }
}
