import Fluent
import Foundation
import PactumLaw
import Vapor

/// The monitor's pages: spot checks, allegations with their next steps, and the annual report
/// as a printable page.
struct MonitoringPageController: RouteCollection {
    let monitoring: MonitoringService
    let screening: ScreeningService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        let m = routes.grouped("monitoring")
        m.get(use: home)
        m.post("spot-checks", use: spotCheck)
        m.post("allegations", use: allegation)
        m.post("allegations", ":id", "status", use: move)
        m.get("report", use: report)
    }

    struct Page: Encodable, Sendable {
        var spotChecks: [MonitoringService.SpotCheckView]
        var allegations: [MonitoringService.AllegationView]
        var categories: [SelectOption]
        /// The screenings a finding may concern, by reference: none is typed by its id.
        var screenings: [SelectOption]
        var errors: [Problem.FieldError]
        var year: Int
    }

    private func render(_ req: Request, errors: [Problem.FieldError] = [], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.monitorScreening, purpose: nil, with: access)
        let (checks, allegations) = try await monitoring.overview(by: caller, on: req.db)
        let reader = try await req.caller(.readScreening, purpose: nil, with: access)
        let cases =
            try await screening.worklist(by: reader, on: req.db) + screening.referred(by: reader, on: req.db)
        let year = Calendar(identifier: .gregorian).component(.year, from: monitoring.clock.now())
        return try await req.renderPage(
            "Monitoring/monitoring", title: "title.monitoring",
            Page(
                spotChecks: checks, allegations: allegations,
                categories: AllegationCategory.allCases.map {
                    .init(value: $0.rawValue, label: req.words.label(.code, $0.rawValue), selected: false)
                },
                screenings: cases.map {
                    .init(
                        value: $0.id.uuidString,
                        label:
                            "\($0.reference) · \(req.words.label(.code, $0.situation)) · \(req.words.day($0.startedAt, in: caller.state.timeZone))",
                        selected: false)
                }, errors: errors, year: year), status: status)
    }

    func home(req: Request) async throws -> Response { try await render(req) }

    private func handle(_ req: Request, _ body: (Caller) async throws -> Flash) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.monitorScreening, purpose: nil, with: access)
        return try await req.submitForm(field: "") {
            return try req.redirect(to: "/monitoring", flash: try await body(caller))
        } again: { errors, status in
            try await render(req, errors: errors, status: status)
        }
    }

    func spotCheck(req: Request) async throws -> Response {
        try await handle(req) { caller in
            _ = try await monitoring.recordSpotCheck(
                try req.content.decode(MonitoringService.SpotCheckInput.self), by: caller, on: req.db)
            return .spotCheckRecorded
        }
    }

    func allegation(req: Request) async throws -> Response {
        try await handle(req) { caller in
            _ = try await monitoring.recordAllegation(
                try req.content.decode(MonitoringService.AllegationInput.self), by: caller, on: req.db)
            return .allegationRecorded
        }
    }

    func move(req: Request) async throws -> Response {
        try await handle(req) { caller in
            let moved = try await monitoring.move(
                try req.uuidParameter("id"), try req.content.decode(MonitoringService.StatusInput.self), by: caller,
                on: req.db)
            return .allegationMoved(to: moved.status)
        }
    }

    func report(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.monitorScreening, purpose: nil, with: access)
        let year =
            req.query[Int.self, at: "year"]
            ?? Calendar(identifier: .gregorian).component(.year, from: monitoring.clock.now())
        let report = try await monitoring.report(year: year, by: caller, on: req.db)
        let rows =
            report.screenings.sorted { $0.key < $1.key }.map {
                Row(
                    section: req.words("report.section.situations"), label: req.words.label(.code, $0.key),
                    count: $0.value)
            }
            + report.referrals.sorted { $0.key < $1.key }.map {
                Row(
                    section: req.words("report.section.referrals"), label: req.words.label(.code, $0.key),
                    count: $0.value)
            }
            + report.allegations.sorted { $0.key < $1.key }.flatMap { category, statuses in
                statuses.sorted { $0.key < $1.key }.map {
                    Row(
                        section: req.words("report.section.allegations"),
                        label: "\(req.words.label(.code, category)): \(req.words.label(.code, $0.key))", count: $0.value
                    )
                }
            }
        return try await req.renderPage(
            "Monitoring/monitoring-report", title: "title.report", titleValues: [String(year)],
            ReportPage(report: report, rows: rows))
    }

    struct Row: Encodable, Sendable {
        var section, label: String
        var count: Int
    }

    struct ReportPage: Encodable, Sendable {
        var report: MonitoringService.AnnualReport
        var rows: [Row]
    }
}
