import Fluent
import Foundation
import PactumLaw
import SQLKit

/// The messages between Member States, immutable but for their receipts.
struct CreateExchangeMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ExchangeMessage.schema)
            .id()
            .field("kind", .string, .required)
            .field("sender", .string, .required, .references("member_states", "code"))
            .field("receiver", .string, .required, .references("member_states", "code"))
            .field("case_type", .string, .required)
            .field("case_id", .uuid)
            .field("case_reference", .string, .required)
            .field("payload", .data, .required)
            .field("digest", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("received_at", .datetime)
            .field("acknowledged_at", .datetime)
            .field("acknowledged_by", .string)
            .create()
        let sql = try database.sql()
        try await sql.raw("CREATE INDEX exchange_messages_inbox ON exchange_messages (receiver, kind, sent_at)").run()
        try await sql.raw("CREATE INDEX exchange_messages_case ON exchange_messages (case_id)").run()
        for statement in Self.immutable(dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        if try database.sql().dialect.name == "postgresql" {
            try await database.sql().raw("DROP FUNCTION IF EXISTS exchange_messages_immutable() CASCADE").run()
        }
        try await database.schema(ExchangeMessage.schema).delete()
    }

    /// What was sent never changes: only the receipts may be written afterwards.
    static let content = [
        "id", "kind", "sender", "receiver", "case_type", "case_id", "case_reference", "payload", "digest", "sent_at",
    ]

    static func immutable(dialect: String) -> [String] {
        if dialect == "postgresql" {
            let changed = content.map { "NEW.\($0) IS DISTINCT FROM OLD.\($0)" }.joined(separator: " OR ")
            return [
                """
                CREATE FUNCTION exchange_messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF \(changed) THEN RAISE EXCEPTION 'exchange messages are immutable'; END IF; RETURN NEW; END $$
                """,
                """
                CREATE TRIGGER exchange_messages_no_change BEFORE UPDATE ON exchange_messages
                FOR EACH ROW EXECUTE FUNCTION exchange_messages_immutable()
                """,
            ]
        }
        return [
            """
            CREATE TRIGGER exchange_messages_no_change BEFORE UPDATE OF \(content.joined(separator: ", "))
            ON exchange_messages BEGIN SELECT RAISE(ABORT, 'exchange messages are immutable'); END
            """
        ]
    }
}

/// The registry's notices become exchange messages, each with the central system's 72-hour
/// limit as a clock (EDAC-NOTICE), stopped by its delivery; then `registry_notices` goes.
struct MoveNoticesToExchange: AsyncMigration {
    let law: DeadlineEngine

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let clocks = ClockService(clock: AppClock { Date() })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for row in try await sql.raw(
            """
            SELECT id, from_state, to_state, kind, recipient_dataset_id, recipient_reference, message, citation,
            created_at, read_at, read_by FROM registry_notices
            """
        ).all() {
            let m = ExchangeMessage()
            m.id = try row.decode(column: "id", as: UUID.self)
            m.kind = .registryNotice
            m.sender = try row.decode(column: "from_state", as: MemberState.self)
            m.receiver = try row.decode(column: "to_state", as: MemberState.self)
            m.caseType = "registry.dataset"
            m.caseID = try row.decode(column: "recipient_dataset_id", as: UUID?.self)
            m.caseReference = try row.decode(column: "recipient_reference", as: String.self)
            m.payload = try encoder.encode(
                RegistryNotice(
                    kind: try row.decode(column: "kind", as: String.self),
                    message: try row.decode(column: "message", as: String.self),
                    citation: try row.decode(column: "citation", as: String.self)))
            m.digest = sha256Hex(m.payload)
            m.sentAt = try row.decode(column: "created_at", as: Date.self)
            m.receivedAt = m.sentAt
            m.acknowledgedAt = try row.decode(column: "read_at", as: Date?.self)
            m.acknowledgedBy = try row.decode(column: "read_by", as: String?.self)
            try await m.create(on: database)
            let clock = try await clocks.start(try RegistryNotice.clock(for: m, law: law), on: database)
            clock.stoppedAt = m.sentAt
            clock.stopEvent = "delivered"
            try await clock.save(on: database)
        }
        try await sql.raw("DROP TABLE registry_notices").run()
    }

    func revert(on database: any Database) async throws {
        throw StorageFault(description: "the move of the notices into exchange_messages cannot be reverted")
    }
}
