import Foundation
import PactumLaw
import PropertyBased
import Testing

@Suite("Deadlines: catalogue, variants, errors, settings")
struct DeadlineRuleTests {
    static let engine = DeadlineEngine()

    @Test("every clock has a unique id, a citation, a trigger, a consequence and a known act")
    func catalogueIntegrity() {
        let ids = ClockRule.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ClockRule.catalogue.count >= 60)
        // The Pact's acts, and Dublin III for applications registered before 1 July 2026.
        let acts = Set(PactInstrument.all.map(\.id)).union(["DUBLIN3"])
        for rule in ClockRule.catalogue {
            #expect(acts.contains(rule.act), "\(rule.id)")
            #expect(!rule.citation.isEmpty && !rule.trigger.isEmpty && !rule.consequence.isEmpty, "\(rule.id)")
            #expect(rule.period.amount > 0, "\(rule.id)")
        }
    }

    @Test("APR, AMMR and RBPR count by the Pact's rules; the other acts and all hours by 1182/71")
    func regimes() {
        #expect(ClockRule.named("APR-R1")?.regime == .pact)
        #expect(ClockRule.named("DUB-6")?.regime == .pact)
        #expect(ClockRule.named("RBP-2")?.regime == .pact)
        #expect(ClockRule.named("SCR-T1")?.regime == .general)
        #expect(ClockRule.named("EDAC-A")?.regime == .general)
        #expect(ClockRule.named("URF-9")?.regime == .general)
        #expect(ClockRule.named("D3-29")?.regime == .dublinIII)
    }

    @Test("APR-R1 before 12 June 2026 is computed but marked not applicable (APR Art 79)")
    func aprTransition() throws {
        let before = try Self.engine.deadline("APR-R1", state: .DE, from: "2026-06-11")
        #expect(!before.applicable)
        #expect(before.reasoning.last?.contains("Directive 2013/32/EU") == true)
        #expect(try Self.engine.deadline("APR-R1", state: .DE, from: "2026-06-12").applicable)
    }

    @Test("DUB-2 before 1 July 2026 is marked not applicable: Dublin III still governs (AMMR Art 84)")
    func ammrTransition() throws {
        let before = try Self.engine.deadline("DUB-2", state: .IT, from: "2026-06-30")
        #expect(!before.applicable)
        #expect(before.reasoning.last?.contains("Art 84") == true)
        #expect(try Self.engine.deadline("DUB-2", state: .IT, from: "2026-07-01").applicable)
    }

    @Test("APR-AP2: a window of 5 to 10 days gives the earliest and the latest end")
    func appealWindow() throws {
        let deadline = try Self.engine.deadline("APR-AP2", state: .DE, from: "2026-12-22")
        #expect(deadline.earliestDue == "2026-12-28")
        #expect(deadline.due == "2027-01-04")
    }

    @Test("DUB-12: a window of 1 to 3 weeks")
    func transferAppealWindow() throws {
        let deadline = try Self.engine.deadline("DUB-12", state: .DE, from: "2026-12-18")
        #expect(deadline.earliestDue == "2026-12-28")
        #expect(deadline.due == "2027-01-08")
    }

    @Test("a crisis variant counts under 1182/71 and says so")
    func crisisRegime() throws {
        let deadline = try Self.engine.deadline("DUB-14", state: .DE, from: "2026-07-01", crisis: .massArrival)
        #expect(deadline.regime == .general && deadline.variant == "crisis" && deadline.citation == "CFM Art 12(2)(d)")
    }

    @Test("bad questions are refused with a message that says what to do")
    func errors() {
        #expect(throws: DeadlineError.unknownRule("APR-X")) {
            try Self.engine.deadline("APR-X", state: .DE, from: "2026-07-01")
        }
        #expect(throws: DeadlineError.noCrisisVariant("SCR-T1")) {
            try Self.engine.deadline("SCR-T1", state: .DE, from: "2026-07-01", crisis: .forceMajeure)
        }
        #expect(throws: DeadlineError.ambiguousExtension("DUB-14", ["imprisonment", "absconding"])) {
            try Self.engine.deadline("DUB-14", state: .DE, from: "2026-07-01", extension: "")
        }
        #expect(throws: DeadlineError.noExtension("DUB-6")) {
            try Self.engine.deadline("DUB-6", state: .DE, from: "2026-07-01", extension: "")
        }
        #expect(throws: DeadlineError.needsTime("EDAC-D")) {
            try Self.engine.deadline("EDAC-D", state: .DE, from: "2026-07-01")
        }
        #expect(throws: DeadlineError.invalidFrom("2026-02-30")) {
            try Self.engine.deadline("APR-R1", state: .DE, from: "2026-02-30")
        }
        #expect(throws: (any Error).self) { try Self.engine.deadline("CES-2", state: .DE, from: "2100-06-01") }
    }

    @Test("rule ids are matched case-insensitively")
    func caseInsensitive() throws {
        #expect(try Self.engine.deadline("apr-r1", state: .DE, from: "2026-12-22").rule == "APR-R1")
    }

    @Test("the two-working-days rule of 1182/71 Art 3(5) is a setting, off for the Pact's own counting by default")
    func twoWorkingDaysSetting() throws {
        let holidays = try HolidayCalendar(state: .DE)
        let strict = PeriodCalculator(calendar: holidays, settings: .init(twoWorkingDaysRuleInPactRegime: true))
        let plain = PeriodCalculator(calendar: holidays)
        let thursday = CivilDate(iso: "2026-04-02")!
        #expect(try plain.end(of: .days(3), fromDay: thursday, regime: .pact).lastDay.description == "2026-04-07")
        #expect(try strict.end(of: .days(3), fromDay: thursday, regime: .pact).lastDay.description == "2026-04-08")
        #expect(try plain.end(of: .days(3), fromDay: thursday, regime: .general).lastDay.description == "2026-04-08")
    }

    @Test("the reasoning names the rules it applied")
    func reasoning() throws {
        let deadline = try Self.engine.deadline("APR-E4", state: .DE, from: "2026-11-30")
        let text = deadline.reasoning.joined(separator: " ")
        #expect(text.contains("APR Art 73(a)") && text.contains("APR Art 73(b)") && text.contains("APR Art 73(c)"))
        #expect(deadline.expires == "2027-03-02T00:00:00+01:00")
    }

    // MARK: Properties

    static let days = Gen.int(in: CivilDate(iso: "1995-01-01")!.dayNumber...CivilDate(iso: "2090-12-31")!.dayNumber)
    static let states = Gen.int(in: 0...(MemberState.allCases.count - 1)).map { MemberState.allCases[$0] }
    static let periodChoices: [Period] = [
        .days(1), .days(3), .days(5), .days(21), .workingDays(3), .workingDays(15), .weeks(2), .weeks(12),
        .months(1), .months(2), .months(6), .years(1),
    ]
    static let periods = Gen.int(in: 0...(periodChoices.count - 1)).map { periodChoices[$0] }

    @Test("a computed end is never before the start, and never on a non-working day when it moves")
    func endAfterStartOnWorkingDay() async throws {
        let engine = Self.engine
        await propertyCheck(count: 2000, input: Self.days, Self.states, Self.periods) { day, state, period in
            let calculator = engine.calculator(for: state)
            let start = CivilDate(dayNumber: day)
            for regime in [ComputationRegime.pact, .general] {
                let end = try! calculator.end(of: period, fromDay: start, regime: regime)
                #expect(end.lastDay > start)
                #expect(calculator.calendar.isWorkingDay(end.lastDay))
            }
            // Dublin III Art 42(c): never moved, so never later than the Pact's end.
            let dublin = try! calculator.end(of: period, fromDay: start, regime: .dublinIII)
            let pact = try! calculator.end(of: period, fromDay: start, regime: .pact)
            #expect(dublin.lastDay > start && dublin.movedFrom == nil && dublin.lastDay <= pact.lastDay)
        }
    }

    @Test("a later start never gives an earlier end")
    func monotonic() async throws {
        let engine = Self.engine
        await propertyCheck(count: 2000, input: Self.days, Self.states, Self.periods) { day, state, period in
            let calculator = engine.calculator(for: state)
            for regime in ComputationRegime.allCases {
                let a = try! calculator.end(of: period, fromDay: CivilDate(dayNumber: day), regime: regime).lastDay
                let b = try! calculator.end(of: period, fromDay: CivilDate(dayNumber: day + 1), regime: regime).lastDay
                #expect(a <= b)
            }
        }
    }

    @Test("hours: the end is after the event by at least the period, by less than one hour more")
    func hoursProperty() async throws {
        let engine = Self.engine
        await propertyCheck(
            count: 1000, input: Gen.int(in: 820_000_000...4_000_000_000), Self.states, Gen.int(in: 1...240)
        ) {
            seconds, state, hours in
            let event = Date(timeIntervalSince1970: Double(seconds))
            let end = try! engine.calculator(for: state).end(of: .hours(hours), from: event, regime: .general)
            let elapsed = end.expires.timeIntervalSince(event)
            #expect(elapsed > Double(hours) * 3600 && elapsed <= Double(hours + 1) * 3600)
        }
    }

    @Test("civil dates round-trip through their day number, and months never overflow")
    func civilDates() async throws {
        await propertyCheck(count: 3000, input: Self.days, Gen.int(in: -1300...1300)) { day, months in
            let date = CivilDate(dayNumber: day)
            let (y, m, d) = date.components
            #expect(CivilDate(year: y, month: m, day: d) == date)
            #expect(CivilDate(iso: date.description) == date)
            let later = date.adding(months: months)
            #expect(
                later.day <= d
                    && (later.day == d || later.day == CivilDate.daysInMonth(year: later.year, month: later.month)))
        }
    }

    @Test("Easter: known dates, Western and Orthodox")
    func easterDates() {
        #expect(Easter.western(2026).description == "2026-04-05")
        #expect(Easter.western(2027).description == "2027-03-28")
        #expect(Easter.western(2038).description == "2038-04-25")
        #expect(Easter.western(2008).description == "2008-03-23")
        #expect(Easter.orthodox(2026).description == "2026-04-12")
        #expect(Easter.orthodox(2027).description == "2027-05-02")
        #expect(Easter.orthodox(2024).description == "2024-05-05")
        #expect(Easter.orthodox(2100).description == "2100-05-02")
    }
}
