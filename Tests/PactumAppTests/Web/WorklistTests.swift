import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// The worklists' filters, order and pages (issue 15): the screening list by status,
/// situation and nationality, nearest limit or newest first, 25 a page, finished screenings
/// findable; the transmission worklist by category and clock; a filter that does not read is a
/// 422 over the unfiltered list; one audit entry a page.
@Suite("Worklists: filters, order, pages")
struct WorklistTests {
    @Test("the screening list filters by situation, nationality and status, and pages by 25")
    func screenings() async throws {
        try await withPactum { ctx in
            let screener = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            for i in 0..<26 {
                _ = try await screener.openScreening(["reference": "IT-LIST-\(i)", "startedAt": "2026-11-18T09:00:00Z"])
            }
            _ = try await screener.openScreening([
                "reference": "IT-LIST-AFG", "situation": "border-apprehension", "nationalities": "AFG,IRN",
            ])
            let referred = try await WorkspaceTests.referredScreening(ctx)
            let officer = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.screeningOfficer, state: .IT))

            let first = try await officer.get("/screening").body.string
            #expect(first.contains("25 of 27 screenings shown") && first.contains("Page 1 of 2"))
            #expect(first.contains(#"href="/screening?page=2""#) && !first.contains(referred.reference))
            let second = try await officer.get("/screening?page=2").body.string
            #expect(second.contains("2 of 27 screenings shown"))

            let afghan = try await officer.get("/screening?nationality=afg").body.string
            #expect(afghan.contains("IT-LIST-AFG") && afghan.contains("1 of 1 screening shown"))
            #expect(try await officer.get("/screening?nationality=IRN").body.string.contains("IT-LIST-AFG"))
            // A whole code only: "IR" is no code of the list "AFG,IRN".
            #expect(try await officer.get("/screening?nationality=IR").status == .unprocessableEntity)
            let apprehended = try await officer.get("/screening?situation=border-apprehension").body.string
            #expect(apprehended.contains("IT-LIST-AFG") && !apprehended.contains("IT-LIST-0<"))

            let finished = try await officer.get("/screening?status=referred").body.string
            #expect(finished.contains(referred.reference) && finished.contains("1 of 1 screening shown"))
            #expect(!finished.contains("IT-LIST-0<"))
            let referredSyrians = try await officer.get("/screening?status=referred&nationality=SYR").body.string
            #expect(referredSyrians.contains(referred.reference))
            #expect(
                !(try await officer.get("/screening?status=referred&nationality=D").body.string)
                    .contains(referred.reference))

            let newest = try await officer.get("/screening?sort=newest").body.string
            let afgAt = try #require(newest.range(of: "IT-LIST-AFG")).lowerBound
            let zeroAt = try #require(newest.range(of: "IT-LIST-1<")).lowerBound
            #expect(afgAt < zeroAt, "the newest screening comes first")

            // One audit entry a page, saying what it showed.
            let entry = try #require(
                try await AuditEntry.query(on: ctx.db).filter(\.$recordType == "screening.worklist")
                    .sort(\.$seq, .descending).first())
            #expect(entry.detail?.hasSuffix("active") == true)
        }
    }

    @Test("a filter that does not read is a 422 with the error summary, over the unfiltered list")
    func badFilter() async throws {
        try await withPactum { ctx in
            let screener = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            _ = try await screener.openScreening(["reference": "IT-LIST-BAD"])
            let officer = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.screeningOfficer, state: .IT))
            for query in ["status=finished", "situation=shipwreck", "sort=name", "page=0", "page=x", "nationality=ZZZ"]
            {
                let response = try await officer.get("/screening?\(query)")
                #expect(response.status == .unprocessableEntity, "\(query)")
                #expect(response.body.string.contains("The list is not filtered:"), "\(query)")
                #expect(response.body.string.contains("IT-LIST-BAD"), "\(query)")
            }
            let registry = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.registryOperator, state: .IT))
            for query in ["category=Z", "status=met", "page=-1"] {
                #expect(
                    try await registry.get("/registry/worklist?\(query)").status == .unprocessableEntity, "\(query)")
            }
            let expert = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.fingerprintExpert, state: .IT))
            #expect(try await expert.get("/registry/review?kind=everything").status == .unprocessableEntity)
            #expect(try await expert.get("/registry/review?kind=biographic").status == .ok)
        }
    }

    @Test("the transmission worklist filters by category and by clock, 25 a page")
    func transmissions() async throws {
        try await withPactum { ctx in
            let registry = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            for i in 0..<3 { _ = try await registry.register(["reference": "DE-WL-\(i)"]) }
            // Registered a week before the test's day: its 72 hours (EDAC Art 15(1)) have passed.
            _ = try await registry.register(["reference": "DE-WL-LATE", "eventAt": "2026-11-10T08:00:00Z"])
            let officer = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.registryOperator, state: .DE))
            let all = try await officer.get("/registry/worklist").body.string
            #expect(all.contains("4 of 4 datasets shown"))
            #expect(
                try await officer.get("/registry/worklist?category=A").body.string.contains("4 of 4 datasets shown"))
            #expect(try await officer.get("/registry/worklist?category=B1").body.string.contains(#"id="empty""#))
            let overdue = try await officer.get("/registry/worklist?status=overdue").body.string
            #expect(
                overdue.contains("DE-WL-LATE") && !overdue.contains("DE-WL-0<")
                    && overdue.contains("1 of 1 dataset shown"))
            let due = try await officer.get("/registry/worklist?status=due&category=A").body.string
            #expect(due.contains("DE-WL-0<") && !due.contains("DE-WL-LATE"))
        }
    }
}
