import Fluent
import Foundation
import PactumLaw
import SQLKit

/// Erased together with a registry dataset, in its transaction: data of another capability
/// that follow the dataset's retention (a screening with its biometric registration, SCR Art
/// 18(7)). Returns how many records it erased.
protocol ErasureFollower: Sendable {
    func erase(following dataset: UUID, tx: AuditTransaction) async throws -> Int
}

extension RegistryService {
    /// Erases one dataset inside the caller's transaction: the dataset, its candidates, its
    /// rectification history, its clocks and the notices addressed to it are deleted, and what
    /// follows it in other capabilities; an `Erasure` count and the audit entry (ids only)
    /// remain. The person goes too once no dataset is left.
    func erase(_ d: Dataset, reason: String, draft: AuditDraft, tx: AuditTransaction) async throws {
        let id = try d.requireID()
        if let sql = tx.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            // Deleted rows are overwritten with zeros, not left in free pages of the file.
            try await sql.raw("PRAGMA secure_delete = ON").run()
        }
        try await Candidate.query(on: tx.db).group(.or) { $0.filter(\.$probeID == id).filter(\.$matchID == id) }
            .delete()
        try await Rectification.query(on: tx.db).filter(\.$datasetID == id).delete()
        try await Biometric.query(on: tx.db).filter(\.$datasetID == id).delete()
        let notices = try await exchange.messages(about: [id], on: tx.db).map { try $0.requireID() }
        try await clocks.delete(records: notices, on: tx.db)
        try await exchange.erase(about: [id], on: tx.db)
        try await clocks.delete(records: [id], on: tx.db)
        try await RegistryChange.record(id, at: clock.now(), origin: feed.node, on: tx.db)
        for follower in erasureFollowers { _ = try await follower.erase(following: id, tx: tx) }
        let person = d.$person.id
        let count = Erasure()
        count.stateCode = d.stateCode
        count.category = d.category
        count.reason = reason
        count.erasedOn = law.calculator(for: try d.memberState()).localDay(of: clock.now()).description
        try await count.create(on: tx.db)
        try await d.delete(on: tx.db)
        if try await Dataset.query(on: tx.db).filter(\.$person.$id == person).count() == 0 {
            try await RegistryPerson.query(on: tx.db).filter(\.$id == person).delete()
        }
        try await tx.append(draft)
    }

    /// After the erasing transaction committed: out of the index (through the change feed),
    /// and out of the storage's leftovers (the SQLite write-ahead log; PostgreSQL's dead row
    /// versions).
    func afterErasure(on db: any Database) async throws {
        try await feed.catchUp(on: db)
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        } else if sql.dialect.name == "postgresql" {
            let tables = [
                Dataset.schema, Candidate.schema, ExchangeMessage.schema, Rectification.schema, RegistryPerson.schema,
                Biometric.schema, LegalClock.schema,
            ]
            try await sql.raw("VACUUM \(unsafeRaw: tables.joined(separator: ", "))").run()
        }
    }

    /// The consequence of the retention clock (EDAC Art 29(10)): the dataset is erased when
    /// its retention period ends, at the start of that day in the recording state's calendar.
    var retention: ClockConsequence {
        ClockConsequence(
            rules: [RetentionClocks.datasetRule],
            apply: { c, tx in
                guard let d = try await Dataset.find(c.recordID, on: tx.db) else {
                    throw StorageFault(description: "the retention clock \(c.id?.uuidString ?? "") has no dataset")
                }
                let draft = AuditDraft(
                    actor: "system:retention", action: .registryErase,
                    record: AuditRecord(type: "registry.dataset", id: c.recordID.uuidString, state: c.state),
                    detail: "retention period ended on \(d.eraseOn ?? "") (EDAC Art 29(10))")
                try await erase(d, reason: "retention period ended (EDAC Art 29(10))", draft: draft, tx: tx)
                return "erased"
            },
            afterCommit: { _, db in try await afterErasure(on: db) })
    }

    /// Runs the retention clocks that are due now (the scheduler does this at every sweep).
    /// Returns how many datasets it erased.
    @discardableResult
    func eraseExpired(on db: any Database) async throws -> Int {
        try await ClockScheduler(consequences: [retention], audit: audit, clock: clock).sweep(on: db)[
            RetentionClocks.datasetRule] ?? 0
    }
}
