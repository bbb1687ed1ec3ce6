import Fluent
import Foundation
import PactumLaw
import SQLKit

extension RegistryService {
    /// Erases one dataset inside the caller's transaction: the dataset, its candidates, its
    /// rectification history and the notices addressed to it are deleted; an `Erasure` count
    /// and the audit entry (ids only) remain. The person goes too once no dataset is left.
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
        try await Notice.query(on: tx.db).filter(\.$recipientDatasetID == id).delete()
        let person = d.$person.id
        let count = Erasure()
        count.stateCode = d.stateCode
        count.category = d.category
        count.reason = reason
        count.erasedOn = law.calculator(for: d.state ?? .DE).localDay(of: clock.now()).description
        try await count.create(on: tx.db)
        try await d.delete(on: tx.db)
        if try await Dataset.query(on: tx.db).filter(\.$person.$id == person).count() == 0 {
            try await RegistryPerson.query(on: tx.db).filter(\.$id == person).delete()
        }
        try await tx.append(draft)
    }

    /// After the erasing transaction committed: out of the index, and out of the storage's
    /// leftovers (the SQLite write-ahead log; PostgreSQL's dead row versions).
    func afterErasure(of ids: [UUID], on db: any Database) async throws {
        for id in ids { await index.erase(id: id) }
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        } else if sql.dialect.name == "postgresql" {
            let tables = [
                Dataset.schema, Candidate.schema, Notice.schema, Rectification.schema, RegistryPerson.schema,
                Biometric.schema,
            ]
            try await sql.raw("VACUUM \(unsafeRaw: tables.joined(separator: ", "))").run()
        }
    }

    /// The scheduled job of EDAC Art 29(10): erases every dataset whose retention period ended
    /// on or before today (in the recording state's calendar). Returns how many.
    @discardableResult
    func eraseExpired(on db: any Database) async throws -> Int {
        let now = clock.now()
        // Days compare as text (YYYY-MM-DD); a day of margin covers every state's time zone.
        let latest = CivilDate(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)) + 1).description
        let due = try await Dataset.query(on: db).filter(\.$eraseOn <= latest).all().filter { d in
            guard let end = d.eraseOn.flatMap(CivilDate.init(iso:)) else { return false }
            return end <= law.calculator(for: d.state ?? .DE).localDay(of: now)
        }
        guard !due.isEmpty else { return 0 }
        try await audit.transaction(on: db) { tx in
            for d in due {
                let draft = AuditDraft(
                    actor: "system:retention", action: .registryErase,
                    record: AuditRecord(type: "registry.dataset", id: d.id?.uuidString, state: d.state),
                    detail: "retention period ended on \(d.eraseOn ?? "") (EDAC Art 29(10))")
                try await erase(d, reason: "retention period ended (EDAC Art 29(10))", draft: draft, tx: tx)
            }
        }
        try await afterErasure(of: due.compactMap(\.id), on: db)
        return due.count
    }
}
