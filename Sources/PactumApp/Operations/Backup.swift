import Crypto
import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// What a backup holds, written beside it as `manifest.json` and checked on restore.
public struct BackupManifest: Codable, Sendable, Equatable {
    public var format = 1
    public var createdAt: Date
    /// `sqlite` or `postgresql`.
    public var database: String
    /// The file in the backup folder: `pactum.sqlite` or `pactum.dump` (pg_dump, custom format).
    public var file: String
    public var sha256: String
    /// The audit chain's head at the backup: a restore must reach the same position and hash.
    public var auditHeadSeq: Int
    public var auditHeadHash: String
    /// Rows per table, compared after a restore.
    public var counts: [String: Int]
}

/// Why a backup or restore refused to go on; nothing was changed.
public enum BackupError: Error, CustomStringConvertible {
    case notEmpty(String)
    case noManifest(String)
    case damaged(String)
    case tool(String, status: Int32, output: String)
    case mismatch(String)

    public var description: String {
        switch self {
        case .notEmpty(let dir): "\(dir) exists and is not empty: back up into a new folder"
        case .noManifest(let dir): "\(dir) holds no manifest.json: not a Pactum backup"
        case .damaged(let why): "the backup is damaged: \(why)"
        case .tool(let name, let status, let output): "\(name) failed (exit \(status)): \(output)"
        case .mismatch(let why): "the restored database does not match the backup: \(why)"
        }
    }
}

/// Online backup and restore of the whole database (docs/OPERATIONS.md). SQLite: `VACUUM INTO`,
/// a consistent copy taken while the server keeps serving. PostgreSQL: `pg_dump` and
/// `pg_restore`, which must be on the PATH in the server's major version.
enum Backup {
    /// Every table Pactum keeps, counted into the manifest.
    static let tables = [
        "users", "api_tokens", "web_sessions", "audit_entries", "registry_persons", "registry_datasets",
        "registry_candidates", "registry_biometrics", "registry_rectifications", "registry_erasures",
        "registry_changes", "legal_clocks", "exchange_messages",
        "screening_cases", "screening_representatives", "screening_watchlist_entries", "monitoring_spot_checks",
        "monitoring_allegations",
    ]

    /// Writes the backup into `folder` (new or empty) and returns its manifest. The head and
    /// the counts are those of the copy itself: on SQLite read from the copied file, on
    /// PostgreSQL in the snapshot that pg_dump then exports.
    static func create(into folder: URL, config: PactumConfiguration, db: any Database, audit: AuditLog) async throws
        -> BackupManifest
    {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw BackupError.notEmpty(folder.path)
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = config.databaseURL == nil ? "pactum.sqlite" : "pactum.dump"
        let target = folder.appendingPathComponent(file)
        let state: (AuditVerification, [String: Int])
        if let url = config.databaseURL {
            state = try await db.transaction { tx in
                let sql = try tx.sql()
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS id").first()?
                    .decode(column: "id", as: String.self)
                let state = try await inspect(tx, audit: audit)
                try run(
                    "pg_dump",
                    ["--format=custom", "--no-owner", "--snapshot=\(snapshot ?? "")", "--file", target.path, url])
                return state
            }
        } else {
            try await db.sql().raw("VACUUM INTO \(bind: target.path)").run()
            state = try await withSQLite(target) { try await inspect($0, audit: audit) }
        }
        let (head, counts) = state
        guard head.valid else { throw BackupError.damaged("the audit chain is broken at \(head.brokenAt ?? 0)") }
        let manifest = BackupManifest(
            createdAt: config.clock.now(), database: config.databaseURL == nil ? "sqlite" : "postgresql", file: file,
            sha256: try digest(target), auditHeadSeq: head.headSeq, auditHeadHash: head.headHash, counts: counts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: folder.appendingPathComponent("manifest.json"))
        return manifest
    }

    /// The chain, verified, and the rows per table.
    private static func inspect(_ db: any Database, audit: AuditLog) async throws -> (AuditVerification, [String: Int])
    {
        (try await audit.verify(on: db), try await count(try db.sql()))
    }

