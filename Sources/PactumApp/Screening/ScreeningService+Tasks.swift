import Fluent
import Foundation
import PactumLaw

extension ScreeningService {
    /// The screenings of the caller's state whose limit runs (SCR Art 8), nearest first.
    func openQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let now = clock.now()
        let s = try await clocks.summary(.screening, state: caller.state, rules: ScreeningClock.rules, at: now, on: db)
        return TaskQueue(
            id: "screenings", title: "Screenings in progress",
            count: s.running, detail: TaskQueue.noun(s.running, "screening open", "screenings open"),
            alert: s.overdue > 0 ? TaskQueue.count(s.overdue, "past its limit", "past their limit") : nil,
            nearest: s.nearest.map { ClockView($0, now: now) }, href: "/screening", link: "Open the screening worklist")
    }

    /// The forms referred to the caller's authority that nobody has acknowledged yet.
    func referralQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let waiting = try await referredTo(caller, on: db).filter(\.$receivedAt == nil).count()
        return TaskQueue(
            id: "referrals", title: "Referred screening forms", count: waiting,
            detail: TaskQueue.noun(waiting, "form to acknowledge", "forms to acknowledge"),
            href: "/screening/referrals", link: "Open the referred forms")
    }
}
