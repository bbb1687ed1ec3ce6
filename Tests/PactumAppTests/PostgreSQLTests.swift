import Fluent
import Foundation
import SQLKit
import Testing

@testable import PactumApp

@Suite(
    "PostgreSQL driver",
    .enabled(if: TestDatabase.isPostgres, "set DATABASE_URL=postgres://… to run the suite on PostgreSQL"))
struct PostgreSQLTests {
    @Test("with DATABASE_URL set, the suite really runs on PostgreSQL, in a schema of its own")
    func dialectAndSchema() async throws {
        try await withPactum { ctx in
            #expect(ctx.sql.dialect.name == "postgresql")
            struct Row: Decodable { var schema: String }
            let row = try #require(try await ctx.sql.raw("SELECT current_schema() AS schema").first(decoding: Row.self))
            #expect(row.schema.hasPrefix("t_"))
        }
    }

    @Test("TRUNCATE of the audit trail is refused too")
    func noTruncate() async throws {
        try await withPactum { ctx in
            try await ctx.app.pactum.audit.record(AuditDraft(actor: "x", action: .demoLoad), on: ctx.db)
            await #expect(throws: (any Error).self) { try await ctx.sql.raw("TRUNCATE audit_entries").run() }
            #expect(try await ctx.auditCount() == 1)
        }
    }
}
