import Fluent

/// Each user's choice of language for their pages (nil: the browser's).
struct AddUserLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("language").update()
    }
}
