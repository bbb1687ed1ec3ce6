import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Registry: identification, the expert's review and notices")
struct IdentificationTests {
    @Test("two spellings in two states: a candidate with its explanation, a confirmed hit, a notice in the inbox")
    func hitAcrossStates() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let expertIT = try await RegistryClient.make(ctx, .fingerprintExpert, state: .IT)
            let expertDE = try await RegistryClient.make(ctx, .fingerprintExpert, state: .DE)
            let first = try #require(try await operatorDE.register().dataset)
            let unrelated = try await operatorDE.register([
                "givenNames": "Olena", "familyNames": "Kovalenko", "dateOfBirth": "1985-07-30", "sex": "F",
                "nationalities": "UKR",
            ])
            #expect(unrelated.candidates.isEmpty)
            ctx.clock.advance(by: 60)
            let second = try await operatorIT.register([
                "givenNames": "Muhammad", "familyNames": "Alhasan", "dateOfBirth": "1990-12-03", "nationalities": "SYR",
            ])
            let candidate = try #require(second.candidates.first)
            #expect(second.candidates.count == 1 && candidate.match?.id == first.id && candidate.status == "pending")
            let explanation = try #require(candidate.explanation)
            #expect(explanation.contributions.map(\.field).prefix(3) == ["givenName", "familyName", "dateOfBirth"])
            #expect(explanation.contributions[2].level == "day and month transposed")
            #expect(explanation.contributions[0].weight > 0 && explanation.contributions[1].weight > 0)
            // The queue belongs to the probe's state.
            #expect(try await expertDE.decode([CandidateView].self, .GET, "/api/v1/registry/candidates").isEmpty)
            let queue = try await expertIT.decode([CandidateView].self, .GET, "/api/v1/registry/candidates")
            #expect(queue.map(\.id) == [candidate.id])
            #expect(try await expertDE.decide(candidate.id, "refer").status == .notFound)
            // Names are no Eurodac hit: the expert refers the candidate for a fingerprint comparison.
            #expect(try await expertIT.decide(candidate.id, "confirm").status == .unprocessableEntity)
            let referred = try await expertIT.decode(
                CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision",
                ["decision": "refer"])
            #expect(referred.status == "referred-for-comparison")
            #expect(try await expertIT.decode([CandidateView].self, .GET, "/api/v1/registry/candidates").isEmpty)
            // The fingerprints, once recorded on both, bring the same candidate back, now a fingerprint one.
            #expect(try await operatorDE.enrol(first.id, person: "alhasan", impression: 0).candidates.isEmpty)
            let compared = try await operatorIT.enrol(try #require(second.dataset).id, person: "alhasan", impression: 1)
            #expect(compared.candidates.map(\.id) == [candidate.id] && compared.candidates[0].source == "fingerprints")
            #expect(compared.candidates[0].status == "pending" && compared.candidates[0].reviewedBy == nil)
            #expect(try await expertIT.decide(candidate.id, "refer").status == .unprocessableEntity)
            let decided = try await expertIT.decode(
                CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision",
                ["decision": "confirm"])
            #expect(decided.status == "confirmed")
            #expect(
                try await expertIT.send(
                    .POST, "/api/v1/registry/candidates/\(candidate.id)/decision", ["decision": "reject"]
                )
                .status == .conflict)
            // One person now; the older id stays.
            let datasets = try await Dataset.query(on: ctx.db).filter(
                \.$reference ~~ [first.reference, second.dataset!.reference]
            ).all()
            #expect(Set(datasets.map(\.$person.id)) == [first.personId])
            let inbox = try await operatorDE.decode([NoticeView].self, .GET, "/api/v1/registry/notices")
            #expect(inbox.count == 1)
            #expect(inbox[0].kind == "hit" && inbox[0].from == "IT" && inbox[0].recipientReference == first.reference)
            #expect(!inbox[0].message.contains("Muhammad") && !inbox[0].message.contains("Alhasan"))
            // 72 hours counted from the start of the next hour (1182/71 Art 3(1)).
            #expect((72 * 3600...73 * 3600).contains(inbox[0].dueAt.timeIntervalSince(inbox[0].createdAt)))
            #expect(try await operatorIT.decode([NoticeView].self, .GET, "/api/v1/registry/notices").isEmpty)
            let read = try await operatorDE.decode(
                NoticeView.self, .POST, "/api/v1/registry/notices/\(inbox[0].id)/receipt")
            #expect(read.readAt != nil)
            #expect(
                try await operatorIT.send(.POST, "/api/v1/registry/notices/\(inbox[0].id)/receipt").status == .notFound)
            // The person page of DE shows what the hit returned of the Italian dataset.
            let person = try await operatorDE.decode(
                PersonView.self, .GET, "/api/v1/registry/persons/\(first.personId)")
            #expect(person.datasets.map(\.id) == [first.id])
            #expect(person.otherStates.map(\.state) == ["IT"])
            // What the page showed of the Italian dataset is a read, in the trail.
            let italian = try #require(second.dataset).id.uuidString
            let reads = try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.read")
                .filter(\.$actorState == "DE").filter(\.$recordID == italian).count()
            #expect(reads == 1)
            let audited = try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.review").all()
            #expect(
                audited.count == 2 && audited.allSatisfy { $0.purpose == "hit-verification" && $0.actorState == "IT" })
        }
    }

    @Test("a rejected fingerprint candidate is a false hit: comparison data deleted, report due in 3 working days")
    func falseHit() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let expertDE = try await RegistryClient.make(ctx, .fingerprintExpert, state: .DE)
            let first = try #require(try await operatorDE.register().dataset)
            _ = try await operatorDE.enrol(first.id, person: "p1", impression: 0)
            let second = try #require(try await operatorDE.register(["givenNames": "Mohamed"]).dataset)
            let candidate = try #require(
                try await operatorDE.enrol(second.id, person: "p1", impression: 1).candidates.first)
            let rejected = try await expertDE.decode(
                CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision",
                ["decision": "reject"])
            // Wednesday 18 November 2026 + 3 working days (EDAC Art 38(6)).
            #expect(rejected.status == "false-hit" && rejected.reportDue == "2026-11-23" && rejected.match == nil)
            let stored = try #require(try await Candidate.find(candidate.id, on: ctx.db))
            #expect(stored.explanation.value == nil && stored.evidence == nil)
            #expect(try await Dataset.query(on: ctx.db).unique().all(\.$person.$id).count == 2)
            #expect(try await expertDE.decode([CandidateView].self, .GET, "/api/v1/registry/candidates").isEmpty)
        }
    }

    @Test("a name-only candidate set aside is no false hit: its comparison data go, no report is due")
    func nameOnlyDismissed() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let expertDE = try await RegistryClient.make(ctx, .fingerprintExpert, state: .DE)
            _ = try await operatorDE.register()
            let candidate = try #require(try await operatorDE.register(["givenNames": "Mohamed"]).candidates.first)
            #expect(candidate.source == "biographic")
            let dismissed = try await expertDE.decode(
                CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision",
                ["decision": "reject"])
            #expect(dismissed.status == "dismissed" && dismissed.reportDue == nil && dismissed.match == nil)
            #expect(try await Candidate.find(candidate.id, on: ctx.db)?.explanation.value == nil)
            #expect(try await expertDE.decide(candidate.id, "reject").status == .conflict)
            #expect(try await expertDE.decide(candidate.id, "maybe").status == .unprocessableEntity)
        }
    }

    @Test(
        "a search without registration needs an allowed purpose, is audited with it, and returns nothing below the threshold"
    )
    func searchWithPurpose() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let dublinIT = try await RegistryClient.make(ctx, .dublinOfficer, state: .IT)
            let stored = try #require(try await operatorDE.register(["otherNames": "Hasani, Abu Ali"]).dataset)
            let missing = try await dublinIT.send(.POST, "/api/v1/registry/search", ["familyNames": "Al Hassan"])
            #expect(missing.status == .unprocessableEntity)
            let wrong = try await dublinIT.send(
                .POST, "/api/v1/registry/search", ["purpose": "identity-check", "familyNames": "Al Hassan"])
            #expect(wrong.status == .forbidden)
            let found = try await dublinIT.decode(
                SearchResult.self, .POST, "/api/v1/registry/search",
                [
                    "purpose": "responsibility-determination", "givenNames": "Mohammed", "familyNames": "Al Hassan",
                    "dateOfBirth": "1990-03-12",
                ])
            #expect(found.matches.map(\.dataset.id) == [stored.id])
            // An alias finds the dataset too.
            let alias = try await dublinIT.decode(
                SearchResult.self, .POST, "/api/v1/registry/search",
                [
                    "purpose": "responsibility-determination", "givenNames": "Abu Ali", "familyNames": "Hasani",
                    "dateOfBirth": "1990-03-12",
                ])
            #expect(alias.matches.map(\.dataset.id) == [stored.id])
            let nobody = try await dublinIT.decode(
                SearchResult.self, .POST, "/api/v1/registry/search",
                [
                    "purpose": "responsibility-determination", "givenNames": "Ingrid", "familyNames": "Svensson",
                    "dateOfBirth": "1971-05-05",
                ])
            #expect(nobody.matches.isEmpty)
            let searches = try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.search").all()
            #expect(searches.count == 3 && searches.allSatisfy { $0.purpose == "responsibility-determination" })
            let reads = try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.read")
                .filter(\.$actorState == "IT").all()
            #expect(
                reads.count == 2 && reads.allSatisfy { $0.recordID == stored.id.uuidString && $0.recordState == "DE" })
        }
    }

    @Test("a Member State never reads another state's datasets, persons or worklist directly")
    func stateIsolation() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let dpoIT = try await RegistryClient.make(ctx, .dataProtectionOfficer, state: .IT)
            let dataset = try #require(try await operatorDE.register().dataset)
            #expect(try await operatorIT.send(.GET, "/api/v1/registry/datasets/\(dataset.id)").status == .notFound)
            #expect(try await operatorIT.send(.GET, "/api/v1/registry/persons/\(dataset.personId)").status == .notFound)
            #expect(
                try await dpoIT.send(.GET, "/api/v1/registry/persons/\(dataset.personId)/export").status == .notFound)
            #expect(try await operatorIT.event(dataset.id, ["event": "transmit"]).status == .notFound)
            #expect(try await operatorIT.decode([WorklistItem].self, .GET, "/api/v1/registry/worklist").isEmpty)
            #expect(try await operatorDE.send(.GET, "/api/v1/registry/datasets/\(dataset.id)").status == .ok)
        }
    }
}
