import Fluent
import Foundation
import SQLKit
import Synchronization

/// Appends to, reads and verifies the audit trail.
///
/// Appends are serialised twice: by an in-process lock and, on PostgreSQL, by a transaction-
/// scoped advisory lock, so that several server processes sharing one database still build one
/// chain. The unique index on `seq` turns any remaining race into an error, never a fork.
final class AuditLog: Sendable {
    let clock: AppClock
    private let lock = AsyncLock()

    init(clock: AppClock) { self.clock = clock }

    /// Runs `work` in one database transaction together with the audit entries it records:
    /// both are committed, or neither.
    func transaction<T: Sendable>(
        on db: any Database, _ work: @escaping @Sendable (AuditTransaction) async throws -> T
    ) async throws -> T {
        try await lock.withLock {
            try await db.transaction { tx in
                if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                    try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
                } else if let sql = tx as? any SQLDatabase, sql.dialect.name == "sqlite" {
                    // Take SQLite's write lock before the first read: a transaction that reads
                    // first and writes later fails (SQLITE_BUSY_SNAPSHOT) when another
                    // connection of the pool wrote in between (a session, the change feed's
                    // reader does not). Taking the lock waits, up to the busy timeout, for a
                    // writer outside the audit lock to finish.
                    try await sql.raw("PRAGMA busy_timeout = 5000").run()
                    try await sql.raw("UPDATE member_states SET code = code WHERE 0 = 1").run()
                }
                let head = try await AuditEntry.query(on: tx).sort(\.$seq, .descending).first()
                let audit = AuditTransaction(
                    db: tx, clock: self.clock, seq: head?.seq ?? 0, hash: head?.hash ?? AuditChain.genesis)
                return try await work(audit)
            }
        }
    }

    /// Records entries on their own (an audited read, a login).
    func record(_ drafts: AuditDraft..., on db: any Database) async throws {
        try await transaction(on: db) { audit in
            for draft in drafts { try await audit.append(draft) }
        }
    }

    /// An arbitrary constant that names the audit chain among advisory locks.
    static let advisoryLockKey: Int64 = 0x7061_6374_756d

    // MARK: Reading

    struct Filter: Sendable {
        /// Entries by users of this state or about records of this state.
        var state: String
        var action: String?
        var actor: String?
        var outcome: String?
        var from: Date?
        var to: Date?
    }

    /// One page of entries, newest first, after the entry `before` (a `seq`).
    func entries(on db: any Database, filter: Filter, limit: Int, before: Int?) async throws -> [AuditEntry] {
        let query = AuditEntry.query(on: db).group(.or) {
            $0.filter(\.$actorState == filter.state).filter(\.$recordState == filter.state)
        }
        if let action = filter.action { query.filter(\.$action == action) }
        if let actor = filter.actor { query.filter(\.$actor == actor.lowercased()) }
        if let outcome = filter.outcome { query.filter(\.$outcome == outcome) }
        if let from = filter.from { query.filter(\.$occurredAtMs >= Int64(from.timeIntervalSince1970 * 1000)) }
        if let to = filter.to { query.filter(\.$occurredAtMs < Int64(to.timeIntervalSince1970 * 1000)) }
        if let before { query.filter(\.$seq < before) }
        return try await query.sort(\.$seq, .descending).limit(limit).all()
    }

    /// Counts of a Member State's trail since a moment: all entries, failed sign-ins and
    /// refused accesses. Aggregates only, no personal data, so reading them is not audited.
    func summary(state: String, since: Date, on db: any Database) async throws -> (
        entries: Int, failures: Int, denied: Int
    ) {
        let sinceMs = Int64((since.timeIntervalSince1970 * 1000).rounded())
        func count(_ outcome: AuditOutcome?) async throws -> Int {
            let query = AuditEntry.query(on: db).filter(\.$occurredAtMs >= sinceMs).group(.or) {
                $0.filter(\.$actorState == state).filter(\.$recordState == state)
            }
            if let outcome { query.filter(\.$outcome == outcome.rawValue) }
            return try await query.count()
        }
        return (try await count(nil), try await count(.failure), try await count(.denied))
    }

    // MARK: Verifying

    /// Walks the whole chain from the first entry and reports the first broken link.
    func verify(on db: any Database, batchSize: Int = 1000) async throws -> AuditVerification {
        var expectedSeq = 1
        var previous = AuditChain.genesis
        while true {
            let batch = try await AuditEntry.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq).limit(batchSize)
                .all()
            for entry in batch {
                let reason: String? =
                    if entry.seq != expectedSeq {
                        "entry \(expectedSeq) is missing: the next entry has position \(entry.seq)"
                    } else if entry.prevHash != previous {
                        "its prev_hash does not match the hash of the entry before it"
                    } else if AuditChain.hash(previous: entry.prevHash, fields: entry.hashedFields) != entry.hash {
                        "its content does not match its hash: the row was changed"
                    } else { nil }
                if let reason {
                    return AuditVerification(
                        valid: false, entries: expectedSeq - 1, headSeq: expectedSeq - 1, headHash: previous,
                        brokenAt: expectedSeq, brokenEntryID: entry.id?.uuidString, reason: reason)
                }
                previous = entry.hash
                expectedSeq += 1
            }
            if batch.count < batchSize { break }
        }
        return AuditVerification(valid: true, entries: expectedSeq - 1, headSeq: expectedSeq - 1, headHash: previous)
    }
}

/// The audit side of one transaction: appends entries after the chain's current head.
final class AuditTransaction: Sendable {
    let db: any Database
    private let clock: AppClock
    private let head: Mutex<(seq: Int, hash: String)>

    init(db: any Database, clock: AppClock, seq: Int, hash: String) {
        self.db = db
        self.clock = clock
        self.head = Mutex((seq, hash))
    }

    func append(_ draft: AuditDraft) async throws {
        let entry = AuditEntry()
        entry.id = UUID()
        entry.occurredAtMs = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        entry.actorID = draft.actorID
        entry.actor = draft.actor
        entry.actorRole = draft.actorRole
        entry.actorState = draft.actorState
        entry.action = draft.action.rawValue
        entry.outcome = draft.outcome.rawValue
        entry.recordType = draft.recordType
        entry.recordID = draft.recordID
        entry.recordState = draft.recordState
        entry.purpose = draft.purpose?.rawValue
        entry.requestID = draft.requestID
        entry.detail = draft.detail
        head.withLock { head in
            entry.seq = head.seq + 1
            entry.prevHash = head.hash
            entry.hash = AuditChain.hash(previous: head.hash, fields: entry.hashedFields)
            head = (entry.seq, entry.hash)
        }
        try await entry.create(on: db)
    }
}

/// The result of walking the chain.
public struct AuditVerification: Sendable, Codable, Equatable {
    public var valid: Bool
    public var entries: Int
    /// The last entry's position and hash: record them elsewhere to detect later truncation.
    public var headSeq: Int
    public var headHash: String
    public var brokenAt: Int?
    public var brokenEntryID: String?
    public var reason: String?
}
