import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Legal engine over HTTP: /api/v1/law and the Legal clocks page")
struct LawAPITests {
    @Test("a deadline answers with due date, citation, consequence and reasoning, without sign-in or audit")
    func deadline() async throws {
        try await withPactum { ctx in
            let response = try await ctx.send(.GET, "/api/v1/law/deadline?rule=DUB-6&state=BE&from=2026-10-11")
            #expect(response.status == .ok)
            let deadline = try response.content.decode(Deadline.self)
            #expect(deadline.due == "2026-11-12" && deadline.citation == "Regulation (EU) 2024/1351, Art. 40(1)")
            #expect(deadline.consequence.contains("No reply is acceptance"))
            #expect(response.body.string.contains("2024/1351"))
            #expect(try await ctx.auditCount() == 0)
        }
    }

    @Test("every invalid parameter is reported at once, and an engine refusal names its field")
    func badInput() async throws {
        try await withPactum { ctx in
            let response = try await ctx.send(.GET, "/api/v1/law/deadline?state=XX&from=2026-13-11&crisis=maybe")
            let problem = try response.problem()
            #expect(response.status == .unprocessableEntity)
            #expect(problem.errors?.map(\.field) == ["rule", "state", "from", "crisis"])
            let unknown = try await ctx.send(.GET, "/api/v1/law/deadline?rule=NOPE&state=DE&from=2026-07-01").problem()
            #expect(unknown.errors?.first?.field == "rule")
            let hours = try await ctx.send(.GET, "/api/v1/law/deadline?rule=EDAC-D&state=DE&from=2026-07-01").problem()
            #expect(hours.errors == [.init(field: "from", message: DeadlineError.needsTime("EDAC-D").description)])
            let extensions = try await ctx.send(
                .GET, "/api/v1/law/deadline?rule=DUB-14&state=DE&from=2026-07-01&extension=")
            #expect(try extensions.problem().errors?.first?.field == "extension")
        }
    }

    @Test("holidays of a canton, periods in both regimes, the catalogue and one rule")
    func otherEndpoints() async throws {
        try await withPactum { ctx in
            let glarus = try await ctx.send(.GET, "/api/v1/law/holidays?state=CH&subdivision=CH-GL&year=2026")
                .content.decode(HolidayList.self)
            // 2 April 2026 is Maundy Thursday, so the Näfelser Fahrt moves a week.
            #expect(glarus.holidays.contains { $0.date == "2026-04-09" && $0.name == "Näfelser Fahrt" })
            let spain = try await ctx.send(.GET, "/api/v1/law/holidays?state=ES&subdivision=ES-MD&year=2027")
            #expect(try spain.problem().errors?.first?.field == "subdivision")
            let pact = try await ctx.send(
                .GET, "/api/v1/law/period?state=DE&from=2026-04-02&amount=3&unit=days&regime=pact"
            )
            .content.decode(PeriodAnswer.self)
            let general = try await ctx.send(.GET, "/api/v1/law/period?state=DE&from=2026-04-02&amount=3&unit=days")
                .content.decode(PeriodAnswer.self)
            #expect(pact.due == "2026-04-07" && general.due == "2026-04-08")
            let rules = try await ctx.send(.GET, "/api/v1/law/rules").content.decode([ClockRule].self)
            #expect(rules.count == ClockRule.catalogue.count)
            #expect(
                try await ctx.send(.GET, "/api/v1/law/rules/apr-e5").content.decode(ClockRule.self).extensions.count
                    == 3)
            #expect(try await ctx.send(.GET, "/api/v1/law/rules/NOPE").status == .notFound)
        }
    }

    @Test("the Legal clocks page shows the due date and the reasoning, and refuses bad input with a 422 page")
    func page() async throws {
        try await withPactum { ctx in
            let visitor = WebSession(ctx)
            let empty = try await visitor.get("/law")
            #expect(empty.status == .ok && empty.body.string.contains("<option value=\"APR-R1\""))
            let page = try await visitor.get("/law?rule=APR-E4&state=DE&from=2026-11-30").body.string
            #expect(page.contains(#"<dd id="due">2027-03-01</dd>"#))
            #expect(page.contains("28 February") == false && page.contains("APR Art 73(c)"))
            let bad = try await visitor.get("/law?rule=APR-E4&state=DE&from=yesterday")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("From</a> must be a date"))
            // The crisis is chosen by its situation, in words; one the rule has no derogation for is refused.
            #expect(empty.body.string.contains("Mass arrivals (CFM Art 1(4)(a))"))
            let crisis = try await visitor.get("/law?rule=DUB-6&state=DE&from=2026-08-03&crisis=force-majeure")
            #expect(crisis.body.string.contains(#"<dd id="due">2026-10-05</dd>"#))
            let excluded = try await visitor.get("/law?rule=DUB-6&state=DE&from=2026-08-03&crisis=instrumentalisation")
            #expect(excluded.status == .unprocessableEntity && excluded.body.string.contains("no derogation"))
        }
    }

    @Test("AMMR-84(2), APR-79(3) and island time over HTTP: the application's dates and the region are parameters")
    func transitionAndRegions() async throws {
        try await withPactum { ctx in
            let dublin = try await ctx.send(
                .GET, "/api/v1/law/deadline?rule=DUB-2&state=IT&from=2026-06-20&registeredOn=2026-06-20")
            #expect(dublin.status == .unprocessableEntity)
            #expect(
                try dublin.problem().errors?.first.map { $0.field == "registeredOn" && $0.message.contains("D3-21") }
                    == true)
            let directive = try await ctx.send(
                .GET, "/api/v1/law/deadline?rule=APR-E5&state=DE&from=2026-06-01&lodgedOn=2026-06-01")
            #expect(try directive.problem().errors?.first?.field == "lodgedOn")
            let d3 = try await ctx.send(.GET, "/api/v1/law/deadline?rule=D3-21&state=IT&from=2026-06-20")
                .content.decode(Deadline.self)
            #expect(d3.due == "2026-09-20" && d3.regime == .dublinIII)
            let island = try await ctx.send(
                .GET, "/api/v1/law/deadline?rule=EDAC-F&state=ES&subdivision=ES-CN&from=2026-07-10T23:30:00%2B01:00"
            )
            .content.decode(Deadline.self)
            #expect(island.due == "2026-07-14T00:00:00+01:00")
            let noDecree = try await ctx.send(
                .GET, "/api/v1/law/deadline?rule=SCR-T1&state=ES&subdivision=ES-CN&from=2026-07-10")
            #expect(
                try noDecree.problem().errors?.first.map { $0.field == "subdivision" && $0.message.contains("decree") }
                    == true)
            let badDate = try await ctx.send(
                .GET, "/api/v1/law/deadline?rule=DUB-2&state=IT&from=2026-06-20&registeredOn=June")
            #expect(try badDate.problem().errors?.first?.field == "registeredOn")
        }
    }
}

