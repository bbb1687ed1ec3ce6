import Fluent
import Foundation
import PactumLaw

extension ScreeningService {
    /// The screenings of the caller's state whose limit runs (SCR Art 8), nearest first.
    func openQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let now = clock.now()
        let s = try await clocks.summary(.screening, state: caller.state, rules: ScreeningClock.rules, at: now, on: db)
        return TaskQueue(
            id: "screenings", count: s.running, alert: s.overdue > 0 ? s.overdue : nil,
            nearest: s.nearest.map { ClockView($0, now: now) }, href: "/screening")
    }

    /// The forms referred to the caller's authority that nobody has acknowledged yet.
    func referralQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let waiting = try await referredTo(caller, on: db).filter(\.$receivedAt == nil).count()
        return TaskQueue(id: "referrals", count: waiting, href: "/screening/referrals")
    }
}
