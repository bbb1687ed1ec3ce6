import Foundation
import Vapor

extension Application {
    /// Every route of Pactum. Each group says how its users authenticate; each handler asks the
    /// policy itself, so that no route is open by omission (the route matrix test checks this).
    func registerRoutes(_ services: PactumServices, resources: URL) throws {
        let access = services.access
        let clock = services.config.clock

        // Operators: liveness, readiness, metrics. No personal data.
        try routes.register(collection: OperatorRoutes(registry: services.metrics))
        try routes.register(collection: try StaticAssets(directory: resources.appendingPathComponent("Public")))

        // API: bearer tokens only, so cross-site requests carry no credentials.
        let api = routes.grouped("api", "v1").grouped(BearerAuthenticator(auth: services.auth))
        try api.register(collection: try OpenAPIDocument(file: resources.appendingPathComponent("openapi.json")))
        try api.register(collection: AuthAPIController(auth: services.auth, access: access))
        try api.register(collection: AuditAPIController(access: access))
        try api.register(collection: LawAPIController(engine: services.law))
        try api.register(collection: LawCalculatorsAPIController())
        try api.register(collection: LawProceduresAPIController(engine: services.law, clock: services.config.clock))
        try api.register(collection: RegistryAPIController(registry: services.registry, access: access))
        try api.register(collection: ScreeningAPIController(screening: services.screening, access: access))
        try api.register(collection: MonitoringAPIController(monitoring: services.monitoring, access: access))

        // Web: session cookie plus a CSRF token on every form.
        let web = routes.grouped(
            sessions.middleware, SessionAuthenticator(),
            CSRFMiddleware(secureCookies: services.config.secureCookies))
        try web.register(collection: SessionController(auth: services.auth, audit: services.audit))
        try web.register(
            collection: DashboardController(
                access: access, clock: clock, registry: services.registry, screening: services.screening,
                monitoring: services.monitoring))
        try web.register(collection: AccountController(auth: services.auth, access: access))
        try web.register(collection: LanguageController(auth: services.auth, access: access))
        try web.register(collection: AuditPageController(access: access))
        try web.register(collection: LawPageController(engine: services.law))
        try web.register(collection: RegistryPageController(registry: services.registry, access: access))
        try web.register(collection: ReviewPageController(registry: services.registry, access: access))
        try web.register(collection: ScreeningPageController(screening: services.screening, access: access))
        try web.register(
            collection: MonitoringPageController(
                monitoring: services.monitoring, screening: services.screening, access: access))
    }
}

/// The stylesheet, read once at start.
struct StaticAssets: RouteCollection {
    let css: String

    init(directory: URL) throws {
        css = try String(contentsOf: directory.appendingPathComponent("pactum.css"), encoding: .utf8)
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("static", "pactum.css") { [css] _ in
            var headers = HTTPHeaders()
            headers.contentType = .css
            headers.cacheControl = .init(maxAge: 3600)
            return Response(status: .ok, headers: headers, body: .init(string: css))
        }
    }
}

/// `GET /api/v1/openapi.json`: the API description kept in the repository.
struct OpenAPIDocument: RouteCollection {
    let json: String

    init(file: URL) throws {
        json = try String(contentsOf: file, encoding: .utf8)
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json") { [json] _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: json))
        }
    }
}
