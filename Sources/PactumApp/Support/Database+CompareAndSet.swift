import Fluent
import Foundation
import SQLKit

/// A storage fault that is Pactum's, not the client's: logged, answered with a bare 500.
struct StorageFault: Error, CustomStringConvertible {
    let description: String
}

extension Database {
    /// The database as SQL. Both drivers Pactum uses are SQL databases.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StorageFault(description: "not an SQL database") }
        return sql
    }

    /// Moves one row's `column` from `expected` to `new` in one statement
    /// (`UPDATE … SET column = new WHERE id = ? AND column = expected`), and says whether this
    /// call moved it. Of concurrent requests on one record exactly one gets `true`; the caller
    /// answers the others with 409.
    func compareAndSet(
        _ table: String, id: UUID, _ column: String, from expected: String, to new: String
    ) async throws -> Bool {
        try await sql().update(table).set(SQLIdentifier(column), to: new).where("id", .equal, id)
            .where(SQLIdentifier(column), .equal, expected).returning("id").first() != nil
    }
}
