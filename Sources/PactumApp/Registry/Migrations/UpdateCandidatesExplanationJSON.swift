import Fluent
import SQLKit

/// A candidate's explanation is now typed JSON (`JSONText<MatchExplanation?>`): the empty text
/// that stood for "none" (false hits, biometric candidates without a biographic score) becomes
/// JSON `null`, so every row reads.
struct UpdateCandidatesExplanationJSON: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql().update(Candidate.schema).set("explanation", to: "null")
            .where("explanation", .equal, "").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql().update(Candidate.schema).set("explanation", to: "")
            .where("explanation", .equal, "null").run()
    }
}
