import Fluent
import Foundation
import PactumLaw
import SQLKit
import Synchronization
import Testing
import Vapor

@testable import PactumApp

@Suite("Kernel: legal clocks, the scheduler and the exchange")
struct ClockKernelTests {
    /// A clock of the test's own rule on a record of its own, `due` seconds from now.
    static func start(_ ctx: TestContext, rule: String = "TEST-RULE", due: TimeInterval) async throws -> LegalClock {
        try await ctx.app.pactum.clocks.start(
            ClockStart(
                rule: rule, owner: .registry, recordType: "test.record", recordID: UUID(), state: .DE,
                trigger: "the test", triggeredAt: ctx.clock.now, dueAt: ctx.clock.now.addingTimeInterval(due),
                citation: "none", consequence: "counted"), on: ctx.db)
    }

    /// A scheduler whose consequence counts its runs and writes its audit entry.
    static func scheduler(_ ctx: TestContext, runs: Runs, failing: UUID? = nil) -> ClockScheduler {
        ClockScheduler(
            consequences: [
                ClockConsequence(
                    rules: ["TEST-RULE"],
                    apply: { c, tx in
                        if c.recordID == failing { throw StorageFault(description: "this consequence fails") }
                        runs.ids.withLock { $0.append(c.recordID) }
                        try await tx.append(
                            AuditDraft(
                                actor: "system:test", action: .registryUpdate,
                                record: AuditRecord(type: c.recordType, id: c.recordID.uuidString, state: c.state)))
                        return "counted"
                    }, afterCommit: nil)
            ], audit: ctx.app.pactum.audit, clock: ctx.clock.appClock)
    }

    @Test("one status vocabulary: open, due, overdue, suspended (time left frozen), met, late, lapsed")
    func vocabulary() {
        let due = Date(timeIntervalSince1970: 1_800_000_000)
        let p = ClockPosition(dueAt: due)
        #expect(p.status(at: due.addingTimeInterval(-2 * 86_400)) == .open)
        #expect(
            p.status(at: due.addingTimeInterval(-3_600)) == .due && p.hoursLeft(at: due.addingTimeInterval(-3_600)) == 1
        )
        #expect(p.status(at: due.addingTimeInterval(1)) == .overdue)
        let suspended = ClockPosition(dueAt: due, suspendedAt: due.addingTimeInterval(-7_200))
        #expect(suspended.status(at: due.addingTimeInterval(86_400)) == .suspended)
        #expect(suspended.hoursLeft(at: due.addingTimeInterval(86_400)) == 2)
        #expect(suspended.resumedDue(at: due) == due.addingTimeInterval(7_200))
        #expect(ClockPosition(dueAt: due, stoppedAt: due).status(at: due.addingTimeInterval(9e5)) == .met)
        #expect(ClockPosition(dueAt: due, stoppedAt: due.addingTimeInterval(1)).status(at: due) == .late)
        #expect(ClockPosition(dueAt: due, lapsedAt: due).status(at: due) == .lapsed)
    }

    @Test(
        "a lapse is applied once, even by concurrent sweeps; a failing consequence neither stops the others nor lapses")
    func exactlyOnce() async throws {
        try await withPactum { ctx in
            let due = try await (0..<20).asyncMap { _ in try await Self.start(ctx, due: -60) }
            let failing = try await Self.start(ctx, due: -30)
            let later = try await Self.start(ctx, due: 3_600)
            let runs = Runs()
            let scheduler = Self.scheduler(ctx, runs: runs, failing: failing.recordID)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await scheduler.sweep(on: ctx.db)["TEST-RULE"] ?? 0 } }
                return try await group.reduce(0, +)
            }
            #expect(counts == 20)
            #expect(Set(runs.ids.withLock { $0 }) == Set(due.map(\.recordID)) && runs.ids.withLock { $0.count } == 20)
            let entries = try await AuditEntry.query(on: ctx.db).filter(\.$actor == "system:test").count()
            #expect(entries == 20)
            let after = try await LegalClock.query(on: ctx.db).all()
            #expect(after.filter { $0.lapsedAt != nil }.count == 20)
            #expect(after.first { $0.id == failing.id }?.lapsedAt == nil)
            #expect(after.first { $0.id == later.id }?.status(at: ctx.clock.now) == .due)
            // Time passes: the later one lapses at the next sweep; the failing one is tried again.
            ctx.clock.advance(by: 7_200)
            #expect(try await scheduler.sweep(on: ctx.db)["TEST-RULE"] == 1)
            #expect(try await LegalClock.find(later.id, on: ctx.db)?.lapseOutcome == "counted")
        }
    }

    @Test("stopped and suspended clocks do not lapse; resuming moves the limit by the time suspended")
    func stopAndSuspend() async throws {
        try await withPactum { ctx in
            let clocks = ctx.app.pactum.clocks
            let stopped = try await Self.start(ctx, due: 60)
            let suspended = try await Self.start(ctx, due: 60)
            try await clocks.stop(record: stopped.recordID, event: "done", at: ctx.clock.now, on: ctx.db)
            try await clocks.suspend(record: suspended.recordID, rules: ["TEST-RULE"], at: ctx.clock.now, on: ctx.db)
            ctx.clock.advance(by: 3_600)
            let runs = Runs()
            #expect(try await Self.scheduler(ctx, runs: runs).sweep(on: ctx.db).isEmpty)
            try await clocks.resume(record: suspended.recordID, rules: ["TEST-RULE"], at: ctx.clock.now, on: ctx.db)
            let resumed = try #require(try await LegalClock.find(suspended.id, on: ctx.db))
            #expect(resumed.dueAt == suspended.dueAt.addingTimeInterval(3_600))
            #expect(resumed.status(at: ctx.clock.now) == .due)
            #expect(try await LegalClock.find(stopped.id, on: ctx.db)?.status(at: ctx.clock.now) == .met)
            let worklist = try await clocks.worklist(.registry, state: .DE, on: ctx.db)
            #expect(worklist.map(\.id) == [suspended.id])
        }
    }

    @Test("a message is immutable once sent: its payload cannot change, its receipts can")
    func immutableMessages() async throws {
        try await withPactum { ctx in
            let exchange = ExchangeService(clock: ctx.clock.appClock)
            let m = try await exchange.send(
                RegistryNotice(kind: "hit", message: "IT registered a dataset.", citation: "EDAC Art 27(4)"),
                from: .IT, to: .DE, about: MessageSubject(type: "registry.dataset", id: UUID(), reference: "DE-1"),
                on: ctx.db)
            #expect(try m.read(RegistryNotice.self).kind == "hit")
            #expect(try await exchange.acknowledge(m, official: "officer@de", on: ctx.db))
            #expect(try await !exchange.acknowledge(m, official: "other@de", on: ctx.db))
            let id = try m.requireID()
            await #expect(throws: (any Error).self) {
                try await ctx.sql.update(ExchangeMessage.schema).set("payload", to: Data("{}".utf8))
                    .where("id", .equal, id).run()
            }
            await #expect(throws: (any Error).self) {
                try await ctx.sql.update(ExchangeMessage.schema).set("receiver", to: "FR").where("id", .equal, id).run()
            }
            let stored = try #require(try await ExchangeMessage.find(id, on: ctx.db))
            #expect(stored.acknowledgedBy == "officer@de" && stored.receiver == .DE)
        }
    }
}

/// The records whose consequence ran, in order.
final class Runs: Sendable {
    let ids = Mutex<[UUID]>([])
}

extension Sequence where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
