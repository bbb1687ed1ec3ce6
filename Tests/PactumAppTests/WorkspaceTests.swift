import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// The officials' workspace (issue 15): the dashboards' queues, the referred form opened by the
/// receiving authority, the DPO's export with the screening and its JSON file, the audit trail
/// by record, and the expert's queue page by page.
@Suite("Workspace: dashboards, referrals, export, audit by record, the expert's queue")
struct WorkspaceTests {
    /// One Italian screening with the needs recorded at the border and its biometrics
    /// registered, referred to the asylum authority.
    static func referredScreening(_ ctx: TestContext) async throws -> ScreeningView {
        let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
        let c = try await officer.openScreening(["reference": "IT-WORK-1"])
        #expect(try await officer.step(c.id, "health", ["outcome": "no-further-check"]).status == .ok)
        #expect(
            try await officer.step(
                c.id, "vulnerability", ["indicators": "pregnancy", "specialNeeds": "a female interviewer"]
            ).status == .ok)
        let mrz = "P<SYRAL<HASSAN<<MOHAMMED<<<<<<<<<<<<<<<<<<<<\nN123456785SYR9003129M3001019<<<<<<<<<<<<<<04"
        let identity = try await officer.step(
            c.id, "identity",
            ["mrz": mrz, "languages": "Arabic", "identityConfirmed": "true", "nationalityConfirmed": "false"])
        #expect(identity.status == .ok, "\(identity.body.string)")
        #expect(try await officer.step(c.id, "biometrics").status == .ok)
        #expect(try await officer.step(c.id, "security").status == .ok)
        #expect(try await officer.step(c.id, "form", ["applied": "true"]).status == .ok)
        let referred = try await officer.step(c.id, "referral", ["referral": "asylum-registration"])
        #expect(referred.status == .ok, "\(referred.body.string)")
        return try referred.json(ScreeningResult.self).screening
    }

    @Test("each role's dashboard counts its queues and links them; a role without the work has no card")
    func dashboards() async throws {
        try await withPactum { ctx in
            let screener = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            _ = try await screener.openScreening(["reference": "IT-DASH-1"])
            _ = try await Self.referredScreening(ctx)
            let officer = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.screeningOfficer, state: .IT))
            let page = try await officer.get("/").body.string
            #expect(page.contains(#"id="queue-screenings""#) && page.contains(#"<span class="count">1</span>"#))
            #expect(page.contains("Nearest limit:") && page.contains("href=\"/screening\""))
            #expect(!page.contains(#"id="queue-candidates""#) && !page.contains(#"id="queue-referrals""#))
            let caseworker = try await WebSession.signedIn(
                ctx, as: try await ctx.makeUser(.asylumCaseworker, state: .IT))
            let intake = try await caseworker.get("/").body.string
            #expect(intake.contains(#"id="queue-referrals""#) && intake.contains("form to acknowledge"))
            #expect(!intake.contains(#"id="queue-screenings""#))
            // Counts only: no audit entry for a dashboard.
            let before = try await AuditEntry.query(on: ctx.db).count()
            _ = try await caseworker.get("/")
            #expect(try await AuditEntry.query(on: ctx.db).count() == before)
        }
    }

    @Test("the receiving authority opens the referred form whole, one audited read; other roles and states cannot")
    func referredForm() async throws {
        try await withPactum { ctx in
            let screening = try await Self.referredScreening(ctx)
            let caseworker = try await WebSession.signedIn(
                ctx, as: try await ctx.makeUser(.asylumCaseworker, state: .IT))
            let list = try await caseworker.get("/screening/referrals").body.string
            #expect(list.contains(#"href="/screening/referrals/\#(screening.id)""#))
            let before = try await AuditEntry.query(on: ctx.db).filter(\.$action == "screening.referral.read")
                .filter(\.$recordID == screening.id.uuidString).count()
            let page = try await caseworker.get("/screening/referrals/\(screening.id)")
            #expect(page.status == .ok && page.body.string.contains("a female interviewer"))
            #expect(page.body.string.contains("Pregnancy") && page.body.string.contains("Acknowledge receipt"))
            let after = try await AuditEntry.query(on: ctx.db).filter(\.$action == "screening.referral.read")
                .filter(\.$recordID == screening.id.uuidString).count()
            #expect(after == before + 1)
            let acknowledged = try await caseworker.post("/screening/referrals/\(screening.id)/receipt", form: [:])
            #expect(acknowledged.headers.first(name: .location) == "/screening/referrals/\(screening.id)")
            #expect(
                !(try await caseworker.get("/screening/referrals/\(screening.id)")).body.string.contains(
                    "Acknowledge receipt"))
            let returns = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.returnOfficer, state: .IT))
            #expect(try await returns.get("/screening/referrals/\(screening.id)").status == .notFound)
            let german = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.asylumCaseworker, state: .DE))
            #expect(try await german.get("/screening/referrals/\(screening.id)").status == .notFound)
            let operatorIT = try await WebSession.signedIn(
                ctx, as: try await ctx.makeUser(.registryOperator, state: .IT))
            #expect(try await operatorIT.get("/screening/referrals/\(screening.id)").status == .forbidden)
        }
    }

    @Test("the DPO's export holds the screening and downloads as a JSON file; the trail answers who read the file")
    func exportAndWhoRead() async throws {
        try await withPactum { ctx in
            let screening = try await Self.referredScreening(ctx)
            let datasetID = try #require(screening.datasetId)
            let dataset = try #require(try await Dataset.find(datasetID, on: ctx.db))
            let dpo = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.dataProtectionOfficer, state: .IT))
            let page = try await dpo.get("/registry/persons/\(dataset.$person.id)/export")
            #expect(page.status == .ok && page.body.string.contains("Screening form IT-WORK-1"))
            let file = try await dpo.get("/registry/persons/\(dataset.$person.id)/export.json")
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=") == true)
            let export = try file.json(DataSubjectExport.self)
            #expect(export.screenings.map(\.reference) == ["IT-WORK-1"])
            #expect(export.screenings[0].specialNeeds == "a female interviewer")
            // Who read the screening: the trail by record, through the API and the page.
            let monitor = try await RegistryClient.make(ctx, .fundamentalRightsMonitor, state: .IT)
            let entries = try await monitor.decode(
                CursorPage<AuditEntryView>.self, .GET,
                "/api/v1/audit/entries?purpose=fundamental-rights-monitoring&record=\(screening.id)&limit=500")
            #expect(!entries.items.isEmpty && entries.items.allSatisfy { $0.recordId == screening.id.uuidString })
            #expect(entries.items.contains { $0.action == "screening.read" && $0.detail == "export" })
            let bad = try await monitor.send(
                .GET, "/api/v1/audit/entries?purpose=fundamental-rights-monitoring&record=not-an-id")
            #expect(bad.status == .unprocessableEntity)
            let monitorPage = try await WebSession.signedIn(
                ctx, as: try await ctx.makeUser(.fundamentalRightsMonitor, state: .IT))
            let trail = try await monitorPage.get("/audit?record=\(screening.id)").body.string
            #expect(trail.contains("Screening read") && !trail.contains(">screening.read<"))
        }
    }

    @Test("the expert's queue shows ten candidates a page, each shown candidate one audit entry")
    func pagedQueue() async throws {
        try await withPactum { ctx in
            let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            _ = try await operatorDE.register(["givenNames": "Karim", "familyNames": "Benali"])
            for n in 0..<12 {
                ctx.clock.advance(by: 60)
                _ = try await operatorDE.register([
                    "givenNames": "Karim", "familyNames": "Benali", "reference": "DE-Q-\(n)",
                ])
            }
            let pending = try await Candidate.query(on: ctx.db).filter(\.$status == .pending).count()
            #expect(pending > 10)
            let expert = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.fingerprintExpert, state: .DE))
            let reads = { try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.read").count() }
            let before = try await reads()
            let first = try await expert.get("/registry/review?kind=biographic").body.string
            #expect(first.components(separatedBy: #"class="candidate-row""#).count - 1 == 10)
            #expect(try await reads() == before + 10)
            #expect(first.contains("Page 1 of \((pending + 9) / 10)") && first.contains(#"rel="next""#))
            let last = try await expert.get("/registry/review?kind=biographic&page=\((pending + 9) / 10)").body.string
            #expect(
                last.components(separatedBy: #"class="candidate-row""#).count - 1 == pending - 10 * ((pending - 1) / 10)
            )
            #expect(!first.contains("Confirm the hit"))
            // Out-of-range pages and offsets: an answer, not an overflow.
            #expect(try await expert.get("/registry/review?kind=biographic&page=\(Int.max)").status == .ok)
            let api = try await RegistryClient.make(ctx, .fingerprintExpert, state: .DE)
            #expect(
                try await api.send(.GET, "/api/v1/registry/candidates?offset=\(Int.max)").status == .unprocessableEntity
            )
            #expect(try await api.send(.GET, "/api/v1/registry/candidates?kind=both").status == .unprocessableEntity)
            let second = try await api.decode(
                [CandidateView].self, .GET, "/api/v1/registry/candidates?kind=biographic&offset=10&limit=10")
            #expect(second.count == min(10, pending - 10))
        }
    }
}
