import Fluent
import Foundation
import PactumLaw
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Registry: retention, erasure and the data subject's rights")
struct ErasureTests {
    static let name = "Zebulon Quixotery"

    /// Every row of every table, as text, to prove that nothing of a person is left.
    static func everything(_ ctx: TestContext) async throws -> String {
        let tables = [
            RegistryPerson.schema, Dataset.schema, Candidate.schema, ExchangeMessage.schema, Rectification.schema,
            LegalClock.schema,
            Erasure.schema, AuditEntry.schema, User.schema,
        ]
        var text = ""
        for table in tables {
            for row in try await ctx.sql.select().column("*").from(table).all() {
                for column in row.allColumns {
                    text += ((try? row.decode(column: column, as: String?.self)) ?? nil) ?? ""
                    text += " "
                }
            }
        }
        return text
    }

    @Test("when the retention period ends the job erases the dataset: no search, page, API or export finds it")
    func retentionErasure() async throws {
        try await withPactum { ctx in
            let registrarDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let officerDE = try await RegistryClient.make(ctx, .dataProtectionOfficer, state: .DE)
            let expertIT = try await RegistryClient.make(ctx, .fingerprintExpert, state: .IT)
            let stayer = try #require(
                try await registrarDE.register([
                    "category": "E", "givenNames": "Zebulon", "familyNames": "Quixotery", "dateOfBirth": "1979-02-02",
                    "biometricsTakenAt": "2026-11-18T09:00:00Z",
                ]).dataset)
            #expect(stayer.eraseOn == "2031-11-18")
            let probe = try await operatorIT.register([
                "category": "D", "givenNames": "Zebulon", "familyNames": "Quixoteri", "dateOfBirth": "1979-02-02",
            ])
            _ = try await registrarDE.enrol(stayer.id, person: "quixotery", impression: 0)
            let probeDataset = try #require(probe.dataset)
            let candidate = try #require(
                try await operatorIT.enrol(probeDataset.id, person: "quixotery", impression: 1).candidates.first)
            _ = try await expertIT.decode(
                CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision",
                ["decision": "confirm"])
            _ = try await officerDE.decode(
                DatasetView.self, .POST, "/api/v1/registry/datasets/\(stayer.id)/rectification",
                ["field": "placeOfBirth", "value": "Quixoteryville", "reason": "document produced"])
            // The day before the end nothing happens.
            ctx.clock.advance(by: (5 * 365 - 1) * 86_400)
            #expect(try await ctx.app.pactum.registry.eraseExpired(on: ctx.db) == 0)
            ctx.clock.advance(by: 2 * 86_400)
            #expect(try await ctx.app.pactum.registry.eraseExpired(on: ctx.db) == 1)
            // Signed in again: five years outlive every token.
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let dpoDE = try await RegistryClient.make(ctx, .dataProtectionOfficer, state: .DE)