    /// Runs `body` on a SQLite file of its own, outside the server's database.
    private static func withSQLite<T: Sendable>(_ file: URL, _ body: @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        let app = try await Application.make(.init(name: "backup", arguments: ["pactum"]))
        app.databases.use(.sqlite(.file(file.path)), as: .sqlite)
        do {
            let result = try await body(app.db)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Reads and checks a backup's manifest and file before anything is replaced.
    static func manifest(in folder: URL) throws -> BackupManifest {
        let path = folder.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: path) else { throw BackupError.noManifest(folder.path) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let manifest = try? decoder.decode(BackupManifest.self, from: data), manifest.format == 1,
            ["pactum.sqlite", "pactum.dump"].contains(manifest.file)
        else { throw BackupError.damaged("manifest.json cannot be read") }
        let file = folder.appendingPathComponent(manifest.file)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw BackupError.damaged("\(manifest.file) is missing")
        }
        guard try digest(file) == manifest.sha256 else {
            throw BackupError.damaged("\(manifest.file) does not match its SHA-256 in manifest.json")
        }
        return manifest
    }

    /// Puts the backup in place of the current database. The server must be stopped.
    static func restore(from folder: URL, config: PactumConfiguration) throws -> BackupManifest {
        let manifest = try manifest(in: folder)
        let file = folder.appendingPathComponent(manifest.file)
        if let url = config.databaseURL {
            guard manifest.database == "postgresql" else {
                throw BackupError.damaged("a SQLite backup cannot be restored into PostgreSQL")
            }
            try run(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, file.path])
        } else {
            guard manifest.database == "sqlite" else {
                throw BackupError.damaged("a PostgreSQL backup cannot be restored into SQLite")
            }
            let fm = FileManager.default
            try fm.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
            let target = config.sqliteFile.path
            let staged = target + ".restoring"
            try? fm.removeItem(atPath: staged)
            try fm.copyItem(atPath: file.path, toPath: staged)
            // The old write-ahead log belongs to the old file and must not be replayed onto the
            // restored one: it is set aside, and put back if the swap fails.
            let logs = ["-wal", "-shm"].filter { fm.fileExists(atPath: target + $0) }
            for suffix in logs { try fm.moveItem(atPath: target + suffix, toPath: staged + suffix) }
            // rename(2) replaces the file in one step: the data directory holds the old
            // database or the restored one, never neither.
            guard rename(staged, target) == 0 else {
                let reason = String(cString: strerror(errno))
                for suffix in logs { try? fm.moveItem(atPath: staged + suffix, toPath: target + suffix) }
                throw BackupError.damaged("cannot put the restored file in place: \(reason)")
            }
            for suffix in logs { try? fm.removeItem(atPath: staged + suffix) }
        }
        return manifest
    }

    /// After a restore: the chain verifies to the manifest's head and the counts agree.
    static func check(_ manifest: BackupManifest, db: any Database, audit: AuditLog) async throws -> AuditVerification {
        let (verification, counts) = try await inspect(db, audit: audit)
        guard verification.valid else {
            throw BackupError.mismatch("the audit chain is broken at \(verification.brokenAt ?? 0)")
        }
        guard verification.headSeq == manifest.auditHeadSeq, verification.headHash == manifest.auditHeadHash else {
            throw BackupError.mismatch(
                "the audit head is \(verification.headSeq), the backup's \(manifest.auditHeadSeq)")
        }
        for (table, expected) in manifest.counts.sorted(by: { $0.key < $1.key }) where counts[table] != expected {
            throw BackupError.mismatch("\(table) has \(counts[table] ?? 0) rows, the backup \(expected)")
        }
        return verification
    }

    private static func count(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .first()
            counts[table] = try row?.decode(column: "n", as: Int.self) ?? 0
        }
        return counts
    }

    private static func digest(_ file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BackupError.tool(tool, status: process.terminationStatus, output: String(output.suffix(2000)))
        }
    }
}
