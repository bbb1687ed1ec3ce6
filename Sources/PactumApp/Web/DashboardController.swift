import Fluent
import Foundation
import PactumLaw
import Vapor

/// The home page of each role, and the About page.
struct DashboardController: RouteCollection {
    let access: AccessControl
    let clock: AppClock

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: dashboard)
        routes.get("about", use: about)
    }

    struct RoleCard: Encodable, Sendable {
        var title: String
        var summary: String
    }

    /// Counts of the last 24 hours in the user's Member State: aggregates, no personal data.
    struct OversightSummary: Encodable, Sendable {
        var entries: Int
        var failedLogins: Int
        var deniedAccesses: Int
    }

    struct Dashboard: Encodable, Sendable {
        var roles: [RoleCard]
        var oversight: OversightSummary?
    }

    func dashboard(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        var oversight: OversightSummary?
        if !access.policy.purposes(of: principal, for: .readAuditTrail).isEmpty {
            let counts = try await access.audit.summary(
                state: principal.state.code, since: clock.now().addingTimeInterval(-86_400), on: req.db)
            oversight = OversightSummary(
                entries: counts.entries, failedLogins: counts.failures, deniedAccesses: counts.denied)
        }
        let cards = principal.roles.sorted().map { RoleCard(title: $0.title, summary: $0.summary) }
        return try await req.renderPage(
            "Web/dashboard", title: "Dashboard", Dashboard(roles: cards, oversight: oversight))
    }

    struct About: Encodable, Sendable {
        var instruments: [PactInstrument]
        var rulesEdition: String
        var version: String
    }

    func about(req: Request) async throws -> Response {
        try await req.renderPage(
            "Web/about", title: "About Pactum",
            About(instruments: PactInstrument.all, rulesEdition: PactInstrument.rulesEdition, version: Pactum.version))
    }
}

/// The release of Pactum.
public enum Pactum {
    public static let version = "0.1.0"
}
