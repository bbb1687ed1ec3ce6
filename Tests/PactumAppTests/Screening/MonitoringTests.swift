import Fluent
import Foundation
import PactumLaw
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Fundamental-rights monitoring (SCR Art 10)")
struct MonitoringTests {
    @Test("spot checks and allegations followed to their outcome, and the annual report")
    func mechanism() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .GR)
            let c = try await officer.openScreening(["eventPlace": "Samos"])
            let monitor = try await RegistryClient.make(ctx, .fundamentalRightsMonitor, state: .GR)
            let check = try await monitor.send(
                .POST, "/api/v1/monitoring/spot-checks",
                [
                    "location": "Samos CCAC", "unannounced": "true", "findings": "Interpretation missing at night",
                    "screeningId": c.id.uuidString,
                ])
            #expect(check.status == .created)
            let allegation = try await monitor.send(
                .POST, "/api/v1/monitoring/allegations",
                [
                    "category": "access-to-asylum", "description": "Application not registered",
                    "screeningId": c.id.uuidString,
                ]
            ).json(MonitoringService.AllegationView.self)
            #expect(
                allegation.status == "received" && allegation.next == ["investigating", "unsubstantiated", "closed"])
            let path = "/api/v1/monitoring/allegations/\(allegation.id)/status"
            #expect(try await monitor.send(.POST, path, ["status": "substantiated"]).status == .unprocessableEntity)
            #expect(try await monitor.send(.POST, path, ["status": "investigating"]).status == .ok)
            #expect(
                try await monitor.send(.POST, path, ["status": "referred-to-proceedings"]).status
                    == .unprocessableEntity)
            let referred = try await monitor.send(
                .POST, path, ["status": "referred-to-proceedings", "outcome": "Sent to the public prosecutor"])
            let view = try referred.json(MonitoringService.AllegationView.self)
            #expect(view.history.map(\.status) == ["received", "investigating", "referred-to-proceedings"])
            let report = try await monitor.decode(
                MonitoringService.AnnualReport.self, .GET, "/api/v1/monitoring/report?year=2026")
            #expect(
                report.screenings == ["disembarkation": 1] && report.spotChecks == 1
                    && report.unannouncedSpotChecks == 1)
            #expect(report.allegations == ["access-to-asylum": ["referred-to-proceedings": 1]])
            #expect(
                try await officer.send(.POST, "/api/v1/monitoring/spot-checks", ["location": "x", "findings": "y"])
                    .status == .forbidden)
            let other = try await RegistryClient.make(ctx, .fundamentalRightsMonitor, state: .IT)
            #expect(try await other.send(.POST, path, ["status": "closed", "outcome": "x"]).status == .notFound)
        }
    }

    @Test("a stored status or history that does not read is a fault answered with a 500, never a default")
    func unreadableStorage() async throws {
        try await withPactum { ctx in
            let monitor = try await RegistryClient.make(ctx, .fundamentalRightsMonitor, state: .GR)
            let allegation = try await monitor.send(
                .POST, "/api/v1/monitoring/allegations", ["category": "detention", "description": "Held overnight"]
            ).json(MonitoringService.AllegationView.self)
            let sql = try ctx.db.sql()
            for (column, value) in [("status", "lost"), ("history", "[{\"status\": 1}]")] {
                try await sql.update(Allegation.schema).set(SQLIdentifier(column), to: value)
                    .where("id", .equal, allegation.id).run()
                let response = try await monitor.send(.GET, "/api/v1/monitoring")
                #expect(response.status == .internalServerError, "\(column): \(response.body.string)")
                #expect(try response.problem().status == 500)
                // Put it back, so the next column is the only fault.
                try await sql.update(Allegation.schema).set(
                    SQLIdentifier(column), to: column == "status" ? "received" : "[]"
                )
                .where("id", .equal, allegation.id).run()
            }
            #expect(try await monitor.send(.GET, "/api/v1/monitoring").status == .ok)
        }
    }
}
