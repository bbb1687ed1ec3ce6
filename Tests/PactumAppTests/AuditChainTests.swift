import Fluent
import Foundation
import PactumLaw
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Audit trail: hash chain, append-only, verification")
struct AuditChainTests {
    /// Fills the trail with a few entries of different kinds.
    static func someEntries(_ ctx: TestContext) async throws {
        let user = try await ctx.makeUser(.asylumCaseworker)
        _ = try await ctx.token(for: user)
        _ = try await ctx.send(.POST, "/api/v1/auth/token", json: #"{"email":"\#(user.email)","password":"bad"}"#)
        let token = try await ctx.token(for: user)
        _ = try await ctx.send(.GET, "/api/v1/me", token: token)
    }

    /// Simulates an attacker with write access to the database: the triggers go first.
    static func dropTriggers(_ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER audit_entries_no_change ON audit_entries").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
            try await sql.raw("DROP TRIGGER audit_entries_no_delete").run()
        }
    }

    @Test("an untouched chain verifies from the first entry to the head")
    func intact() async throws {
        try await withPactum { ctx in
            try await Self.someEntries(ctx)
            let result = try await ctx.app.pactum.audit.verify(on: ctx.db)
            let count = try await ctx.auditCount()
            #expect(result.valid && result.entries == count && count >= 5)
            let head = try #require(try await AuditEntry.query(on: ctx.db).sort(\.$seq, .descending).first())
            #expect(result.headHash == head.hash && result.headSeq == head.seq)
        }
    }

    @Test("the database refuses to update or delete an audit entry")
    func appendOnly() async throws {
        try await withPactum { ctx in
            try await Self.someEntries(ctx)
            await #expect(throws: (any Error).self) {
                try await ctx.sql.raw("UPDATE audit_entries SET purpose = 'other' WHERE seq = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await ctx.sql.raw("DELETE FROM audit_entries WHERE seq = 2").run()
            }
            #expect(try await ctx.app.pactum.audit.verify(on: ctx.db).valid)
        }
    }

    @Test("a row edited directly in the database is caught, at that row")
    func tamperedRow() async throws {
        try await withPactum { ctx in
            try await Self.someEntries(ctx)
            try await Self.dropTriggers(ctx.sql)
            try await ctx.sql.raw("UPDATE audit_entries SET actor = 'someone-else@test.example' WHERE seq = 3").run()
            let result = try await ctx.app.pactum.audit.verify(on: ctx.db)
            #expect(!result.valid)
            #expect(result.brokenAt == 3)
            #expect(result.reason == "its content does not match its hash: the row was changed")
            #expect(result.entries == 2)
        }
    }

    @Test("a row edited together with its hash is caught at the next link")
    func rehashedRow() async throws {
        try await withPactum { ctx in
            try await Self.someEntries(ctx)
            try await Self.dropTriggers(ctx.sql)
            let entry = try #require(try await AuditEntry.query(on: ctx.db).filter(\.$seq == 2).first())
            entry.detail = "forged"
            let forged = AuditChain.hash(previous: entry.prevHash, fields: entry.hashedFields)
            try await ctx.sql.raw("UPDATE audit_entries SET detail = 'forged', hash = \(bind: forged) WHERE seq = 2")
                .run()
            let result = try await ctx.app.pactum.audit.verify(on: ctx.db)
            #expect(result.brokenAt == 3)
            #expect(result.reason == "its prev_hash does not match the hash of the entry before it")
        }
    }

    @Test("a deleted row is caught as a gap")
    func deletedRow() async throws {
        try await withPactum { ctx in
            try await Self.someEntries(ctx)
            try await Self.dropTriggers(ctx.sql)
            try await ctx.sql.raw("DELETE FROM audit_entries WHERE seq = 2").run()
            let result = try await ctx.app.pactum.audit.verify(on: ctx.db, batchSize: 2)
            #expect(result.brokenAt == 2)
            #expect(result.reason == "entry 2 is missing: the next entry has position 3")
        }
    }

    @Test("concurrent appends build one unbroken chain")
    func concurrentAppends() async throws {
        try await withPactum { ctx in
            let audit = ctx.app.pactum.audit
            let db = ctx.db
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await audit.record(AuditDraft(actor: "worker-\(i)", action: .demoLoad), on: db)
                    }
                }
                try await group.waitForAll()
            }
            let result = try await audit.verify(on: db, batchSize: 7)
            #expect(result.valid && result.entries == 40)
        }
    }

    @Test("a transaction of 5,000 entries joins the chain whole, in order")
    func largeTransaction() async throws {
        try await withPactum { ctx in
            let audit = ctx.app.pactum.audit
            try await audit.record(AuditDraft(actor: "first", action: .demoLoad), on: ctx.db)
            try await audit.transaction(on: ctx.db) { tx in
                for i in 0..<5_000 { try await tx.append(AuditDraft(actor: "reader-\(i)", action: .demoLoad)) }
            }
            let result = try await audit.verify(on: ctx.db, batchSize: 1000)
            #expect(result.valid && result.entries == 5_001)
            let last = try #require(try await AuditEntry.query(on: ctx.db).sort(\.$seq, .descending).first())
            #expect(last.actor == "reader-4999")
        }
    }

    @Test("a write and its audit entry commit together or not at all")
    func atomicity() async throws {
        struct Boom: Error {}
        try await withPactum { ctx in
            await #expect(throws: Boom.self) {
                try await ctx.app.pactum.audit.transaction(on: ctx.db) { audit in
                    try await audit.append(AuditDraft(actor: "x", action: .userCreate))
                    throw Boom()
                }
            }
            let count = try await ctx.auditCount()
            #expect(count == 0)
        }
    }

    @Test("the canonical form separates fields unambiguously")
    func canonicalForm() {
        let a = AuditChain.hash(previous: AuditChain.genesis, fields: ["ab", "c"])
        let b = AuditChain.hash(previous: AuditChain.genesis, fields: ["a", "bc"])
        let c = AuditChain.hash(previous: AuditChain.genesis, fields: ["ab", nil])
        let d = AuditChain.hash(previous: AuditChain.genesis, fields: ["ab", ""])
        #expect(Set([a, b, c, d]).count == 4)
        #expect(a.count == 64)
    }
}
