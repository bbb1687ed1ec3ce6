import Fluent
import PactumLaw
import SQLKit

/// The 27 Member States and the four Dublin-associated states, as reference data that user
/// and case records point to.
struct CreateMemberStates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("member_states")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("membership", .string, .required)
            .field("time_zone", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        var insert = sql.insert(into: "member_states").columns("code", "name", "membership", "time_zone")
        for state in MemberState.allCases {
            insert = insert.values(state.code, state.name, state.membership.rawValue, state.timeZoneIdentifier)
        }
        try await insert.run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("member_states").delete()
    }
}
