import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// Every registered route against every role and an anonymous caller. A route added without
/// an entry here fails `everyRouteIsListed`, so nothing is open by omission.
@Suite("Authorization matrix: routes × roles")
struct RouteMatrixTests {
    enum Access {
        /// Anyone, signed in or not.
        case open
        /// Any signed-in user.
        case signedIn
        /// Only these roles.
        case only(Set<Role>)

        func allows(_ role: Role) -> Bool {
            switch self {
            case .open, .signedIn: true
            case .only(let roles): roles.contains(role)
            }
        }
    }

    static let oversight: Set<Role> = [.fundamentalRightsMonitor, .dataProtectionOfficer]
    static let registrars: Set<Role> = [.registryOperator, .screeningOfficer, .asylumCaseworker]
    static let updaters: Set<Role> = registrars.union([.dublinOfficer, .returnOfficer])
    static let searchers: Set<Role> = updaters.union([.fingerprintExpert])
    static let readers: Set<Role> = searchers.union([.dataProtectionOfficer])
    static let screener: Access = .only([.screeningOfficer])
    static let screeningReaders: Access = .only([.screeningOfficer, .fundamentalRightsMonitor])
    static let receivers: Access = .only([.asylumCaseworker, .returnOfficer])
    static let monitor: Access = .only([.fundamentalRightsMonitor])

