import Fluent
import FluentSQL

/// Biometric data of the registry, and the biometric evidence of candidates.
struct CreateBiometrics: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Biometric.schema)
            .id()
            .field("dataset_id", .uuid, .required, .references(Dataset.schema, .id))
            .field("kind", .string, .required)
            .field("format", .string, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        // One column per statement: SQLite adds one at a time.
        try await database.schema(Candidate.schema)
            .field("source", .string, .required, .sql(.default("biographic"))).update()
        try await database.schema(Candidate.schema).field("evidence", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Candidate.schema).deleteField("evidence").update()
        try await database.schema(Candidate.schema).deleteField("source").update()
        try await database.schema(Biometric.schema).delete()
    }
}
