import Fluent
import Foundation
import SQLKit
import Synchronization

/// Appends to, reads and verifies the audit trail.
///
/// A transaction's entries join the chain at its end: its own reads and writes run first, in
/// parallel with other transactions, and only then is the chain locked (in-process, and on
/// PostgreSQL by a transaction-scoped advisory lock, so that several server processes sharing
/// one database still build one chain), its head read and the entries appended, until the
/// commit. What is serialised is the appends and the commit, not the work. The unique index on
/// `seq` turns any remaining race into an error, never a fork.
///
/// At most `concurrency` audited transactions run at once in a process; the others queue here,
/// in order and without a time limit, rather than in the connection pool, which gives up after
/// ten seconds. On SQLite, which has one writer at a time, that is one.
final class AuditLog: Sendable {
    let clock: AppClock
    private let admission: AsyncSemaphore
    private let chain = AsyncSemaphore()

    init(clock: AppClock, concurrency: Int = 1) {
        self.clock = clock
        self.admission = AsyncSemaphore(permits: concurrency)
    }

    /// Runs `work` in one database transaction together with the audit entries it records:
    /// both are committed, or neither.
    func transaction<T: Sendable>(
        on db: any Database, _ work: @escaping @Sendable (AuditTransaction) async throws -> T
    ) async throws -> T {
        try await admission.withPermit {
            let holdsChain = Mutex(false)
            do {
                let result = try await db.transaction { tx in
                    let sql = tx as? any SQLDatabase
                    if let sql, sql.dialect.name == "sqlite" {
                        // Take SQLite's write lock before the first read: a transaction that
                        // reads first and writes later fails (SQLITE_BUSY_SNAPSHOT) when another
                        // connection of the pool wrote in between (a session, the change feed's
                        // reader does not). Taking the lock waits, up to the busy timeout, for a
                        // writer outside the audit log to finish.
                        try await sql.raw("PRAGMA busy_timeout = 5000").run()
                        try await sql.raw("UPDATE member_states SET code = code WHERE 0 = 1").run()
                    }
                    let audit = AuditTransaction(db: tx)
                    let result = try await work(audit)
                    guard audit.hasEntries else { return result }
                    // Held from here until the commit, released below.
                    await self.chain.acquire()
                    holdsChain.withLock { $0 = true }
                    if let sql, sql.dialect.name == "postgresql" {
                        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
                    }
                    let head = try await AuditEntry.query(on: tx).sort(\.$seq, .descending).first()
                    try await audit.append(
                        after: head?.seq ?? 0, hash: head?.hash ?? AuditChain.genesis, at: self.clock.now())
                    return result
                }
                if holdsChain.withLock({ $0 }) { await chain.release() }
                return result
            } catch {
                if holdsChain.withLock({ $0 }) { await chain.release() }
                throw error
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
        var record: String?
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
        if let record = filter.record { query.filter(\.$recordID == record) }
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

/// The audit side of one transaction: the entries it records, appended to the chain when the
/// transaction's work is done.
final class AuditTransaction: Sendable {
    let db: any Database
    private let drafts = Mutex<[AuditDraft]>([])

    init(db: any Database) { self.db = db }

    func append(_ draft: AuditDraft) async throws {
        drafts.withLock { $0.append(draft) }
    }

    var hasEntries: Bool { drafts.withLock { !$0.isEmpty } }

    /// Chains the recorded entries after the head, in the order they were recorded, and
    /// inserts them in one statement.
    fileprivate func append(after seq: Int, hash: String, at now: Date) async throws {
        let drafts = drafts.withLock { $0 }
        guard !drafts.isEmpty else { return }
        var head = (seq: seq, hash: hash)
        let occurredAtMs = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let entries = drafts.map { draft in
            let entry = AuditEntry()
            entry.id = UUID()
            entry.occurredAtMs = occurredAtMs
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
            entry.seq = head.seq + 1
            entry.prevHash = head.hash
            entry.hash = AuditChain.hash(previous: head.hash, fields: entry.hashedFields)
            head = (entry.seq, entry.hash)
            return entry
        }
        try await entries.create(on: db)
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