@Suite("Legal calculators over HTTP")
struct LawCalculatorsAPITests {
    @Test("POST /law/responsibility decides, and reports nested fact errors by path")
    func responsibility() async throws {
        try await withPactum { ctx in
            let facts =
                #"{"registeredIn": "DE", "registrationDate": "2026-09-01", "irregularEntry": {"state": "GR", "date": "2025-01-01"}}"#
            let decision = try await ctx.send(.POST, "/api/v1/law/responsibility", json: facts).content.decode(
                ResponsibilityDecision.self)
            #expect(decision.responsibleState == "GR" && decision.decidedBy == "AMMR-33(1)")
            let bad =
                #"{"registeredIn": "DE", "registrationDate": "2026-09-01", "familyMembers": [{"relation": "cousin", "state": 5, "status": "x"}]}"#
            let problem = try await ctx.send(.POST, "/api/v1/law/responsibility", json: bad).problem()
            #expect(problem.errors == [.init(field: "familyMembers[0].state", message: "must be a string")])
            let wrong =
                #"{"registeredIn": "ZZ", "registrationDate": "2026-09-01", "familyMembers": [{"relation": "cousin", "state": "FR", "status": "x"}]}"#
            let fields = try await ctx.send(.POST, "/api/v1/law/responsibility", json: wrong).problem().errors?.map(
                \.field)
            #expect(fields == ["registeredIn", "familyMembers[0].relation", "familyMembers[0].status"])
            // A misspelt nested key is refused by name, never ignored (issue 13, defect 14).
            let misspelt =
                #"{"registeredIn": "DE", "registrationDate": "2026-09-01", "irregularEntry": {"state": "GR", "dat": "2025-01-01", "date": "2025-01-01"}}"#
            let unknown = try await ctx.send(.POST, "/api/v1/law/responsibility", json: misspelt)
            #expect(unknown.status == .unprocessableEntity)
            #expect(try unknown.problem().errors?.first?.field == "irregularEntry.dat")
        }
    }

