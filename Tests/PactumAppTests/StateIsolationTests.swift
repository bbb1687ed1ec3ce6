import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Member State isolation")
struct StateIsolationTests {
    @Test("a monitor of one Member State never sees the audit entries of another")
    func monitorSeesOwnStateOnly() async throws {
        try await withPactum { ctx in
            let monitorDE = try await ctx.makeUser(.fundamentalRightsMonitor, state: .DE)
            let officerIT = try await ctx.makeUser(.asylumCaseworker, state: .IT)
            let officerDE = try await ctx.makeUser(.asylumCaseworker, state: .DE)
            _ = try await ctx.token(for: officerIT)
            _ = try await ctx.token(for: officerDE)
            let token = try await ctx.token(for: monitorDE)
            let response = try await ctx.send(
                .GET, "/api/v1/audit/entries?purpose=fundamental-rights-monitoring&limit=500", token: token)
            #expect(response.status == .ok)
            let page = try response.content.decode(CursorPage<AuditEntryView>.self)
            #expect(!page.items.isEmpty)
            #expect(page.items.allSatisfy { $0.actorState == "DE" || $0.recordState == "DE" })
            #expect(!page.items.contains { $0.actor == officerIT.email })
            #expect(page.items.contains { $0.actor == officerDE.email })
        }
    }

    @Test("asking for another state's trail is refused with 403, audited, and reveals nothing")
    func otherStateRefused() async throws {
        try await withPactum { ctx in
            let dpo = try await ctx.makeUser(.dataProtectionOfficer, state: .ES)
            let token = try await ctx.token(for: dpo)
            let response = try await ctx.send(
                .GET, "/api/v1/audit/entries?purpose=data-protection-supervision&state=IT", token: token)
            #expect(response.status == .forbidden)
            let problem = try response.problem()
            #expect(problem.detail == "Data of IT is not visible to users of ES.")
            let denied = try #require(try await AuditEntry.query(on: ctx.db).filter(\.$outcome == "denied").first())
            #expect(denied.recordState == "IT" && denied.actorState == "ES")
        }
    }

    @Test("a role may read only for the purposes the law gives it")
    func purposeBinding() async throws {
        try await withPactum { ctx in
            let monitor = try await ctx.makeUser(.fundamentalRightsMonitor)
            let token = try await ctx.token(for: monitor)
            let response = try await ctx.send(
                .GET, "/api/v1/audit/entries?purpose=data-protection-supervision", token: token)
            #expect(response.status == .forbidden)
            #expect(try response.problem().detail?.contains("allowed: Fundamental-rights monitoring") == true)
        }
    }

    @Test("pages of the trail follow the cursor without gaps or repeats, and each read is audited")
    func pagination() async throws {
        try await withPactum { ctx in
            let dpo = try await ctx.makeUser(.dataProtectionOfficer)
            let officer = try await ctx.makeUser(.screeningOfficer)
            for _ in 0..<7 { _ = try await ctx.token(for: officer) }
            let token = try await ctx.token(for: dpo)
            let total = try await AuditEntry.query(on: ctx.db).count()
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let path =
                    "/api/v1/audit/entries?purpose=data-protection-supervision&limit=3"
                    + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await ctx.send(.GET, path, token: token).content.decode(CursorPage<AuditEntryView>.self)
                seen += page.items.map(\.seq)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == Array((1...total).reversed()))
            let bad = try await ctx.send(
                .GET, "/api/v1/audit/entries?purpose=data-protection-supervision&cursor=zzz", token: token)
            #expect(
                try bad.problem().errors == [.init(field: "cursor", message: "is not a cursor returned by this API")])
            #expect(try await AuditEntry.query(on: ctx.db).filter(\.$action == "audit.read").count() >= 3)
        }
    }
}
