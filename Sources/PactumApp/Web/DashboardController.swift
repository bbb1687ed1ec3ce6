import Fluent
import Foundation
import PactumLaw
import Vapor

/// The home page of each role: its queues with their counts and nearest limits, each a link
/// to the worklist behind it, then the starting points of the work it can do.
struct DashboardController: RouteCollection {
    let access: AccessControl
    let clock: AppClock
    let registry: RegistryService
    let screening: ScreeningService
    let monitoring: MonitoringService

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: dashboard)
        routes.get("about", use: about)
    }

    /// Counts of the last 24 hours in the user's Member State: aggregates, no personal data.
    struct OversightSummary: Encodable, Sendable {
        var entries: Int
        var failedLogins: Int
        var deniedAccesses: Int
    }

    /// A piece of work the user's roles can start, where there is no queue to show.
    struct StartLink: Encodable, Sendable {
        var label: String
        var href: String
    }

    struct Dashboard: Encodable, Sendable {
        var roles: String
        var queues: [TaskQueue]
        var starts: [StartLink]
        var oversight: OversightSummary?
    }

    func dashboard(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        func may(_ action: Action) -> Bool { !access.policy.purposes(of: principal, for: action).isEmpty }
        // The role's own purpose for each queue, as every route takes it; a count reads no record.
        func caller(_ action: Action) async throws -> Caller {
            try await req.caller(action, purpose: nil, with: access)
        }
        var queues: [TaskQueue] = []
        if may(.readScreening) {
            queues.append(try await screening.openQueue(of: try await caller(.readScreening), on: req.db))
        }
        if may(.receiveReferrals) {
            queues.append(try await screening.referralQueue(of: try await caller(.receiveReferrals), on: req.db))
        }
        if may(.registerDataset) {
            queues.append(try await registry.transmissionQueue(of: try await caller(.registerDataset), on: req.db))
        }
        if may(.reviewCandidates) {
            queues.append(try await registry.candidateQueue(of: try await caller(.reviewCandidates), on: req.db))
        }
        if may(.readNotices) {
            queues.append(try await registry.noticeQueue(of: try await caller(.readNotices), on: req.db))
        }
        if may(.monitorScreening) {
            queues.append(try await monitoring.allegationQueue(of: try await caller(.monitorScreening), on: req.db))
        }
        let starts: [(Action, String, String)] = [
            (.openScreening, "start.open-screening", "/screening#open"),
            (.registerDataset, "start.register", "/registry/new"),
            (.searchRegistry, "start.search", "/registry"),
            (.recordScreening, "start.representatives", "/screening/representatives"),
            (.loadWatchlists, "start.watchlist", "/screening/watchlists"),
        ]
        var oversight: OversightSummary?
        if may(.readAuditTrail) {
            let counts = try await access.audit.summary(
                state: principal.state.code, since: clock.now().addingTimeInterval(-86_400), on: req.db)
            oversight = OversightSummary(
                entries: counts.entries, failedLogins: counts.failures, deniedAccesses: counts.denied)
        }
        return try await req.renderPage(
            "Web/dashboard", title: "title.dashboard",
            Dashboard(
                roles: principal.roles.sorted().map { req.words.label(.role, $0.rawValue) }.joined(separator: ", "),
                queues: queues,
                starts: starts.filter { may($0.0) }.map { StartLink(label: req.words($0.1), href: $0.2) },
                oversight: oversight))
    }

    struct About: Encodable, Sendable {
        var instruments: [PactInstrument]
        var rulesEdition: String
        var version: String
    }

    func about(req: Request) async throws -> Response {
        try await req.renderPage(
            "Web/about", title: "title.about",
            About(instruments: PactInstrument.all, rulesEdition: PactInstrument.rulesEdition, version: Pactum.version))
    }
}

/// The release of Pactum.
public enum Pactum {
    public static let version = "0.1.0"
}