    static let expected: [String: Access] = [
        "GET /health": .open,
        "GET /ready": .open,
        "GET /metrics": .open,
        "GET /static/pactum.css": .open,
        "GET /api/v1/openapi.json": .open,
        "POST /api/v1/auth/token": .open,
        "DELETE /api/v1/auth/token": .signedIn,
        "GET /api/v1/me": .signedIn,
        "POST /api/v1/me/password": .signedIn,
        "GET /api/v1/audit/entries": .only(oversight),
        "GET /api/v1/audit/verify": .only(oversight),
        "GET /api/v1/law/rules": .open,
        "GET /api/v1/law/rules/:id": .open,
        "GET /api/v1/law/holidays": .open,
        "GET /api/v1/law/period": .open,
        "GET /api/v1/law/deadline": .open,
        "POST /api/v1/law/responsibility": .open,
        "POST /api/v1/law/routing": .open,
        "POST /api/v1/law/dublin": .open,
        "POST /api/v1/law/appeal": .open,
        "POST /api/v1/law/subsequent": .open,
        "POST /api/v1/law/withdrawal": .open,
        "POST /api/v1/law/admissibility": .open,
        "POST /api/v1/law/border-budget": .open,
        "POST /api/v1/law/crisis": .open,
        "POST /api/v1/law/relocation": .open,
        "POST /api/v1/law/fair-share": .open,
        "POST /api/v1/law/border-capacity": .open,
        "GET /api/v1/law/retention": .open,
        "POST /api/v1/registry/datasets": .only(registrars),
        "POST /api/v1/registry/datasets/:id/biometrics": .only(registrars),
        "GET /api/v1/registry/datasets/:id": .only(readers),
        "POST /api/v1/registry/datasets/:id/events": .only(updaters),
        "POST /api/v1/registry/datasets/:id/rectification": .only([.dataProtectionOfficer]),
        "POST /api/v1/registry/datasets/:id/restriction": .only([.dataProtectionOfficer]),
        "POST /api/v1/registry/search": .only(readers),
        "GET /api/v1/registry/persons/:id": .only(readers),
        "GET /api/v1/registry/persons/:id/export": .only([.dataProtectionOfficer]),
        "GET /api/v1/registry/candidates": .only([.fingerprintExpert]),
        "POST /api/v1/registry/candidates/:id/decision": .only([.fingerprintExpert]),
        "GET /api/v1/registry/worklist": .only(readers),
        "GET /api/v1/registry/notices": .only(searchers),
        "POST /api/v1/registry/notices/:id/receipt": .only(searchers),
        "GET /registry": .only(readers),
        "POST /registry/search": .only(readers),
        "GET /registry/new": .only(registrars),
        "POST /registry/datasets": .only(registrars),
        "GET /registry/datasets/:id": .only(readers),
        "POST /registry/datasets/:id/events": .only(updaters),
        "POST /registry/datasets/:id/biometrics": .only(registrars),
        "POST /registry/datasets/:id/rectification": .only([.dataProtectionOfficer]),
        "POST /registry/datasets/:id/restriction": .only([.dataProtectionOfficer]),
        "GET /registry/persons/:id": .only(readers),
        "GET /registry/persons/:id/export": .only([.dataProtectionOfficer]),
        "GET /registry/persons/:id/export.json": .only([.dataProtectionOfficer]),
        "GET /registry/review": .only([.fingerprintExpert]),
        "GET /registry/candidates/:id": .only([.fingerprintExpert]),
        "POST /registry/candidates/:id/decision": .only([.fingerprintExpert]),
        "GET /registry/worklist": .only(readers),
        "GET /registry/inbox": .only(searchers),
        "POST /registry/notices/:id/receipt": .only(searchers),
        "POST /api/v1/screening/cases": screener,
        "GET /api/v1/screening/cases": screeningReaders,
        "GET /api/v1/screening/cases/:id": screeningReaders,
        "POST /api/v1/screening/cases/:id/health": screener,
        "POST /api/v1/screening/cases/:id/vulnerability": screener,
        "POST /api/v1/screening/cases/:id/safeguards": screener,
        "POST /api/v1/screening/cases/:id/identity": screener,
        "POST /api/v1/screening/cases/:id/biometrics": screener,
        "POST /api/v1/screening/cases/:id/security": screener,
        "POST /api/v1/screening/cases/:id/form": screener,
        "GET /api/v1/screening/cases/:id/form": screeningReaders,
        "GET /api/v1/screening/cases/:id/form/copy": screeningReaders,
        "POST /api/v1/screening/cases/:id/inaccuracies": screener,
        "POST /api/v1/screening/cases/:id/referral": screener,
        "GET /api/v1/screening/referrals": receivers,
        "POST /api/v1/screening/referrals/:id/receipt": receivers,
        "GET /api/v1/screening/representatives": screener,
        "POST /api/v1/screening/representatives": screener,
        "GET /api/v1/screening/watchlists": screener,
        "POST /api/v1/screening/watchlists/:list": screener,
        "GET /api/v1/monitoring": monitor,
        "POST /api/v1/monitoring/spot-checks": monitor,
        "POST /api/v1/monitoring/allegations": monitor,
        "POST /api/v1/monitoring/allegations/:id/status": monitor,
        "GET /api/v1/monitoring/report": monitor,
        "GET /screening": screeningReaders,
        "POST /screening/cases": screener,
        "GET /screening/cases/:id": screeningReaders,
        "POST /screening/cases/:id/:step": screener,
        "GET /screening/cases/:id/form": screeningReaders,
        "GET /screening/cases/:id/form/copy": screeningReaders,
        "GET /screening/referrals": receivers,
        "GET /screening/referrals/:id": receivers,
        "POST /screening/referrals/:id/receipt": receivers,
        "GET /screening/representatives": screener,
        "POST /screening/representatives": screener,
        "GET /screening/watchlists": screener,
        "POST /screening/watchlists": screener,
        "GET /monitoring": monitor,
        "POST /monitoring/spot-checks": monitor,
        "POST /monitoring/allegations": monitor,
        "POST /monitoring/allegations/:id/status": monitor,
        "GET /monitoring/report": monitor,
        "GET /law": .open,
        "GET /login": .open,
        "POST /login": .open,
        "POST /logout": .open,
        "GET /about": .open,
        "GET /": .signedIn,
        "GET /account/password": .signedIn,
        "POST /account/password": .signedIn,
        "GET /language/:code": .open,
        "POST /language": .signedIn,
        "GET /audit": .only(oversight),
        "GET /audit/verify": .only(oversight),
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test("every registered route has an expectation, and every expectation a route")
    func everyRouteIsListed() async throws {
        try await withPactum { ctx in
            let registered = Set(ctx.app.routes.all.map(Self.key))
            #expect(registered == Set(Self.expected.keys))
        }
    }

    @Test("API routes: anonymous callers get 401, roles without the grant 403, the others pass the gate")
    func apiMatrix() async throws {
        try await withPactum { ctx in
            var tokens: [Role: String] = [:]
            for role in Role.allCases { tokens[role] = try await ctx.token(for: try await ctx.makeUser(role)) }
            for route in ctx.app.routes.all where Self.key(route).contains(" /api/") {
                let key = Self.key(route)
                let access = try #require(Self.expected[key])
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                let json = route.method == .POST ? "{}" : nil
                let anonymous = try await ctx.send(route.method, path, json: json)
                if case .open = access {
                    #expect(anonymous.status != .unauthorized && anonymous.status != .forbidden, "\(key) anonymous")
                    continue
                }
                #expect(anonymous.status == .unauthorized, "\(key) anonymous: \(anonymous.status)")
                for role in Role.allCases where !(key == "DELETE /api/v1/auth/token") {
                    let status = try await ctx.send(route.method, path, token: tokens[role], json: json).status
                    if access.allows(role) {
                        #expect(status != .unauthorized && status != .forbidden, "\(key) as \(role): \(status)")
                    } else {
                        #expect(status == .forbidden, "\(key) as \(role): \(status)")
                    }
                }
            }
        }
    }

    @Test("web routes: anonymous visitors are sent to sign in, roles without the grant get 403")
    func webMatrix() async throws {
        try await withPactum { ctx in
            var users: [Role: User] = [:]
            for role in Role.allCases { users[role] = try await ctx.makeUser(role) }
            for route in ctx.app.routes.all {
                let key = Self.key(route)
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                guard !key.contains(" /api/"), !["/health", "/ready", "/metrics", "/static/pactum.css"].contains(path)
                else {
                    continue
                }
                let access = try #require(Self.expected[key])
                let visitor = WebSession(ctx)
                _ = try await visitor.get("/login")
                let anonymous =
                    route.method == .POST ? try await visitor.post(path, form: [:]) : try await visitor.get(path)
                switch access {
                case .open:
                    #expect(anonymous.status != .forbidden, "\(key) anonymous: \(anonymous.status)")
                    continue
                default:
                    #expect(anonymous.status == .seeOther, "\(key) anonymous: \(anonymous.status)")
                    #expect(anonymous.headers.first(name: .location) == "/login", "\(key) anonymous")
                }
                for role in Role.allCases {
                    let session = try await WebSession.signedIn(ctx, as: users[role]!)
                    let response =
                        route.method == .POST ? try await session.post(path, form: [:]) : try await session.get(path)
                    if access.allows(role) {
                        #expect(
                            response.status != .forbidden && response.status != .seeOther,
                            "\(key) as \(role): \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(key) as \(role): \(response.status)")
                    }
                }
            }
        }
    }

    @Test("every refusal of a signed-in user is itself in the audit trail")
    func refusalsAudited() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.jobSeeker)
            let token = try await ctx.token(for: user)
            #expect(
                try await ctx.send(.GET, "/api/v1/audit/entries?purpose=fundamental-rights-monitoring", token: token)
                    .status == .forbidden)
            let denied = try #require(try await AuditEntry.query(on: ctx.db).filter(\.$outcome == "denied").first())
            #expect(denied.actor == user.email && denied.action == "access.denied" && denied.recordType == "audit.read")
        }
    }
}
