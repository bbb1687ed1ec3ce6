import Foundation
import PactumLaw
import Testing

/// The legal review's findings on the clocks (issue 13, defects 1, 10-13, 15), each due date
/// worked by hand from the article and a calendar.
@Suite("Deadlines: the legal review")
struct DeadlineReviewTests {
    static let engine = DeadlineEngine()

    // MARK: Defect 1: the transition is keyed on the application's dates

    @Test(
        "AMMR-84(2): an AMMR limit for an application registered on 30 June 2026 is refused, naming the Dublin III limit"
    )
    func ammrLimitRefusedBeforeJuly() {
        #expect(throws: DeadlineError.dublinIIIApplies("DUB-2", "2026-06-30", "D3-21")) {
            try Self.engine.deadline(
                "DUB-2", state: .IT, from: "2026-06-30", application: .init(registered: CivilDate(iso: "2026-06-30")))
        }
        #expect(throws: DeadlineError.ammrApplies("D3-21", "2026-07-01")) {
            try Self.engine.deadline(
                "D3-21", state: .IT, from: "2026-07-01", application: .init(registered: CivilDate(iso: "2026-07-01")))
        }
    }

    @Test("D3-21: 3 months from lodging on 20 June 2026 end on Sunday 20 September, not moved (Dublin III Art 42(c))")
    func dublinTakeCharge() throws {
        let d = try Self.engine.deadline(
            "D3-21", state: .IT, from: "2026-06-20", application: .init(registered: CivilDate(iso: "2026-06-20")))
        #expect(d.due == "2026-09-20" && d.regime == .dublinIII && d.applicable)
        let hit = try Self.engine.deadline("D3-21", state: .IT, from: "2026-06-20", extension: "eurodac-hit")
        #expect(hit.due == "2026-08-20" && hit.trigger == "receipt of the Eurodac hit")
    }

    @Test(
        "D3-22, D3-25, D3-29: reply 2 months, take back reply 2 weeks on a Eurodac hit, transfer 18 months after absconding"
    )
    func dublinChain() throws {
        #expect(try Self.engine.deadline("D3-22", state: .FR, from: "2026-05-04").due == "2026-07-04")
        #expect(
            try Self.engine.deadline("D3-25", state: .FR, from: "2026-06-05", extension: "eurodac-hit").due
                == "2026-06-19")
        #expect(
            try Self.engine.deadline("D3-29", state: .FR, from: "2026-09-01", extension: "absconding").due
                == "2028-03-01")
        #expect(try Self.engine.deadline("D3-23", state: .FR, from: "2026-05-10").due == "2026-07-10")
    }

    @Test(
        "APR-79(3): an APR limit for an application lodged on 11 June 2026 is refused; lodged 12 June it applies, whatever the event day"
    )
    func aprByLodging() throws {
        #expect(throws: DeadlineError.directive201332("APR-E5", "2026-06-11")) {
            try Self.engine.deadline(
                "APR-E5", state: .DE, from: "2026-06-11", application: .init(lodged: CivilDate(iso: "2026-06-11")))
        }
        let byEvent = try Self.engine.deadline("APR-R1", state: .DE, from: "2026-06-10")
        #expect(!byEvent.applicable)
        let byLodging = try Self.engine.deadline(
            "APR-R1", state: .DE, from: "2026-06-10", application: .init(lodged: CivilDate(iso: "2026-06-12")))
        #expect(byLodging.applicable)
    }

    // MARK: Defect 10: Eurodac extensions

    @Test("EDAC-F: +48 hours for a sudden influx (Art 24(6)) as for technical problems (Art 24(5))")
    func searchAndRescueExtensions() throws {
        for ext in ["influx", "technical"] {
            let d = try Self.engine.deadline("EDAC-F", state: .IT, from: "2026-08-01T10:20:00+02:00", extension: ext)
            #expect(d.due == "2026-08-06T11:00:00+02:00")
        }
    }

    @Test("EDAC-G: the technical extension is the end of the 10 days plus 48 hours (Art 26(4))")
    func temporaryProtectionExtension() throws {
        // 1 July 2029 + 10 days ends at the end of Wednesday 11 July; 48 hours later is 14 July, 00:00.
        let d = try Self.engine.deadline(
            "EDAC-G", state: .DE, from: "2029-07-01T10:00:00+02:00", extension: "technical")
        #expect(d.due == "2029-07-14T00:00:00+02:00" && d.period == "10 days + 48 hours")
    }

    // MARK: Defects 11 and 13: crisis derogations

    @Test("CFM-12(1): the Dublin derogations exist in a mass-arrival crisis or force majeure, not instrumentalisation")
    func dublinCrisisKinds() throws {
        #expect(throws: DeadlineError.crisisKindExcluded("DUB-6", .instrumentalisation, [.massArrival, .forceMajeure]))
        {
            try Self.engine.deadline("DUB-6", state: .DE, from: "2026-08-03", crisis: .instrumentalisation)
        }
        #expect(
            try Self.engine.deadline("DUB-6", state: .DE, from: "2026-08-03", crisis: .forceMajeure).due == "2026-10-05"
        )
    }

    @Test("CFM-12(2)(a): after a Eurodac hit too, the crisis request runs 4 months from registration")
    func crisisRequestFromRegistration() throws {
        let d = try Self.engine.deadline("DUB-3", state: .DE, from: "2026-08-03", crisis: .massArrival)
        #expect(d.due == "2026-12-03" && d.trigger.hasPrefix("registration"))
        #expect(d.reasoning.contains { $0.contains("its own event") })
    }

    @Test(
        "CFM-12(2)(b): every reply limit of Art 40 becomes 2 months", arguments: ["DUB-5", "DUB-6", "DUB-7", "DUB-8"])
    func crisisReplies(_ rule: String) throws {
        #expect(
            try Self.engine.deadline(rule, state: .DE, from: "2026-09-15", crisis: .massArrival).due == "2026-11-16")
    }

    @Test("CFM-14(2): no crisis variant of the accelerated procedure; the 4 weeks derogate from Art 35(4) only")
    func noAcceleratedCrisis() throws {
        #expect(throws: DeadlineError.noCrisisVariant("APR-E4")) {
            try Self.engine.deadline("APR-E4", state: .DE, from: "2026-08-03", crisis: .massArrival)
        }
        #expect(
            try Self.engine.deadline("APR-E5", state: .DE, from: "2026-08-03", extension: "well-founded").due
                == "2026-08-31")
    }

    @Test("CFM-20: no crisis derogation for an event before 1 July 2026")
    func crisisBeforeCFM() {
        #expect(throws: DeadlineError.crisisBeforeCFM("APR-R1", "2026-06-30")) {
            try Self.engine.deadline("APR-R1", state: .DE, from: "2026-06-30", crisis: .massArrival)
        }
    }

    // MARK: Defect 12: variants with their own trigger

    @Test(
        "AMMR-46(2): the 3 years for absconding run from the information to the responsible state, and the answer says so"
    )
    func abscondingTrigger() throws {
        // Informed on 15 September 2026: 15 September 2029 is a Saturday, so Monday 17 (AMMR Art 75(d)).
        let d = try Self.engine.deadline("DUB-14", state: .DE, from: "2026-09-15", extension: "absconding")
        #expect(d.due == "2029-09-17" && d.trigger.contains("informed the responsible Member State"))
    }

    @Test("AMMR-45(1): detained after registration, the week runs from the detention")
    func detainedLater() throws {
        let d = try Self.engine.deadline("DUB-19-REQ", state: .DE, from: "2026-09-10", extension: "detained-later")
        #expect(d.due == "2026-09-17" && d.trigger == "the detention")
    }

    // MARK: Defect 15: island time and decreed regional calendars

    static let canarias = """
        # source: test fixture for the mechanism: Canary Islands Day, 30 May
        date,name
        2026-05-30,Día de Canarias
        """

    @Test("ES-CN: a disembarkation at 23:30 in the Canaries counts from that local day, not Madrid's next one")
    func canaryLocalDay() throws {
        let decree = try HolidayDecree(csv: Self.canarias, state: .ES, subdivision: "ES-CN")
        let engine = DeadlineEngine(decrees: [decree])
        let event = "2026-07-10T23:30:00+01:00"
        let canary = try engine.deadline("SCR-T1", state: .ES, subdivision: "ES-CN", from: event)
        #expect(canary.due == "2026-07-17" && canary.subdivision == "ES-CN")
        #expect(canary.expires == "2026-07-18T00:00:00+01:00")
        // In Madrid the same moment is 00:30 on 11 July: 18 July, a Saturday, moves to Monday 20.
        #expect(try engine.deadline("SCR-T1", state: .ES, from: event).due == "2026-07-20")
        // Hours need no calendar: the Eurodac limit runs without a decree, in island time.
        let hours = try Self.engine.deadline("EDAC-F", state: .ES, subdivision: "ES-CN", from: event)
        #expect(hours.due == "2026-07-14T00:00:00+01:00")
    }

    @Test("ES-CN: without the year's decree, counting days is refused with the reason")
    func decreeRequired() {
        #expect(throws: HolidayCalendar.CalendarError.decreeNotLoaded(.ES, "CN", 2026)) {
            try Self.engine.deadline("SCR-T1", state: .ES, subdivision: "ES-CN", from: "2026-07-10")
        }
        #expect(throws: HolidayCalendar.CalendarError.decreeNotLoaded(.ES, "AN", 2027)) {
            try HolidayList(state: .ES, subdivision: "ES-AN", year: 2027)
        }
    }

    @Test("PT-20, PT-30: the Azores and Madeira count in their own zones")
    func portugueseIslands() throws {
        let azores = try Self.engine.deadline("EDAC-D", state: .PT, subdivision: "PT-20", from: "2026-07-10T23:30:00Z")
        #expect(azores.due == "2026-07-14T00:00:00Z")
        // In winter the Azores are an hour behind UTC.
        let winter = try Self.engine.deadline("EDAC-D", state: .PT, subdivision: "PT-20", from: "2026-12-10T23:30:00Z")
        #expect(winter.due == "2026-12-13T23:00:00-01:00")
        let madeira = try Self.engine.deadline("EDAC-D", state: .PT, subdivision: "PT-30", from: "2026-07-10T23:30:00Z")
        #expect(madeira.due == "2026-07-14T01:00:00+01:00")
    }

    @Test("a decree must name its source, have the header, and keep to one year")
    func decreeFormat() {
        #expect(throws: HolidayDecree.DecreeError.noSource) {
            try HolidayDecree(csv: "date,name\n2026-05-30,Día de Canarias", state: .ES, subdivision: "CN")
        }
        #expect(throws: HolidayDecree.DecreeError.header) {
            try HolidayDecree(csv: "# source: x\nday,label\n2026-05-30,Día", state: .ES, subdivision: "CN")
        }
        #expect(throws: HolidayDecree.DecreeError.years) {
            try HolidayDecree(csv: "# source: x\ndate,name\n2026-05-30,a\n2027-05-30,b", state: .ES, subdivision: "CN")
        }
        #expect(throws: HolidayDecree.DecreeError.notDecreed(.DE, "BY")) {
            try HolidayDecree(csv: "# source: x\ndate,name\n2026-05-30,a", state: .DE, subdivision: "BY")
        }
    }
}
