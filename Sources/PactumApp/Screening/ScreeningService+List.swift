import Fluent
import Foundation
import PactumLaw

/// One page of the screening worklist and how many screenings pass its filters.
struct ScreeningListPage: Sendable {
    var screenings: [ScreeningView]
    var total: Int
}

extension ScreeningService {
    /// The worklist filtered, sorted and paged (`ScreeningListQuery`). Screenings whose limit
    /// runs come from the clocks, nearest first; referred ones from the table, newest first, so
    /// that a finished screening stays findable until its retention ends (SCR Art 18(7)). One
    /// audit entry for the page, with what it showed.
    func list(_ q: ScreeningListQuery, by caller: Caller, on db: any Database) async throws -> ScreeningListPage {
        let page: ScreeningListPage
        if q.status == .referred {
            page = try await referred(q, of: caller.state, on: db)
        } else {
            var all = try await running(of: caller.state, on: db).filter(q.matches)
            if q.sort == .newest { all.sort { $0.startedAt > $1.startedAt } }
            page = .init(
                screenings: Array(all.dropFirst(q.offset).prefix(ScreeningListQuery.pageSize)), total: all.count)
        }
        try await audit.record(
            caller.draft(
                .screeningRead, "screening.worklist", nil, state: caller.state.code,
                detail: "\(page.screenings.count) of \(page.total) \(q.status.rawValue)"),
            on: db)
        return page
    }

    private func referred(_ q: ScreeningListQuery, of state: MemberState, on db: any Database) async throws
        -> ScreeningListPage
    {
        let now = clock.now()
        let query = ScreeningCase.query(on: db).filter(\.$state == state).filter(\.$referredAt != nil)
        if let situation = q.situation { query.filter(\.$situation == situation) }
        // A whole code of the list "SYR,IRQ": "D" (Germany) must not find "SDN".
        if let n = q.nationality {
            query.group(.or) {
                $0.filter(\.$bio.$nationalities == n).filter(\.$bio.$nationalities =~ "\(n),")
                    .filter(\.$bio.$nationalities ~= ",\(n)").filter(\.$bio.$nationalities ~~ ",\(n),")
            }
        }
        let total = try await query.count()
        if q.sort == .newest { query.sort(\.$startedAt, .descending) } else { query.sort(\.$referredAt, .descending) }
        let cases = try await query.range(q.offset..<(q.offset + ScreeningListQuery.pageSize)).all()
        let limits = try await clocks.clocks(records: try cases.map { try $0.requireID() }, on: db)
        for c in cases {
            c.limit = LegalClock.latest(
                of: (limits[try c.requireID()] ?? []).filter { ScreeningClock.rules.contains($0.rule) })
        }
        let views = try cases.filter { $0.limit != nil }.map { try ScreeningView($0, now: now) }
        return .init(screenings: views, total: total)
    }
}
