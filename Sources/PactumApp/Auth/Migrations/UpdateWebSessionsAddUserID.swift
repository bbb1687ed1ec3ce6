import Fluent

/// Sessions name their user, so that a password change ends the user's other sessions.
struct UpdateWebSessionsAddUserID: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema).field("user_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema).deleteField("user_id").update()
    }
}
