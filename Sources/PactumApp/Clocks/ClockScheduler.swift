import Fluent
import Foundation
import Logging
import SQLKit
import Synchronization
import Vapor

/// What a capability does when one of its clocks lapses. `apply` runs inside the lapse's
/// transaction and records its own audit entry there, so the consequence, the clock's end and
/// the entry commit together or not at all. `afterCommit` follows what lives outside the
/// database (the identification index).
struct ClockConsequence: Sendable {
    var rules: [String]
    var apply: @Sendable (LegalClock, AuditTransaction) async throws -> String
    var afterCommit: (@Sendable ([LegalClock], any Database) async throws -> Void)?
}

/// Applies the consequences of clocks whose limit has passed. Each lapse is its own transaction
/// that first moves the clock from running to lapsed in one statement (`UPDATE … WHERE
/// lapsed_at IS NULL AND stopped_at IS NULL`): of several processes sweeping one database
/// exactly one moves it, and only that one applies the consequence.
struct ClockScheduler: Sendable {
    let consequences: [ClockConsequence]
    let audit: AuditLog
    let clock: AppClock
    /// Clocks taken per query; a sweep continues until none is left.
    var batch = 500

    /// One sweep over the rules of `only` (all handled rules when nil). Returns the lapses
    /// applied by this call, per rule.
    @discardableResult
    func sweep(only: [String]? = nil, on db: any Database, logger: Logger? = nil) async throws -> [String: Int] {
        var applied: [String: Int] = [:]
        for consequence in consequences {
            let rules = only.map { Set($0).intersection(consequence.rules).sorted() } ?? consequence.rules
            guard !rules.isEmpty else { continue }
            var after: [LegalClock] = []
            var skipped = Set<UUID>()
            while true {
                let now = clock.now()
                let due = try await LegalClock.query(on: db).filter(\.$rule ~~ rules).filter(\.$stoppedAt == nil)
                    .filter(\.$lapsedAt == nil).filter(\.$suspendedAt == nil).filter(\.$dueAt <= now)
                    .sort(\.$dueAt).sort(\.$id).range(0..<(batch + skipped.count)).all()
                    .filter { $0.id.map { !skipped.contains($0) } ?? false }
                if due.isEmpty { break }
                for c in due.prefix(batch) {
                    do {
                        if let outcome = try await lapse(c, consequence, at: now, on: db) {
                            applied[c.rule, default: 0] += 1
                            c.lapseOutcome = outcome
                            after.append(c)
                        }
                    } catch {
                        // One failing consequence must not stop the others; it is tried again
                        // at the next sweep.
                        skipped.insert(try c.requireID())
                        logger?.error(
                            "Clock \(c.rule) on \(c.recordType) \(c.recordID) failed: \(String(reflecting: error))")
                    }
                }
            }
            if let afterCommit = consequence.afterCommit, !after.isEmpty { try await afterCommit(after, db) }
        }
        return applied
    }

    /// Applies one lapse, or returns nil when another sweep took the clock first.
    private func lapse(_ c: LegalClock, _ consequence: ClockConsequence, at now: Date, on db: any Database)
        async throws -> String?
    {
        let id = try c.requireID()
        return try await audit.transaction(on: db) { tx in
            let taken = try await tx.db.sql().update(LegalClock.schema).set("lapsed_at", to: now)
                .set("updated_at", to: now).where("id", .equal, id).where("lapsed_at", .is, SQLLiteral.null)
                .where("stopped_at", .is, SQLLiteral.null).returning("id").first()
            guard taken != nil else { return nil }
            let outcome = try await consequence.apply(c, tx)
            try await LegalClock.query(on: tx.db).filter(\.$id == id).set(\.$lapseOutcome, to: outcome).update()
            return outcome
        }
    }
}

/// Runs the scheduler's sweeps while the server serves: one at start, then one every interval.
final class ClockSchedulerService: LifecycleHandler, Sendable {
    let scheduler: ClockScheduler
    let interval: TimeInterval
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(scheduler: ClockScheduler, interval: TimeInterval) {
        self.scheduler = scheduler
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let scheduler = scheduler
        let interval = interval
        let running = Task { [db = app.db, logger = app.logger] in
            while !Task.isCancelled {
                do {
                    for (rule, count) in try await scheduler.sweep(on: db, logger: logger).sorted(by: {
                        $0.key < $1.key
                    }) {
                        logger.info("Scheduler: \(count) clocks of \(rule) lapsed and their consequence applied")
                    }
                } catch {
                    logger.error("Scheduler sweep failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
        task.withLock { $0 = running }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLock { t -> Task<Void, Never>? in
            defer { t = nil }
            return t
        }
        running?.cancel()
        await running?.value
    }
}