            #expect(try await operatorDE.send(.GET, "/api/v1/registry/datasets/\(stayer.id)").status == .notFound)
            #expect(try await operatorDE.send(.GET, "/api/v1/registry/persons/\(stayer.personId)").status == .notFound)
            #expect(
                try await dpoDE.send(.GET, "/api/v1/registry/persons/\(stayer.personId)/export").status == .notFound)
            let search = try await operatorDE.decode(
                SearchResult.self, .POST, "/api/v1/registry/search",
                [
                    "purpose": "identity-check", "givenNames": "Zebulon", "familyNames": "Quixotery",
                    "dateOfBirth": "1979-02-02",
                ])
            #expect(search.matches.allSatisfy { $0.dataset.state != "DE" })
            let web = try await WebSession.signedIn(
                ctx, as: try await ctx.makeUser(.registryOperator, state: .DE, email: "web.de@test.example"))
            let page = try await web.post(
                "/registry/search",
                form: ["purpose": "identity-check", "givenNames": "Zebulon", "familyNames": "Quixotery"])
            #expect(page.status == .ok && !page.body.string.contains(stayer.reference))
            #expect(await ctx.app.pactum.registry.index.count == 1)
            let left = try await Self.everything(ctx)
            #expect(!left.contains("Quixotery") && !left.contains(stayer.reference) && !left.contains("Quixoteryville"))
            // What remains: pseudonymous audit entries and a count.
            let erasures = try await Erasure.query(on: ctx.db).all()
            #expect(erasures.map(\.category) == ["E"] && erasures[0].stateCode == "DE")
            let audit = try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.erase").all()
            #expect(audit.map(\.recordID) == [stayer.id.uuidString] && audit[0].actor == "system:retention")
            #expect(try await ctx.app.pactum.audit.verify(on: ctx.db).valid)
        }
    }

    @Test("citizenship erases at once and tells the other holders (EDAC Art 30)")
    func advanceErasure() async throws {
        try await withPactum { ctx in
            let (de, it) = try await MarkTests.sharedPerson(ctx)
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let erased = try await operatorDE.event(de.id, ["event": "citizenship", "state": "DE"])
            #expect(try erased.json(EventResult.self).erased)
            #expect(try await Dataset.find(de.id, on: ctx.db) == nil)
            let notice = try #require(
                try await operatorIT.decode([NoticeView].self, .GET, "/api/v1/registry/notices").first {
                    $0.kind == "citizenship"
                })
            #expect(notice.recipientReference == it.reference)
            // The Italian dataset keeps its person; the hit that joined them is gone.
            #expect(try await Candidate.query(on: ctx.db).count() == 0)
            #expect(try await operatorIT.send(.GET, "/api/v1/registry/persons/\(it.personId)").status == .ok)
        }
    }

    @Test("on SQLite the erased name is gone from the database file itself")
    func sqliteFileHoldsNothing() async throws {
        guard !TestDatabase.isPostgres else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactum-erasure-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withPactum(sqliteDirectory: directory) { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let dataset = try #require(
                try await operatorDE.register(["givenNames": "Zebulon", "familyNames": "Quixotery"]).dataset)
            _ = try await operatorDE.event(dataset.id, ["event": "citizenship", "state": "DE"])
            for file in ["pactum.sqlite", "pactum.sqlite-wal"] {
                let data = (try? Data(contentsOf: directory.appendingPathComponent(file))) ?? Data()
                #expect(data.range(of: Data("Quixotery".utf8)) == nil, "\(file) still holds the name")
            }
        }
    }

    @Test("the export answers for a person with a confirmed hit between two datasets of one state")
    func exportOfAHitWithinOneState() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let expert = try await RegistryClient.make(ctx, .fingerprintExpert, state: .DE)
            let dpo = try await RegistryClient.make(ctx, .dataProtectionOfficer, state: .DE)
            let first = try await operatorDE.register()
            let again = try await operatorDE.register()
            _ = try await operatorDE.enrol(try #require(first.dataset).id, person: "twice", impression: 0)
            let compared = try await operatorDE.enrol(try #require(again.dataset).id, person: "twice", impression: 1)
            let candidate = try #require(compared.candidates.first { $0.match?.id == first.dataset?.id })
            _ = try await expert.decode(
                CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision",
                ["decision": "confirm"])
            // The merged person: the older of the two ids stays.
            let person = try await operatorDE.decode(
                DatasetView.self, .GET, "/api/v1/registry/datasets/\(try #require(first.dataset).id)"
            ).personId
            // Before the fix this trapped the process ("Duplicate values for key"), on every retry.
            for _ in 0..<2 {
                let export = try await dpo.decode(
                    DataSubjectExport.self, .GET,
                    "/api/v1/registry/persons/\(person)/export")
                #expect(
                    Set(export.datasets.map(\.id)) == Set([first.dataset?.id, again.dataset?.id].compactMap { $0 }))
                #expect(export.hits.count == 1 && export.hits[0].match?.id == first.dataset?.id)
            }
        }
    }

    @Test("the DPO exports everything held, rectifies with history, and restricts processing")
    func dataSubjectRights() async throws {
        try await withPactum { ctx in
            let (de, _) = try await MarkTests.sharedPerson(ctx)
            let dpoDE = try await RegistryClient.make(ctx, .dataProtectionOfficer, state: .DE)
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let bad = try await dpoDE.send(
                .POST, "/api/v1/registry/datasets/\(de.id)/rectification",
                ["field": "dateOfBirth", "value": "1990-13-01", "reason": "typo"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.problem().errors?.first?.field == "value")
            #expect(
                try await dpoDE.send(
                    .POST, "/api/v1/registry/datasets/\(de.id)/rectification",
                    ["field": "eventAt", "value": "2026-01-01T00:00:00Z", "reason": "no"]
                ).status == .unprocessableEntity)
            let fixed = try await dpoDE.decode(
                DatasetView.self, .POST, "/api/v1/registry/datasets/\(de.id)/rectification",
                ["field": "dateOfBirth", "value": "1990-03-21", "reason": "birth certificate"])
            #expect(fixed.dateOfBirth == "1990-03-21")
            let export = try await dpoDE.decode(
                DataSubjectExport.self, .GET, "/api/v1/registry/persons/\(de.personId)/export")
            #expect(export.datasets.map(\.id) == [de.id] && export.hits.count == 1)
            #expect(export.rectifications.map(\.oldValue) == ["1990-03-12"])
            #expect(export.rectifications.map(\.newValue) == ["1990-03-21"])
            #expect(
                try await operatorIT.decode([NoticeView].self, .GET, "/api/v1/registry/notices").contains {
                    $0.kind == "rectification"
                })
            // Restricted: kept, but out of identification, reading and updates.
            _ = try await dpoDE.decode(
                DatasetView.self, .POST, "/api/v1/registry/datasets/\(de.id)/restriction",
                ["restricted": "true", "reason": "accuracy contested"])
            #expect(try await operatorDE.send(.GET, "/api/v1/registry/datasets/\(de.id)").status == .conflict)
            #expect(
                try await operatorDE.event(de.id, ["event": "departure", "date": "2026-11-17"]).status == .conflict)
            let probe = try await operatorIT.register(["category": "E"])
            #expect(!probe.candidates.contains { $0.match?.id == de.id })
            #expect(try await dpoDE.send(.GET, "/api/v1/registry/datasets/\(de.id)").status == .ok)
            _ = try await dpoDE.decode(
                DatasetView.self, .POST, "/api/v1/registry/datasets/\(de.id)/restriction",
                ["restricted": "false", "reason": "accuracy verified"])
            #expect(try await operatorDE.send(.GET, "/api/v1/registry/datasets/\(de.id)").status == .ok)
            let actions = try await AuditEntry.query(on: ctx.db).filter(\.$actorState == "DE")
                .filter(\.$purpose == "data-subject-request").all().map(\.action)
            #expect(
                Set(actions) == [
                    "registry.rectify", "registry.export", "registry.restrict", "registry.read", "registry.notice",
                ])
        }
    }
}
