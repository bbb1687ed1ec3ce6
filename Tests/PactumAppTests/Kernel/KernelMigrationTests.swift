import Fluent
import Foundation
import PactumLaw
import SQLKit
import Testing
import Vapor

@testable import PactumApp

@Suite("Kernel migrations keep what a database held before them")
struct KernelMigrationTests {
    @Test("clocks that were columns and notices that were rows become legal clocks and exchange messages")
    func upgrade() async throws {
        var config = PactumConfiguration(dataDirectory: FileManager.default.temporaryDirectory)
        let schema = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        if let url = TestDatabase.postgresURL {
            config.databaseURL = url
            config.postgresSchema = schema
        } else {
            config.inMemory = true
        }
        let app = try await Application.make(.testing)
        do {
            try app.useDatabase(config)
            try await app.prepareDatabase(config)
            let law = DeadlineEngine()
            let all = PactumMigrations.all(law: law)
            let before = all.prefix { !($0 is CreateLegalClocks) }
            app.migrations.add(Array(before))
            try await app.autoMigrate()
            try await Self.insertOldRows(try app.db.sql())
            app.migrations.add(Array(all.dropFirst(before.count)))
            try await app.autoMigrate()

            let clocks = try await LegalClock.query(on: app.db).all()
            let transmission = try #require(clocks.first { $0.rule == "EDAC-A" })
            #expect(transmission.recordID == Self.dataset && transmission.variant == "technical")
            #expect(transmission.dueAt == Date(timeIntervalSince1970: 1_795_000_000))
            #expect(transmission.stoppedAt == Date(timeIntervalSince1970: 1_794_900_000))
            let retention = try #require(clocks.first { $0.rule == RetentionClocks.datasetRule })
            // The start of 1 January 2036 in Berlin.
            #expect(retention.dueAt == (try Date("2035-12-31T23:00:00Z", strategy: .iso8601)))
            let screening = try #require(clocks.first { $0.rule == "SCR-T1" })
            #expect(screening.recordID == Self.screening && screening.reason == "at the border")
            #expect(screening.stoppedAt == nil && screening.dueAt == Date(timeIntervalSince1970: 1_795_100_000))
            let message = try #require(try await ExchangeMessage.find(Self.notice, on: app.db))
            #expect(message.sender == .IT && message.receiver == .DE && message.caseID == Self.dataset)
            #expect(try message.read(RegistryNotice.self) == RegistryNotice(kind: "hit", message: "m", citation: "c"))
            #expect(message.acknowledgedBy == "officer@de")
            #expect(clocks.contains { $0.rule == "EDAC-NOTICE" && $0.recordID == Self.notice && $0.stoppedAt != nil })
            // JSON kept as text before typed storage reads as its type.
            let candidate = try #require(try await Candidate.find(Self.candidate, on: app.db))
            #expect(candidate.status == .falseHit && candidate.explanation.value == nil && candidate.evidence == nil)
            let allegation = try #require(try await Allegation.find(Self.allegation, on: app.db))
            #expect(allegation.category == .detention && allegation.status == .received)
            #expect(allegation.history.value.map(\.at) == [try Date("2026-11-20T10:00:00Z", strategy: .iso8601)])
            let screened = try #require(try await ScreeningCase.find(Self.screening, on: app.db))
            let hits = try #require(screened.securityHits?.value)
            #expect(hits == [SecurityHit(source: "sis", list: "SIS", kind: "alert", alertReference: "A-1")])
            // The biographic columns moved into the one group, with what they held.
            let registered = try #require(try await Dataset.find(Self.dataset, on: app.db))
            #expect(registered.bio.givenNames == "Ana" && registered.bio.familyNames == "Old")
            #expect(
                screened.bio.givenNames == "Ana" && screened.bio.familyNames == "Old" && screened.bio.otherNames == nil)
            #expect(registered.bio.identityRecord == screened.bio.identityRecord)
        } catch {
            await Self.drop(app, schema)
            try? await app.asyncShutdown()
            throw error
        }
        await Self.drop(app, schema)
        try await app.asyncShutdown()
    }

    static let person = UUID()
    static let dataset = UUID()
    static let screening = UUID()
    static let notice = UUID()
    static let candidate = UUID()
    static let allegation = UUID()

    /// Rows as the previous schema held them: a transmitted dataset with an extended limit, an
    /// open screening, and an acknowledged notice.
    static func insertOldRows(_ sql: any SQLDatabase) async throws {
        let at = Date(timeIntervalSince1970: 1_794_800_000)
        try await sql.insert(into: "registry_persons").columns("id", "created_at").values(SQLBind(person), SQLBind(at))
            .run()
        try await sql.insert(into: "registry_datasets")
            .columns(
                "id", "person_id", "state_code", "category", "reference", "given_names", "family_names", "event_at",
                "transmitted_at", "transmission_due_at", "transmission_rule", "transmission_variant", "operator_id",
                "erase_on", "created_at", "updated_at"
            )
            .values(
                SQLBind(dataset), SQLBind(person), SQLBind("DE"), SQLBind("A"), SQLBind("DE-OLD-1"), SQLBind("Ana"),
                SQLBind("Old"), SQLBind(at), SQLBind(Date(timeIntervalSince1970: 1_794_900_000)),
                SQLBind(Date(timeIntervalSince1970: 1_795_000_000)), SQLBind("EDAC-A"), SQLBind("technical"),
                SQLBind("cli"), SQLBind("2036-01-01"), SQLBind(at), SQLBind(at)
            ).run()
        try await sql.insert(into: "screening_cases")
            .columns(
                "id", "state_code", "reference", "situation", "event_place", "clock_rule", "clock_reason",
                "given_names", "family_names", "officer_id", "event_at", "started_at", "due_at", "created_at",
                "updated_at", "identity_confirmed", "nationality_confirmed", "minor", "unaccompanied", "applied",
                "security_hits"
            )
            .values(
                SQLBind(screening), SQLBind("IT"), SQLBind("IT-OLD-1"), SQLBind("disembarkation"), SQLBind("Lampedusa"),
                SQLBind("SCR-T1"), SQLBind("at the border"), SQLBind("Ana"), SQLBind("Old"), SQLBind("cli"),
                SQLBind(at), SQLBind(at), SQLBind(Date(timeIntervalSince1970: 1_795_100_000)), SQLBind(at), SQLBind(at),
                SQLBind(false), SQLBind(false), SQLBind(false), SQLBind(false), SQLBind(false),
                SQLBind(#"[{"source":"sis","list":"SIS","kind":"alert","alertReference":"A-1"}]"#)
            ).run()
        // A false hit, whose explanation was emptied to "", and an allegation's history as
        // JSON text with ISO 8601 dates.
        try await sql.insert(into: "registry_candidates")
            .columns(
                "id", "probe_id", "match_id", "probe_state", "match_state", "probability", "weight", "explanation",
                "status", "created_at", "source"
            )
            .values(
                SQLBind(candidate), SQLBind(dataset), SQLBind(dataset), SQLBind("DE"), SQLBind("DE"), SQLBind(0.9),
                SQLBind(1.0), SQLBind(""), SQLBind("false-hit"), SQLBind(at), SQLBind("fingerprints")
            ).run()
        try await sql.insert(into: "monitoring_allegations")
            .columns(
                "id", "state_code", "received_at", "category", "description", "status", "history", "monitor_id",
                "updated_at"
            )
            .values(
                SQLBind(allegation), SQLBind("IT"), SQLBind(at), SQLBind("detention"), SQLBind("d"),
                SQLBind("received"),
                SQLBind(#"[{"status":"received","at":"2026-11-20T10:00:00Z","by":"m@it"}]"#), SQLBind("cli"),
                SQLBind(at)
            ).run()
        try await sql.insert(into: "registry_notices")
            .columns(
                "id", "from_state", "to_state", "kind", "recipient_dataset_id", "recipient_reference", "message",
                "citation", "created_at", "due_at", "read_at", "read_by"
            )
            .values(
                SQLBind(notice), SQLBind("IT"), SQLBind("DE"), SQLBind("hit"), SQLBind(dataset), SQLBind("DE-OLD-1"),
                SQLBind("m"), SQLBind("c"), SQLBind(at), SQLBind(at.addingTimeInterval(72 * 3600)), SQLBind(at),
                SQLBind("officer@de")
            ).run()
    }

    static func drop(_ app: Application, _ schema: String) async {
        guard TestDatabase.isPostgres, let sql = app.db as? any SQLDatabase else { return }
        try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
