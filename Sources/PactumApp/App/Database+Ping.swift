import FluentKit
import SQLKit

extension Database {
    /// Runs the cheapest query the database answers, to prove it is reachable.
    func ping() async throws {
        guard let sql = self as? any SQLDatabase else { return }
        try await sql.raw("SELECT 1").run()
    }
}
