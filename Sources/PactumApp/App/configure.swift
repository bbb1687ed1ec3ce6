import Fluent
import Foundation
import Leaf
import LeafKit
import NIOCore
import PactumLaw
import Prometheus
import Vapor

/// The services of one running Pactum, built once from the configuration and handed to the
/// route collections by constructor.
struct PactumServices: Sendable {
    let config: PactumConfiguration
    let audit: AuditLog
    let auth: AuthService
    let access: AccessControl
    let metrics: PrometheusCollectorRegistry
    let law: DeadlineEngine
    let clocks: ClockService
    let scheduler: ClockScheduler
    let feed: RegistryChangeFeed
    let registry: RegistryService
    let screening: ScreeningService
    let monitoring: MonitoringService
}

extension Application {
    /// Wires storage, migrations, middleware, views and routes. Migrations run here, so a
    /// fresh data directory is ready as soon as this returns.
    public func configurePactum(_ config: PactumConfiguration) async throws {
        try useDatabase(config)
        let law = DeadlineEngine(settings: config.periodSettings, decrees: try config.holidayDecrees())
        migrations.add(PactumMigrations.all(law: law))
        // Two processes starting on one empty database: one migrates, the other waits and
        // finds the migrations done.
        try await serialised(.migrations, config) {
            try await prepareDatabase(config)
            try await autoMigrate()
        }

        let services = try makeServices(config, law: law)
        storage[ServicesKey.self] = services
        // The feed's position is read before the index is built: what commits meanwhile is
        // applied by the feed afterwards.
        services.feed.move(to: try await RegistryChangeFeed.latest(on: db))
        try await services.registry.index.load(on: db, logger: logger)

        routes.defaultMaxBodySize = ByteCount(stringLiteral: config.maxBodySize)
        // ISO 8601 dates and unescaped slashes ("Regulation (EU) 2024/1348") in every JSON
        // answer. Vapor keeps this one setting process-wide; every app sets the same value.
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        sessions.use { _ in DatabaseSessionDriver(clock: config.clock, lifetime: config.sessionLifetime) }
        sessions.configuration = SessionsConfiguration(cookieName: "pactum-session") { id in
            HTTPCookies.Value(
                string: id.string, maxAge: Int(config.sessionLifetime), path: "/", isSecure: config.secureCookies,
                isHTTPOnly: true, sameSite: .strict)
        }

        let resources = Bundle.module.bundleURL.appendingPathComponent("Resources")
        storage[CatalogueKey.self] = try MessageCatalogue.load(from: resources.appendingPathComponent("Locales"))
        views.use(.leaf)
        leaf.tags["t"] = TextTag()
        leaf.tags["plural"] = PluralTag()
        leaf.tags["message"] = MessageTag()
        leaf.tags["timeleft"] = TimeLeftTag()
        leaf.tags["decimal"] = DecimalTag()
        leaf.tags["label"] = LabelTag()
        leaf.tags["local"] = LocalTimeTag()
        leaf.sources = .singleSource(
            NIOLeafFiles(
                // Not `.default`: it refuses hidden directories, and SwiftPM builds under `.build`.
                fileio: fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: resources.path,
                viewDirectory: resources.appendingPathComponent("Views").path + "/"))

        // Outermost first: every response gets a request id and is counted, every error
        // becomes a problem.
        middleware = .init()
        middleware.use(RequestIDMiddleware())
        middleware.use(RequestMetricsMiddleware(registry: services.metrics))
        middleware.use(SecurityHeadersMiddleware(strictTransport: config.secureCookies))
        middleware.use(ProblemMiddleware(pages: LeafErrorPages()))
        middleware.use(MethodGuardMiddleware())
        try registerRoutes(services, resources: resources)
    }

    func makeServices(_ config: PactumConfiguration, law: DeadlineEngine) throws -> PactumServices {
        let audit = AuditLog(
            clock: config.clock, concurrency: config.databaseURL == nil ? 1 : config.postgresConnectionsPerLoop)
        let limiter = RateLimiter(clock: config.clock)
        let auth = AuthService(
            hasher: try PasswordHasher(cost: config.bcryptCost, threadPool: threadPool), audit: audit,
            clock: config.clock, limiter: limiter, limits: config.rateLimits,
            maxFailedLogins: config.maxFailedLogins, lockoutDuration: config.lockoutDuration,
            tokenLifetime: config.tokenLifetime)
        let clocks = ClockService(clock: config.clock)
        let metrics = PrometheusCollectorRegistry()
        let index = RegistryIndex(settings: config.registry)
        let registry = RegistryService(
            audit: audit, law: law, index: index, feed: RegistryChangeFeed(index: index, metrics: metrics),
            clock: config.clock,
            clocks: clocks, exchange: ExchangeService(clock: config.clock), settings: config.registry,
            erasureFollowers: [ScreeningErasure()], exportFollowers: [ScreeningExport()])
        let screening = ScreeningService(
            audit: audit, law: law, clock: config.clock, clocks: clocks, registry: registry,
            connectors: [WatchlistConnector(threshold: config.screening.watchlistThreshold)],
            settings: config.screening)
        return PactumServices(
            config: config, audit: audit, auth: auth,
            access: AccessControl(policy: Policy(), audit: audit, limiter: limiter, limits: config.rateLimits),
            metrics: metrics, law: law, clocks: clocks,
            scheduler: ClockScheduler(
                consequences: [registry.retention, screening.retention], audit: audit, clock: config.clock),
            feed: registry.feed,
            registry: registry, screening: screening,
            monitoring: MonitoringService(audit: audit, clock: config.clock, clocks: clocks))
    }

    /// The services wired by `configurePactum`, for the CLI and the tests.
    var pactum: PactumServices {
        guard let services = storage[ServicesKey.self] else { fatalError("configurePactum(_:) has not run") }
        return services
    }

    private struct ServicesKey: StorageKey { typealias Value = PactumServices }
}
