import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Registry: registration by category and its clocks")
struct RegistrationTests {
    @Test("an applicant's dataset gets the 72-hour clock, waits on the worklist, and leaves it on transmission")
    func applicantClock() async throws {
        try await withPactum { ctx in
            let registrar = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let result = try await registrar.register(["eventAt": "2026-11-16T08:00:00Z"])
            let dataset = try #require(result.dataset)
            // EDAC Art 15(1): 72 hours from registration, whatever the day. Under 1182/71 Art 3(1)
            // the hour of the event does not count: 08:00 starts the period at 09:00.
            #expect(dataset.transmissionDueAt == (try Date("2026-11-19T09:00:00Z", strategy: .iso8601)))
            #expect(dataset.transmissionRule == "EDAC-A" && dataset.transmittedAt == nil && dataset.eraseOn == nil)
            var worklist = try await registrar.decode([WorklistItem].self, .GET, "/api/v1/registry/worklist")
            #expect(worklist.map(\.datasetId) == [dataset.id])
            #expect(worklist[0].status == "due" && worklist[0].hoursLeft == 21.9)
            // The badge: the limit in Berlin's time, the time left in words.
            #expect(worklist[0].clock.dueLocal == "Thu 19 Nov 2026, 10:00 CET")
            #expect(
                worklist[0].clock.timeLeft.hasPrefix("21 hours ") && worklist[0].clock.statusLabel == "Due within a day"
            )
            ctx.clock.advance(by: 3 * 86_400)
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            worklist = try await operatorDE.decode([WorklistItem].self, .GET, "/api/v1/registry/worklist")
            #expect(worklist[0].status == "overdue" && worklist[0].hoursLeft < 0)
            #expect(worklist[0].clock.timeLeft.hasPrefix("passed 2 days "))
            let transmitted = try await operatorDE.event(dataset.id, ["event": "transmit"])
            #expect(transmitted.status == .ok)
            let after = try #require(try transmitted.json(EventResult.self).dataset)
            // EDAC Art 29(1): ten years from the transmission (21 November 2026 in Berlin).
            #expect(after.eraseOn == "2036-11-21")
            #expect(try await operatorDE.decode([WorklistItem].self, .GET, "/api/v1/registry/worklist").isEmpty)
            #expect(try await operatorDE.event(dataset.id, ["event": "transmit"]).status == .conflict)
        }
    }

    @Test("serious technical problems extend the limit once by 48 hours; a retake gives 48 hours from the retake")
    func extensions() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let dataset = try #require(try await officer.register(["category": "D"]).dataset)
            #expect(dataset.transmissionRule == "EDAC-D")
            #expect(
                try await officer.event(dataset.id, ["event": "extend-transmission"]).status == .unprocessableEntity)
            let extended = try await officer.event(
                dataset.id, ["event": "extend-transmission", "reason": "central access point down"])
            let view = try #require(try extended.json(EventResult.self).dataset)
            #expect(view.transmissionDueAt == (try Date("2026-11-21T09:00:00Z", strategy: .iso8601)))
            #expect(view.transmissionVariant == "technical")
            #expect(
                try await officer.event(dataset.id, ["event": "extend-transmission", "reason": "again"]).status
                    == .conflict)
            let retake = try await officer.event(dataset.id, ["event": "retake", "at": "2026-11-16T20:00:00Z"])
            let retaken = try #require(try retake.json(EventResult.self).dataset)
            #expect(retaken.transmissionRule == "EDAC-RETAKE")
            #expect(retaken.transmissionDueAt == (try Date("2026-11-18T21:00:00Z", strategy: .iso8601)))
        }
    }

    @Test("category rules: minimum age, unclear age, dates of application, B2 outcome and retention")
    func categoryRules() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            func refused(_ fields: [String: String]) async throws -> [String] {
                let response = try await operatorDE.send(
                    .POST, "/api/v1/registry/datasets", RegistryClient.body(fields))
                #expect(response.status == .unprocessableEntity)
                return try response.problem().errors?.map(\.field) ?? []
            }
            let before = try await ctx.auditCount()
            #expect(try await refused(["dateOfBirth": "2021-01-01"]) == ["dateOfBirth"])
            #expect(try await refused(["dateOfBirth": "", "ageUnclear": "true"]) == ["ageUnclear"])
            #expect(try await refused(["category": "G", "protectionDecisionDate": "2026-01-01"]) == ["eventAt"])
            #expect(try await refused(["category": "B2"]) == ["resettlementOutcome"])
            #expect(try await refused(["resettlementOutcome": "granted"]) == ["resettlementOutcome"])
            #expect(
                Set(try await refused(["category": "Z", "sex": "Q", "eventAt": "2027-01-01T00:00:00Z"]))
                    == ["category", "sex", "eventAt"])
            #expect(try await Dataset.query(on: ctx.db).count() == 0)
            #expect(try await ctx.auditCount() == before)
            // Exactly 6 on the day of the event is old enough.
            #expect(try await operatorDE.register(["dateOfBirth": "2020-11-16"]).dataset != nil)
            let refusedB2 = try await operatorDE.register([
                "category": "B2", "resettlementOutcome": "refused", "biometricsTakenAt": "2026-11-16T09:00:00Z",
            ])
            // EDAC Art 29(4): three years for a refusal.
            #expect(refusedB2.dataset?.eraseOn == "2029-11-18")
            let duplicate = try await operatorDE.send(
                .POST, "/api/v1/registry/datasets", RegistryClient.body(["reference": refusedB2.dataset!.reference]))
            #expect(duplicate.status == .conflict)
        }
    }

    @Test("B1 data are compared with marked beneficiaries only and never recorded; C data are no probes")
    func comparisonScope() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let caseworker = try await RegistryClient.make(ctx, .asylumCaseworker, state: .DE)
            let applicant = try #require(try await operatorDE.register().dataset)
            var b1 = try await operatorDE.send(
                .POST, "/api/v1/registry/datasets", RegistryClient.body(["category": "B1"]))
            #expect(b1.status == .ok)
            #expect(try b1.json(RegistrationResult.self).matches?.isEmpty == true)
            #expect(try await caseworker.event(applicant.id, ["event": "mark-protection"]).status == .ok)
            b1 = try await operatorDE.send(.POST, "/api/v1/registry/datasets", RegistryClient.body(["category": "B1"]))
            let compared = try b1.json(RegistrationResult.self)
            #expect(compared.dataset == nil && compared.matches?.map(\.dataset.id) == [applicant.id])
            #expect(try await Dataset.query(on: ctx.db).count() == 1)
            let national = try await operatorDE.register(["category": "C"])
            #expect(national.dataset != nil && national.candidates.isEmpty)
            // …but later probes find the national resettlement data.
            let stayer = try await operatorDE.register(["category": "E"])
            #expect(Set(stayer.candidates.compactMap { $0.match?.id }) == [applicant.id, national.dataset!.id])
        }
    }
}
