import Fluent
import Foundation
import SQLKit

/// One change of a dataset that the identification index must follow, in commit order: every
/// process's index reads these to see the other processes' writes. The position `seq` grows
/// with each change; writes to the registry are audited, and audited transactions commit one
/// at a time (the audit chain's advisory lock), so a later position never commits before an
/// earlier one and a reader that has passed a position has seen everything before it.
final class RegistryChange: Model, @unchecked Sendable {
    static let schema = "registry_changes"

    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "dataset_id") var datasetID: UUID
    /// The process that wrote it (each start is a new one).
    @Field(key: "origin") var origin: UUID
    @Field(key: "at") var at: Date

    init() {}

    /// The channel on which PostgreSQL tells the other processes that a change committed.
    static let channel = "pactum_registry_changes"

    /// Records, inside the writing transaction, that the dataset changed. On PostgreSQL the
    /// notification is delivered when the transaction commits, and not at all if it rolls back.
    static func record(_ dataset: UUID, at: Date, origin: UUID, on db: any Database) async throws {
        let change = RegistryChange()
        change.datasetID = dataset
        change.origin = origin
        change.at = at
        try await change.create(on: db)
        let sql = try db.sql()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_notify(\(bind: channel), '')").run()
        }
    }
}

struct CreateRegistryChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegistryChange.schema)
            .field("seq", .int64, .identifier(auto: true))
            .field("dataset_id", .uuid, .required)
            .field("origin", .uuid, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegistryChange.schema).delete()
    }
}
