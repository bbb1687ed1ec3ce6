import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Registry: marks, flags and status updates")
struct MarkTests {
    /// A person held by DE (applicant) and IT (irregular crosser), joined by a confirmed hit.
    static func sharedPerson(_ ctx: TestContext) async throws -> (de: DatasetView, it: DatasetView) {
        let operatorDE = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
        let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
        let expertDE = try await RegistryClient.make(ctx, .fingerprintExpert, state: .DE)
        let it = try #require(try await operatorIT.register(["category": "D"]).dataset)
        ctx.clock.advance(by: 60)
        let de = try await operatorDE.register()
        _ = try await operatorIT.enrol(it.id, person: "shared", impression: 0)
        let deDataset = try #require(de.dataset)
        let candidate = try #require(
            try await operatorDE.enrol(deDataset.id, person: "shared", impression: 1).candidates.first)
        _ = try await expertDE.decode(
            CandidateView.self, .POST, "/api/v1/registry/candidates/\(candidate.id)/decision", ["decision": "confirm"])
        // Read again: the hit joined both under the older person.
        let fresh = try await Dataset.query(on: ctx.db).filter(\.$id ~~ [de.dataset!.id, it.id]).all()
        let views = Dictionary(
            uniqueKeysWithValues: try await ctx.app.pactum.registry.views(fresh, on: ctx.db).map { ($0.id, $0) })
        #expect(views[it.id]?.personId == it.personId && views[de.dataset!.id]?.personId == it.personId)
        return (views[de.dataset!.id]!, views[it.id]!)
    }

    @Test("marking protection notifies the other holder; the events follow the category and the role")
    func protectionMark() async throws {
        try await withPactum { ctx in
            let (de, it) = try await Self.sharedPerson(ctx)
            let caseworkerDE = try await RegistryClient.make(ctx, .asylumCaseworker, state: .DE)
            let returnDE = try await RegistryClient.make(ctx, .returnOfficer, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            let denied = try await returnDE.event(de.id, ["event": "mark-protection"])
            #expect(denied.status == .forbidden)
            let refusals = try await AuditEntry.query(on: ctx.db).filter(\.$outcome == "denied").all()
            #expect(refusals.map(\.recordType) == ["registry.update"], "\(refusals.map(\.detail))")
            let marked = try await caseworkerDE.event(de.id, ["event": "mark-protection"])
            let result = try marked.json(EventResult.self)
            #expect(result.notices == 1 && result.dataset?.protectionMarkedAt != nil)
            #expect(try await caseworkerDE.event(de.id, ["event": "mark-protection"]).status == .conflict)
            let inbox = try await operatorIT.decode([NoticeView].self, .GET, "/api/v1/registry/notices")
            let notice = try #require(inbox.first { $0.kind == "mark-protection" })
            #expect(notice.recipientReference == it.reference && notice.citation == "EDAC Art 31(1)")
            #expect(notice.message.contains("Mark your dataset"))
            // Protection marks are for applicants; residence marks for D, E and F.
            #expect(try await operatorIT.event(it.id, ["event": "mark-protection"]).status == .conflict)
            #expect(try await operatorIT.event(it.id, ["event": "mark-residence"]).status == .ok)
            // Unmarking needs its ground (EDAC Art 31(3)).
            #expect(try await caseworkerDE.event(de.id, ["event": "unmark-protection"]).status == .unprocessableEntity)
            #expect(
                try await caseworkerDE.event(de.id, ["event": "unmark-protection", "ground": "QR-14"]).status == .ok)
        }
    }

    @Test("a security flag needs one of its grounds; deleting it needs a reason and tells the other holder")
    func securityFlag() async throws {
        try await withPactum { ctx in
            let (de, _) = try await Self.sharedPerson(ctx)
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .DE)
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            #expect(try await officer.event(de.id, ["event": "flag-security"]).status == .unprocessableEntity)
            #expect(
                try await officer.event(de.id, ["event": "flag-security", "ground": "rumour"]).status
                    == .unprocessableEntity)
            let flagged = try await officer.event(de.id, ["event": "flag-security", "ground": "violent"])
            #expect(try flagged.json(EventResult.self).dataset?.securityFlag == "violent")
            #expect(try await officer.event(de.id, ["event": "unflag-security"]).status == .unprocessableEntity)
            let removed = try await officer.event(
                de.id, ["event": "unflag-security", "reason": "threat assessment closed"])
            #expect(try removed.json(EventResult.self).dataset?.securityFlag == nil)
            let kinds = try await operatorIT.decode([NoticeView].self, .GET, "/api/v1/registry/notices").map(\.kind)
            #expect(kinds.contains("unflag-security") && kinds.contains("flag-security"))
        }
    }

    @Test("responsible state, transfer arrival, departure and removal are recorded and passed on")
    func statusUpdates() async throws {
        try await withPactum { ctx in
            let (de, it) = try await Self.sharedPerson(ctx)
            let dublinDE = try await RegistryClient.make(ctx, .dublinOfficer, state: .DE)
            let returnIT = try await RegistryClient.make(ctx, .returnOfficer, state: .IT)
            #expect(
                try await dublinDE.event(de.id, ["event": "responsible-state", "state": "XX"]).status
                    == .unprocessableEntity)
            let responsible = try await dublinDE.event(de.id, ["event": "responsible-state", "state": "IT"])
            #expect(try responsible.json(EventResult.self).dataset?.responsibleState == "IT")
            #expect(
                try await dublinDE.event(de.id, ["event": "transfer-arrival", "date": "2027-01-01"]).status
                    == .unprocessableEntity)
            #expect(try await dublinDE.event(de.id, ["event": "transfer-arrival", "date": "2026-11-16"]).status == .ok)
            // A responsible state is applicant data only (EDAC Art 16(1)).
            let operatorIT = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            #expect(
                try await operatorIT.event(it.id, ["event": "responsible-state", "state": "DE"]).status == .conflict)
            let removal = try await returnIT.event(it.id, ["event": "removal", "date": "2026-11-17"])
            #expect(try removal.json(EventResult.self).dataset?.removalDate == "2026-11-17")
            let notices = try await ExchangeMessage.query(on: ctx.db).all()
            let kinds = try notices.map { try $0.read(RegistryNotice.self).kind }
            #expect(Set(kinds) == ["hit", "responsible-state", "transfer-arrival", "removal"])
            #expect(zip(kinds, notices).filter { $0.0 == "removal" }.map(\.1.receiver.code) == ["DE"])
            #expect(
                try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.notice").count() == notices.count)
        }
    }
}
