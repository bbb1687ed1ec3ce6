import Fluent
import SQLKit

/// "Who read this file?": the trail filtered by record, newest first, without a scan.
struct AddAuditRecordIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().raw("CREATE INDEX audit_entries_record ON audit_entries (record_id, seq)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().raw("DROP INDEX audit_entries_record").run()
    }
}
