import Fluent
import SQLKit

/// The audit trail, append-only in the database itself: triggers refuse UPDATE, DELETE (and
/// TRUNCATE on PostgreSQL). The hash chain still catches whoever bypasses them.
struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("seq", .int64, .required)
            .field("occurred_at_ms", .int64, .required)
            .field("actor_id", .string)
            .field("actor", .string, .required)
            .field("actor_role", .string)
            .field("actor_state", .string)
            .field("action", .string, .required)
            .field("outcome", .string, .required)
            .field("record_type", .string)
            .field("record_id", .string)
            .field("record_state", .string)
            .field("purpose", .string)
            .field("request_id", .string)
            .field("detail", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX audit_entries_actor_state ON audit_entries (actor_state, seq)").run()
        try await sql.raw("CREATE INDEX audit_entries_record_state ON audit_entries (record_state, seq)").run()
        for statement in Self.appendOnlyTriggers(dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_append_only() CASCADE").run()
        }
        try await database.schema(AuditEntry.schema).delete()
    }

    static func appendOnlyTriggers(dialect: String) -> [String] {
        if dialect == "postgresql" {
            return [
                """
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$
                """,
                """
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """,
                """
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
                """,
            ]
        }
        return ["UPDATE", "DELETE"].map { verb in
            """
            CREATE TRIGGER audit_entries_no_\(verb.lowercased()) BEFORE \(verb) ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
            """
        }
    }
}
