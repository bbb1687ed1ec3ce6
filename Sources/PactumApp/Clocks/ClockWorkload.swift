import Fluent
import Foundation
import PactumLaw
import SQLKit
import Vapor

/// The clock benchmark's workload (Benchmarks/ClockBenchmark): many running clocks in one
/// database, one scheduler sweep over them, and worklist pages by time left. Outside the
/// product's API, for the benchmark program only.
@_spi(Benchmarks) public struct ClockWorkload: Sendable {
    public struct Figures: Sendable {
        public var seeded: Duration
        public var idleSweep: Duration
        public var sweep: Duration
        public var lapsed: Int
        public var firstPage: [Duration]
        public var deepPage: [Duration]
    }

    let app: Application

    public init(_ runtime: PactumRuntime) { app = runtime.app }

    /// Inserts `count` running clocks (registry transmission limits, spread over the 31 states
    /// and a year of limits) in batches, `due` of them already past.
    public func seed(count: Int, due: Int) async throws -> Duration {
        let start = ContinuousClock.now
        let now = Date()
        let states = MemberState.allCases
        var rng = SystemRandomNumberGenerator()
        // One statement of a thousand rows (13,000 parameters: within both databases' limits).
        for first in stride(from: 0, to: count, by: 1_000) {
            let insert = try app.db.sql().insert(into: LegalClock.schema)
                .columns(
                    "id", "rule_id", "owner", "record_type", "record_id", "state_code", "trigger", "triggered_at",
                    "due_at", "citation", "consequence", "created_at", "updated_at")
            for n in first..<min(first + 1_000, count) {
                // The first `due` clocks lapsed a minute ago; the others end within a year.
                let dueAt = now.addingTimeInterval(n < due ? -60 : .random(in: 60...31_536_000, using: &rng))
                let values: [any Encodable & Sendable] = [
                    UUID(), n < due ? Self.rule : "EDAC-A", ClockOwner.registry.rawValue, "registry.dataset", UUID(),
                    states[n % states.count].code, "registration", now, dueAt, "EDAC Art 15(1)", "benchmark", now, now,
                ]
                insert.values(values.map { SQLBind($0) })
            }
            try await insert.run()
        }
        let sql = try app.db.sql()
        if sql.dialect.name == "postgresql" { try await sql.raw("ANALYZE legal_clocks").run() }
        return ContinuousClock.now - start
    }

    /// The benchmark's own rule and consequence: an audit entry, as every consequence writes.
    static let rule = "BENCH-LAPSE"

    /// One sweep of the scheduler, with the benchmark's consequence registered.
    public func sweep() async throws -> (Duration, Int) {
        let audit = app.pactum.audit
        let scheduler = ClockScheduler(
            consequences: [
                ClockConsequence(
                    rules: [Self.rule],
                    apply: { c, tx in
                        try await tx.append(
                            AuditDraft(
                                actor: "system:benchmark", action: .registryUpdate,
                                record: AuditRecord(type: c.recordType, id: c.recordID.uuidString, state: c.state),
                                detail: "benchmark lapse"))
                        return "lapsed"
                    }, afterCommit: nil)
            ], audit: audit, clock: .system)
        let start = ContinuousClock.now
        let lapsed = try await scheduler.sweep(on: app.db)[Self.rule] ?? 0
        return (ContinuousClock.now - start, lapsed)
    }

    /// A page of one state's registry worklist by time left, at `offset`.
    public func worklistPage(state: MemberState, offset: Int, size: Int = 50) async throws -> Duration {
        let start = ContinuousClock.now
        let page = try await app.pactum.clocks.worklist(
            .registry, state: state, limit: size, offset: offset, on: app.db)
        guard page.count == size else {
            throw StorageFault(description: "worklist page at \(offset) has \(page.count) clocks")
        }
        return ContinuousClock.now - start
    }

    /// Drops the benchmark's own PostgreSQL schema (nothing on SQLite, whose file is removed).
    public func dropPostgresSchema() async throws {
        guard let schema = app.pactum.config.postgresSchema else { return }
        try await app.db.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