    @Test("POST /law/routing, fair-share and border-capacity; GET retention")
    func calculators() async throws {
        try await withPactum { ctx in
            let routing = try await ctx.send(
                .POST, "/api/v1/law/routing", json: #"{"nationality": "BD", "situation": "sea-rescue"}"#
            )
            .content.decode(RoutingDecision.self)
            // EUAA's 3 % is context only: without a Eurostat figure, safe country of origin alone.
            #expect(routing.borderProcedure == "possible" && routing.contextRate?.rate == 3)
            let gdp =
                #"{"gdpSource": "test", "states": ["DE", "FR"], "relocations": 1000, "gdp": [{"state": "DE", "value": 1}, {"state": "FR", "value": 1}]}"#
            let table = try await ctx.send(.POST, "/api/v1/law/fair-share", json: gdp).content.decode(
                FairShareTable.self)
            #expect(abs(table.totalShare - 100) < 1e-9 && table.rows.count == 2)
            let missing = #"{"gdpSource": "test", "gdp": [{"state": "DE", "value": 1}]}"#
            let problem = try await ctx.send(.POST, "/api/v1/law/fair-share", json: missing).problem()
            #expect(problem.errors?.count == 26 && problem.errors?.first?.message == "no figure for AT")
            let capacity =
                #"{"source": "test", "on": "2027-06-13", "arrivals": [{"state": "IT", "value": 2}, {"state": "GR", "value": 1}]}"#
            let result = try await ctx.send(.POST, "/api/v1/law/border-capacity", json: capacity).content.decode(
                BorderCapacity.self)
            #expect(result.multiplier == 3 && result.rows.map(\.adequateCapacity) == [20_000, 10_000])
            let retention = try await ctx.send(.GET, "/api/v1/law/retention?category=sea-rescue&from=2026-07-01")
                .content.decode(RetentionAnswer.self)
            #expect(retention.erasureDate == "2031-07-01")
            #expect(try await ctx.send(.GET, "/api/v1/law/retention?category=x").status == .unprocessableEntity)
        }
    }

    @Test("the procedure rules over HTTP: the Dublin chain and the APR decisions, facts read strictly")
    func procedures() async throws {
        try await withPactum { ctx in
            let chain = try await ctx.send(
                .POST, "/api/v1/law/dublin",
                json:
                    #"{"requestingState": "IT", "registrationDate": "2026-09-01", "requestedState": "DE", "requestSentOn": "2026-10-15", "asOf": "2026-12-01"}"#
            ).content.decode(DublinChainAnswer.self)
            #expect(chain.responsibleState == "DE" && chain.nextDue == "2027-05-17")
            let misspelt = try await ctx.send(
                .POST, "/api/v1/law/dublin",
                json:
                    #"{"requestingState": "IT", "registrationDate": "2026-09-01", "requestedState": "DE", "requestSenton": "2026-10-15"}"#
            )
            #expect(misspelt.status == .unprocessableEntity)
            #expect(try misspelt.problem().errors?.first?.field == "requestSenton")
            let appeal = try await ctx.send(
                .POST, "/api/v1/law/appeal",
                json: #"{"decision": "implicit-withdrawal", "notifiedOn": "2026-09-07", "state": "DE"}"#
            ).content.decode(AppealAnswer.self)
            #expect(appeal.rightToRemain == "on-request" && appeal.requestToRemainDue == "2026-09-14")
            let budget = try await ctx.send(
                .POST, "/api/v1/law/border-budget",
                json: #"{"state": "IT", "registeredOn": "2026-09-01", "asOf": "2026-10-01"}"#
            ).content.decode(BorderBudgetAnswer.self)
            #expect(budget.ends == "2026-11-24" && budget.status == "running")
            let endpoints: [(String, String)] = [
                ("subsequent", #"{"previousFinalDecision": true, "newElements": "no"}"#),
                ("withdrawal", #"{"ground": "d"}"#),
                ("admissibility", #"{"state": "DE", "madeOn": "2026-09-01", "safeThirdCountry": true}"#),
                ("crisis", #"{"state": "IT", "kind": "force-majeure", "decisions": [{"adoptedOn": "2026-08-14"}]}"#),
                ("relocation", #"{"benefittingState": "IT", "relocationState": "PT", "person": "applicant"}"#),
            ]
            for (path, body) in endpoints {
                #expect(try await ctx.send(.POST, "/api/v1/law/\(path)", json: body).status == .ok, "\(path)")
            }
            let bad = try await ctx.send(.POST, "/api/v1/law/withdrawal", json: #"{"ground": "z"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.problem().errors?.first?.field == "ground")
            let notJSON = try await ctx.send(.POST, "/api/v1/law/crisis", json: "{")
            #expect(notJSON.status == .badRequest)
            #expect(try await ctx.auditCount() == 0)
        }
    }
}
