import Fluent

/// The screening tables, and those of the monitoring mechanism (SCR Art 10), which were created
/// with them: a migration keeps its name and content once released.
struct CreateScreening: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Representative.schema)
            .id()
            .field("state_code", .string, .required, .references("member_states", "code"))
            .field("name", .string, .required)
            .field("organisation", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        var cases = database.schema(ScreeningCase.schema).id()
            .field("state_code", .string, .required, .references("member_states", "code"))
            .field("representative_id", .uuid, .references(Representative.schema, .id))
            .field("dataset_id", .uuid)
        for name in [
            "reference", "situation", "event_place", "clock_rule", "clock_reason", "given_names", "family_names",
            "officer_id",
        ] {
            cases = cases.field(.string(name), .string, .required)
        }
        for name in [
            "date_of_birth", "place_of_birth", "sex", "nationalities", "residence_countries", "languages",
            "document_type", "document_number", "document_country", "document_expiry", "mrz", "accompanying_adult",
            "health_outcome", "health_notes", "vulnerabilities", "special_needs", "security_hits", "family_members",
            "arrival_reason", "departure_point", "previous_residences", "transit_countries", "protection_sought_in",
            "intended_destination", "documents_held", "remarks", "inaccuracies", "referral", "receiving_authority",
            "receiving_state", "referral_reason", "form_snapshot",
        ] {
            cases = cases.field(.string(name), .string)
        }
        for name in ["event_at", "started_at", "due_at", "created_at", "updated_at"] {
            cases = cases.field(.string(name), .datetime, .required)
        }
        for name in [
            "safeguards_at", "health_at", "vulnerability_at", "identity_at", "security_at", "inaccuracies_at",
            "referred_at", "received_at",
        ] {
            cases = cases.field(.string(name), .datetime)
        }
        for name in ["identity_confirmed", "nationality_confirmed", "minor", "unaccompanied", "applied"] {
            cases = cases.field(.string(name), .bool, .required)
        }
        try await cases.field("security_hit", .bool).field("cooperated", .bool).field("registry_matches", .int)
            .unique(on: "state_code", "reference").create()
        try await database.schema(WatchlistEntry.schema)
            .id()
            .field("state_code", .string, .required, .references("member_states", "code"))
            .field("list", .string, .required)
            .field("kind", .string, .required)
            .field("alert_reference", .string, .required)
            .field("given_names", .string)
            .field("family_names", .string)
            .field("date_of_birth", .string)
            .field("nationalities", .string)
            .field("document_number", .string)
            .field("document_country", .string)
            .field("loaded_at", .datetime, .required)
            .create()
        try await database.schema(SpotCheck.schema)
            .id()
            .field("state_code", .string, .required, .references("member_states", "code"))
            .field("screening_id", .uuid, .references(ScreeningCase.schema, .id))
            .field("at", .datetime, .required)
            .field("location", .string, .required)
            .field("unannounced", .bool, .required)
            .field("findings", .string, .required)
            .field("monitor_id", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(Allegation.schema)
            .id()
            .field("state_code", .string, .required, .references("member_states", "code"))
            .field("screening_id", .uuid, .references(ScreeningCase.schema, .id))
            .field("received_at", .datetime, .required)
            .field("category", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("history", .string, .required)
            .field("monitor_id", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            Allegation.schema, SpotCheck.schema, WatchlistEntry.schema, ScreeningCase.schema, Representative.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
