import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Errors in the storage settings, reported before anything is written.
public enum StorageError: Error, CustomStringConvertible {
    case invalidDatabaseURL
    case cannotCreateDataDirectory(String, underlying: String)

    public var description: String {
        switch self {
        case .invalidDatabaseURL:
            "DATABASE_URL is not a valid postgres:// URL (postgres://user:password@host:5432/database)"
        case .cannotCreateDataDirectory(let path, let underlying):
            "cannot create the data directory \(path): \(underlying)"
        }
    }
}

extension Application {
    /// Connects Fluent to SQLite (default) or PostgreSQL (`DATABASE_URL`).
    func useDatabase(_ config: PactumConfiguration) throws {
        if let url = config.databaseURL {
            var sql: SQLPostgresConfiguration
            do { sql = try SQLPostgresConfiguration(url: url) } catch { throw StorageError.invalidDatabaseURL }
            if let schema = config.postgresSchema { sql.searchPath = [schema] }
            databases.use(
                .postgres(
                    configuration: sql, maxConnectionsPerEventLoop: config.postgresConnectionsPerLoop,
                    sqlLogLevel: .debug), as: .psql)
        } else if config.inMemory {
            databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        } else {
            do {
                try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw StorageError.cannotCreateDataDirectory(config.dataDirectory.path, underlying: "\(error)")
            }
            databases.use(.sqlite(.file(config.sqliteFile.path), sqlLogLevel: .debug), as: .sqlite)
        }
    }

    /// Runs `work` while no other process on the same PostgreSQL database runs work under the
    /// same lock (a session-level advisory lock); on SQLite, which one process serves, as is.
    func serialised<T>(_ lock: PostgresSession.Lock, _ config: PactumConfiguration, _ work: () async throws -> T)
        async throws -> T
    {
        guard let url = config.databaseURL else { return try await work() }
        return try await PostgresSession.withLock(
            lock, url: url, schema: config.postgresSchema, on: eventLoopGroup.any(), logger: logger, work)
    }

    /// Prepares the database for the migrations: the test schema on PostgreSQL, write-ahead
    /// logging on a SQLite file (so the CLI can read while the server writes).
    func prepareDatabase(_ config: PactumConfiguration) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if let schema = config.postgresSchema {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        } else if config.databaseURL == nil, !config.inMemory {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
    }
}
