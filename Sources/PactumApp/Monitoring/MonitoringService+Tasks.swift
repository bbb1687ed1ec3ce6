import Fluent
import Foundation
import PactumLaw

extension MonitoringService {
    /// Allegations of the caller's state not closed yet (SCR Art 10(2)(c)).
    func allegationQueue(of caller: Caller, on db: any Database) async throws -> TaskQueue {
        let count = try await Allegation.query(on: db).filter(\.$stateCode == caller.state.code)
            .filter(\.$status != .closed).count()
        return TaskQueue(id: "allegations", count: count, href: "/monitoring")
    }
}
