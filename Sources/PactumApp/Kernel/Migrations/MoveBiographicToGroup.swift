import Fluent
import SQLKit

/// The datasets' and screenings' biographic columns become the one `Biographic` group
/// (`bio_given_names` …); screenings gain the two name fields they did not have. Renamed in
/// place, so no row is copied and indexes follow.
struct MoveBiographicToGroup: AsyncMigration {
    static let tables = [Dataset.schema, ScreeningCase.schema]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        for table in Self.tables {
            let existing = Set(try await Self.columns(of: table, on: sql))
            for column in Biographic.required + Biographic.optional {
                if existing.contains(column) {
                    try await sql.raw(
                        "ALTER TABLE \(ident: table) RENAME COLUMN \(ident: column) TO \(ident: Self.grouped(column))"
                    ).run()
                } else {
                    try await database.schema(table).field(.string(Self.grouped(column)), .string).update()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await database.schema(ScreeningCase.schema).deleteField(.string(Self.grouped("names_at_birth")))
            .deleteField(.string(Self.grouped("other_names"))).update()
        for table in Self.tables {
            let existing = Set(try await Self.columns(of: table, on: sql))
            for column in Biographic.required + Biographic.optional where existing.contains(Self.grouped(column)) {
                try await sql.raw(
                    "ALTER TABLE \(ident: table) RENAME COLUMN \(ident: Self.grouped(column)) TO \(ident: column)"
                ).run()
            }
        }
    }

    static func grouped(_ column: String) -> String { "\(Biographic.key.description)_\(column)" }

    /// The table's column names, on SQLite and on PostgreSQL.
    static func columns(of table: String, on sql: any SQLDatabase) async throws -> [String] {
        struct Column: Decodable { var name: String }
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all(decoding: Column.self)
                .map(\.name)
        }
        return try await sql.raw(
            """
            SELECT column_name AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(bind: table)
            """
        ).all(decoding: Column.self).map(\.name)
    }
}
