import Fluent
import Foundation
import Vapor

/// `/api/v1/monitoring`: the independent monitoring mechanism (SCR Art 10): spot checks,
/// allegations followed to their outcome, and the annual report. Every handler needs the
/// monitor's action.
struct MonitoringAPIController: RouteCollection {
    let monitoring: MonitoringService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        let m = routes.grouped("monitoring")
        m.get(use: overview)
        m.post("spot-checks", use: spotCheck)
        m.post("allegations", use: allegation)
        m.post("allegations", ":id", "status", use: move)
        m.get("report", use: report)
    }

    private func caller(_ req: Request) async throws -> Caller {
        try await req.caller(.monitorScreening, purpose: req.query[String.self, at: "purpose"], with: access)
    }

    struct Overview: Content {
        var spotChecks: [MonitoringService.SpotCheckView]
        var allegations: [MonitoringService.AllegationView]
    }

    func overview(req: Request) async throws -> Overview {
        let (checks, allegations) = try await monitoring.overview(by: try await caller(req), on: req.db)
        return Overview(spotChecks: checks, allegations: allegations)
    }

    func spotCheck(req: Request) async throws -> Response {
        let caller = try await caller(req)
        let input = try req.decodeJSON(MonitoringService.SpotCheckInput.self)
        return try await monitoring.recordSpotCheck(input, by: caller, on: req.db).encodeResponse(
            status: .created, for: req)
    }

    func allegation(req: Request) async throws -> Response {
        let caller = try await caller(req)
        let input = try req.decodeJSON(MonitoringService.AllegationInput.self)
        return try await monitoring.recordAllegation(input, by: caller, on: req.db)
            .encodeResponse(status: .created, for: req)
    }

    func move(req: Request) async throws -> MonitoringService.AllegationView {
        let caller = try await caller(req)
        let input = try req.decodeJSON(MonitoringService.StatusInput.self)
        return try await monitoring.move(try req.uuidParameter("id"), input, by: caller, on: req.db)
    }

    func report(req: Request) async throws -> MonitoringService.AnnualReport {
        let caller = try await caller(req)
        guard let year = req.query[Int.self, at: "year"] else {
            throw InvalidInput([.init(field: "year", message: "is required, e.g. ?year=2026")])
        }
        return try await monitoring.report(year: year, by: caller, on: req.db)
    }
}
