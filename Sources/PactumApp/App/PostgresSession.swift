import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO

/// A PostgreSQL connection of its own, outside Fluent's pool, for what must hold one
/// connection for a while: a session-level advisory lock around the migrations and the demo
/// loading, and the LISTEN of the change feed. The pool's connections stay free for requests.
enum PostgresSession {
    static func connect(url: String, on eventLoop: any EventLoop, logger: Logger) async throws -> PostgresConnection {
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        return try await PostgresConnection.connect(
            on: eventLoop, configuration: configuration, id: 1, logger: logger
        ).get()
    }

    /// What a lock serialises between processes on one database.
    enum Lock: Int64 {
        case migrations = 0x7061_6374_0001
        case demo = 0x7061_6374_0002

        /// A key of its own per schema, so that tests in schemas of their own do not wait on
        /// each other (FNV-1a: the same in every process, unlike `hashValue`).
        func key(schema: String?) -> Int64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in (schema ?? "").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return rawValue ^ Int64(bitPattern: hash & 0x0000_ffff_ffff_0000)
        }
    }

    /// Runs `work` while this process holds `lock`; another process asking for it waits.
    static func withLock<T>(
        _ lock: Lock, url: String, schema: String?, on eventLoop: any EventLoop, logger: Logger,
        _ work: () async throws -> T
    ) async throws -> T {
        let connection = try await connect(url: url, on: eventLoop, logger: logger)
        let key = lock.key(schema: schema)
        do {
            try await connection.query("SELECT pg_advisory_lock(\(key))", logger: logger)
            let result = try await work()
            try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
            try await connection.close()
            return result
        } catch {
            // Closing the session releases the lock.
            try? await connection.close()
            throw error
        }
    }
}
