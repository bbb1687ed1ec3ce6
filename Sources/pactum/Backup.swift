import ArgumentParser
import Foundation
import PactumApp

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back up the whole database and restore it (docs/OPERATIONS.md).",
        subcommands: [Create.self, Restore.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write a consistent copy of the database into a new folder, while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump), with manifest.json (audit head, row counts, SHA-256)."
        )

        @Argument(help: "A new or empty folder.") var folder: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let manifest = try await withRuntime(storage) {
                try await $0.backup(to: URL(fileURLWithPath: folder, isDirectory: true))
            }
            try printJSON(manifest)
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Replace the database with a backup (stop the server first), then verify the audit chain and the row counts against the backup's manifest; exit 1 if they differ."
        )

        @Argument(help: "A folder written by `pactum backup create`.") var folder: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            storage.bootstrapLogging()
            let (manifest, verification) = try await PactumRuntime.restore(
                from: URL(fileURLWithPath: folder, isDirectory: true), storage.configuration())
            print(
                "Restored the backup of \(ISO8601DateFormatter().string(from: manifest.createdAt)): audit chain intact to entry \(verification.headSeq), \(manifest.counts.values.reduce(0, +)) rows as in the backup."
            )
        }
    }
}
