import Fluent
import SQLKit

/// One fingerprint record and one face per dataset, held by the database itself: concurrent
/// uploads for one dataset cannot store two (images may be added again).
struct UpdateBiometricsAddUniqueKind: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().raw(
            "CREATE UNIQUE INDEX biometrics_one_per_kind ON registry_biometrics (dataset_id, kind) WHERE kind <> 'image'"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().raw("DROP INDEX biometrics_one_per_kind").run()
    }
}
