import Fluent
import Foundation
import PactumLaw
import SQLKit

/// The one table of legal clocks, with the indexes the worklists and the scheduler read by.
struct CreateLegalClocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LegalClock.schema)
            .id()
            .field("rule_id", .string, .required)
            .field("owner", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .uuid, .required)
            .field("state_code", .string, .required, .references("member_states", "code"))
            .field("trigger", .string, .required)
            .field("triggered_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("citation", .string, .required)
            .field("consequence", .string, .required)
            .field("reason", .string)
            .field("variant", .string)
            .field("variant_grounds", .string)
            .field("suspended_at", .datetime)
            .field("stopped_at", .datetime)
            .field("stop_event", .string)
            .field("lapsed_at", .datetime)
            .field("lapse_outcome", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        // Partial indexes over the running clocks: the worklists read them in the order of
        // the limit, the scheduler by rule and limit; ended clocks stay out of both.
        let sql = try database.sql()
        let running = "WHERE stopped_at IS NULL AND lapsed_at IS NULL"
        try await sql.raw(
            "CREATE INDEX legal_clocks_worklist ON legal_clocks (owner, state_code, due_at, id) \(unsafeRaw: running)"
        ).run()
        try await sql.raw("CREATE INDEX legal_clocks_sweep ON legal_clocks (rule_id, due_at, id) \(unsafeRaw: running)")
            .run()
        try await sql.create(index: "legal_clocks_record").on(LegalClock.schema).column("record_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LegalClock.schema).delete()
    }
}

/// Moves the clocks that were columns of the registry's datasets and of the screenings into
/// `legal_clocks`, then drops the columns: a transmission limit (running, or stopped by the
/// transmission), the retention of a transmitted dataset (EDAC Art 29(10)), a screening's limit
/// (stopped by its referral) and the retention of a referred screening without a dataset (SCR
/// Art 18(7)). Nothing is lost: every value of the dropped columns is in a clock.
struct MoveClocksToLegalClocks: AsyncMigration {
    let law: DeadlineEngine

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let clocks = ClockService(clock: AppClock { Date() })
        let retention = RetentionClocks(law: law)
        for row in try await sql.raw(
            """
            SELECT id, state_code, category, event_at, transmitted_at, transmission_due_at, transmission_rule,
            transmission_variant, erase_on FROM registry_datasets
            """
        ).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let state = try row.decode(column: "state_code", as: MemberState.self)
            let rule = try row.decode(column: "transmission_rule", as: String.self)
            let transmitted = try row.decode(column: "transmitted_at", as: Date?.self)
            let catalogued = ClockRule.named(rule)
            let c = try await clocks.start(
                ClockStart(
                    rule: rule, owner: .registry, recordType: "registry.dataset", recordID: id, state: state,
                    trigger: catalogued?.trigger ?? rule,
                    triggeredAt: try row.decode(column: "event_at", as: Date.self),
                    dueAt: try row.decode(column: "transmission_due_at", as: Date.self),
                    citation: catalogued?.citation ?? "", consequence: catalogued?.consequence ?? "",
                    variant: try row.decode(column: "transmission_variant", as: String?.self)), on: database)
            if let transmitted {
                c.stoppedAt = transmitted
                c.stopEvent = "transmit"
                try await c.save(on: database)
            }
            if let day = try row.decode(column: "erase_on", as: String?.self).flatMap(CivilDate.init(iso:)) {
                try await clocks.start(
                    retention.dataset(id, state: state, transmitted: transmitted ?? Date(), eraseOn: day), on: database)
            }
        }
        for row in try await sql.raw(
            "SELECT id, state_code, situation, dataset_id, started_at, due_at, clock_rule, clock_reason, referred_at FROM screening_cases"
        ).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let state = try row.decode(column: "state_code", as: MemberState.self)
            let rule = try row.decode(column: "clock_rule", as: String.self)
            let referred = try row.decode(column: "referred_at", as: Date?.self)
            let catalogued = ClockRule.named(rule)
            let c = try await clocks.start(
                ClockStart(
                    rule: rule, owner: .screening, recordType: "screening", recordID: id, state: state,
                    trigger: catalogued?.trigger ?? rule,
                    triggeredAt: try row.decode(column: "started_at", as: Date.self),
                    dueAt: try row.decode(column: "due_at", as: Date.self), citation: catalogued?.citation ?? "",
                    consequence: catalogued?.consequence ?? "",
                    reason: try row.decode(column: "clock_reason", as: String.self)), on: database)
            guard let referred else { continue }
            c.stoppedAt = referred
            c.stopEvent = "refer"
            try await c.save(on: database)
            let situation = try row.decode(column: "situation", as: ScreeningSituation.self)
            if try row.decode(column: "dataset_id", as: UUID?.self) == nil,
                let start = retention.screening(id, state: state, situation: situation, referredAt: referred)
            {
                try await clocks.start(start, on: database)
            }
        }
        for column in ["transmission_due_at", "transmission_rule", "transmission_variant"] {
            try await sql.raw("ALTER TABLE registry_datasets DROP COLUMN \(ident: column)").run()
        }
        for column in ["due_at", "clock_rule", "clock_reason"] {
            try await sql.raw("ALTER TABLE screening_cases DROP COLUMN \(ident: column)").run()
        }
    }

    /// The move is one way: the clocks are the record once it has run.
    func revert(on database: any Database) async throws {
        throw StorageFault(description: "the move of the clocks into legal_clocks cannot be reverted")
    }
}
