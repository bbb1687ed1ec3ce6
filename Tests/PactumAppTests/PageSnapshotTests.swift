import Foundation
import PactumLaw
import SnapshotTesting
import Testing
import Vapor

@testable import PactumApp

/// Six pages as the templates render them, so that a refactoring of the templates or of the
/// models behind them shows what it changed. Ids and tokens vary between runs and are
/// replaced; the clock is the test clock, so every time is fixed.
@Suite("Page snapshots", .snapshots(record: .missing))
struct PageSnapshotTests {
    @Test("the registry operator's dashboard, worklist, dataset and inbox; the screening list and a case")
    func pages() async throws {
        try await withPactum { ctx in
            let api = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let it = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let screener = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let open = try await api.register(["reference": "DE-SNAP-1"])
            _ = try await api.register([
                "reference": "DE-SNAP-2", "givenNames": "Amina", "familyNames": "Yusuf",
                "eventAt": "2026-11-16T09:00:00Z",
            ])
            let dataset = try #require(open.dataset)
            // A hit in Italy sends Germany a notice for its inbox.
            let hit = try #require(try await it.register(["reference": "IT-SNAP-1"]).dataset)
            _ = try await api.enrol(dataset.id, person: "snap", impression: 0)
            let candidate = try #require(try await it.enrol(hit.id, person: "snap", impression: 1).candidates.first)
            let expert = try await RegistryClient.make(ctx, .fingerprintExpert, state: .IT)
            _ = try await expert.send(
                .POST, "/api/v1/registry/candidates/\(candidate.id)/decision", ["decision": "confirm"])
            let screening = try await screener.openScreening(["reference": "IT-SCR-SNAP"])

            let operatorDE = try await ctx.makeUser(.registryOperator, state: .DE, email: "snap.de@test.example")
            let officerIT = try await ctx.makeUser(.screeningOfficer, state: .IT, email: "snap.it@test.example")
            let de = try await WebSession.signedIn(ctx, as: operatorDE)
            let officer = try await WebSession.signedIn(ctx, as: officerIT)
            for (name, session, path) in [
                ("dashboard", de, "/"), ("registry-worklist", de, "/registry/worklist"),
                ("dataset", de, "/registry/datasets/\(dataset.id)"), ("registry-inbox", de, "/registry/inbox"),
                ("screening-list", officer, "/screening"),
                ("screening-case", officer, "/screening/cases/\(screening.id)"),
            ] {
                let page = try await session.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                assertSnapshot(of: Self.stable(page.body.string), as: .lines, named: name)
            }
        }
    }

    /// The page without what differs from run to run: record ids, CSRF tokens and the
    /// references Pactum proposes.
    static func stable(_ html: String) -> String {
        html.replacing(/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/, with: "<id>")
            .replacing(/name="_csrf" value="[^"]*"/, with: #"name="_csrf" value="<token>""#)
            .replacing(/\b[A-Z]{2}-\d{8}-[2-9A-Z]{6}\b/, with: "<reference>")
    }
}
