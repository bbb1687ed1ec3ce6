import Fluent
import Foundation
import PactumLaw

/// What starts a clock: the limit (from PactumLaw's answer) and the record it runs on.
struct ClockStart: Sendable {
    var rule: String
    var owner: ClockOwner
    var recordType: String
    var recordID: UUID
    var state: MemberState
    var trigger: String
    var triggeredAt: Date
    var dueAt: Date
    var citation: String
    var consequence: String
    var reason: String?
    var variant: String?
    var variantGrounds: String?
}

extension ClockStart {
    /// A limit as PactumLaw computed it.
    init(
        _ deadline: Deadline, owner: ClockOwner, recordType: String, recordID: UUID, state: MemberState,
        triggeredAt: Date, reason: String? = nil, grounds: String? = nil
    ) throws {
        self.init(
            rule: deadline.rule, owner: owner, recordType: recordType, recordID: recordID, state: state,
            trigger: deadline.trigger, triggeredAt: triggeredAt, dueAt: try Date(deadline.expires, strategy: .iso8601),
            citation: deadline.citation, consequence: deadline.consequence, reason: reason, variant: deadline.variant,
            variantGrounds: grounds)
    }
}

/// Starts, stops, suspends and reads legal clocks, always inside the caller's transaction, so a
/// clock changes together with the record it runs on.
struct ClockService: Sendable {
    let clock: AppClock

    @discardableResult
    func start(_ s: ClockStart, on db: any Database) async throws -> LegalClock {
        let c = LegalClock()
        c.id = UUID()
        c.rule = s.rule
        c.owner = s.owner
        c.recordType = s.recordType
        c.recordID = s.recordID
        c.state = s.state
        c.trigger = s.trigger
        c.triggeredAt = s.triggeredAt
        c.dueAt = s.dueAt
        c.citation = s.citation
        c.consequence = s.consequence
        c.reason = s.reason
        c.variant = s.variant
        c.variantGrounds = s.variantGrounds
        c.createdAt = clock.now()
        c.updatedAt = c.createdAt
        try await c.create(on: db)
        return c
    }

    /// Stops the record's running clocks of `rules` (all when nil): the act they wait for happened.
    func stop(record: UUID, rules: [String]? = nil, event: String, at: Date, on db: any Database) async throws {
        let query = running(on: db).filter(\.$recordID == record)
        if let rules { query.filter(\.$rule ~~ rules) }
        try await query.set(\.$stoppedAt, to: at).set(\.$stopEvent, to: event).set(\.$updatedAt, to: clock.now())
            .update()
    }

    /// Freezes the time left of the record's running clocks of `rules`.
    func suspend(record: UUID, rules: [String], at: Date, on db: any Database) async throws {
        try await running(on: db).filter(\.$recordID == record).filter(\.$rule ~~ rules).filter(\.$suspendedAt == nil)
            .set(\.$suspendedAt, to: at).set(\.$updatedAt, to: clock.now()).update()
    }

    /// Resumes suspended clocks, moving each limit later by the time spent suspended.
    func resume(record: UUID, rules: [String], at: Date, on db: any Database) async throws {
        for c in try await running(on: db).filter(\.$recordID == record).filter(\.$rule ~~ rules)
            .filter(\.$suspendedAt != nil).all()
        {
            c.dueAt = c.position.resumedDue(at: at)
            c.suspendedAt = nil
            c.updatedAt = clock.now()
            try await c.save(on: db)
        }
    }

    /// The record's clock of `rules` that counts now (see `LegalClock.latest`).
    func latest(record: UUID, rules: [String], on db: any Database) async throws -> LegalClock? {
        LegalClock.latest(
            of: try await LegalClock.query(on: db).filter(\.$recordID == record).filter(\.$rule ~~ rules).all())
    }

    /// Every clock, running or ended, of the records.
    func clocks(records: [UUID], on db: any Database) async throws -> [UUID: [LegalClock]] {
        guard !records.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await LegalClock.query(on: db).filter(\.$recordID ~~ records).all(), by: \.recordID)
    }

    /// The worklist of one capability in one state: running clocks by time left (the nearest
    /// limit first; suspended ones where their frozen limit falls). `rules` narrows it.
    func worklist(
        _ owner: ClockOwner, state: MemberState, rules: [String]? = nil, limit: Int? = nil, offset: Int = 0,
        on db: any Database
    ) async throws -> [LegalClock] {
        let query = running(on: db).filter(\.$owner == owner).filter(\.$state == state)
        if let rules { query.filter(\.$rule ~~ rules) }
        query.sort(\.$dueAt).sort(\.$id)
        if let limit { query.range(offset..<(offset + limit)) }
        return try await query.all()
    }

    /// What a dashboard shows of a worklist: how many clocks run, how many passed their limit
    /// uncounted, and the nearest one. Three indexed queries, no record read.
    func summary(
        _ owner: ClockOwner, state: MemberState, rules: [String], at now: Date, on db: any Database
    ) async throws -> ClockSummary {
        func query() -> QueryBuilder<LegalClock> {
            running(on: db).filter(\.$owner == owner).filter(\.$state == state).filter(\.$rule ~~ rules)
        }
        return ClockSummary(
            running: try await query().count(),
            overdue: try await query().filter(\.$suspendedAt == nil).filter(\.$dueAt < now).count(),
            nearest: try await query().sort(\.$dueAt).sort(\.$id).first())
    }

    func delete(records: [UUID], on db: any Database) async throws {
        guard !records.isEmpty else { return }
        try await LegalClock.query(on: db).filter(\.$recordID ~~ records).delete()
    }

    private func running(on db: any Database) -> QueryBuilder<LegalClock> {
        LegalClock.query(on: db).filter(\.$stoppedAt == nil).filter(\.$lapsedAt == nil)
    }
}

/// The figures of one worklist for a dashboard (`ClockService.summary`).
struct ClockSummary: Sendable {
    var running: Int
    var overdue: Int
    var nearest: LegalClock?
}
