import Fluent
import Foundation
import PactumLaw

extension RegistryService {
    /// Datasets of the caller's state whose transmission limit runs (EDAC Art 15 and the
    /// category articles), nearest first.
    func transmissionQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let now = clock.now()
        let s = try await clocks.summary(
            .registry, state: caller.state, rules: EurodacCategory.transmissionRules, at: now, on: db)
        return TaskQueue(
            id: "transmissions", count: s.running, alert: s.overdue > 0 ? s.overdue : nil,
            nearest: s.nearest.map { ClockView($0, now: now) }, href: "/registry/worklist")
    }

    /// Candidates of the caller's state that wait for an expert (EDAC Art 38(4)); fingerprint
    /// and face candidates apart from name-only ones.
    func candidateQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let biometric = try await pendingCandidates(of: caller, kind: .biometric, on: db)
        let all = biometric + (try await pendingCandidates(of: caller, kind: .biographic, on: db))
        return TaskQueue(id: "candidates", count: all, alert: biometric > 0 ? biometric : nil, href: "/registry/review")
    }

    /// How many candidates of one queue wait; a count, so no read of personal data.
    func pendingCandidates(of caller: Caller, kind: ReviewQueueKind, on db: any Database) async throws -> Int {
        try await pending(of: caller, kind: kind, on: db).count()
    }

    /// Notices other states sent to the caller's state that nobody has acknowledged.
    func noticeQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let unread = try await exchange.unacknowledged(.registryNotice, of: caller.state, on: db)
        return TaskQueue(id: "notices", count: unread, href: "/registry/inbox")
    }
}
