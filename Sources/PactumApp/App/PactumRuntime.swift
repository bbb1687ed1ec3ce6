import Fluent
import Foundation
import Logging
import PactumLaw
import Vapor

/// What the command-line entry point does with a configured application. The `pactum`
/// executable stays thin: it parses arguments and calls these.
public struct PactumRuntime: Sendable {
    public let app: Application

    /// Makes and configures an application (migrating the database) for one command.
    public static func start(_ config: PactumConfiguration) async throws -> PactumRuntime {
        // The CLI parses its own arguments; Vapor's command gets none but the default "serve".
        let app = try await Application.make(Environment(name: "production", arguments: ["pactum"]))
        do {
            try await app.configurePactum(config)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return PactumRuntime(app: app)
    }

    public func shutdown() async throws { try await app.asyncShutdown() }

    /// Who runs the CLI, for the audit trail.
    public static var cliActor: String {
        let env = ProcessInfo.processInfo.environment
        return "cli:" + (env["USER"] ?? env["LOGNAME"] ?? "uid-\(getuid())")
    }

    /// Loads the demo data set once: of two processes starting with `--demo` on one database,
    /// one loads it and the other finds it loaded.
    public func loadDemo() async throws -> DemoData.Loaded {
        let loaded = try await app.serialised(.demo, app.pactum.config) { try await loadDemoOnce() }
        // Every page then says that what it shows is demonstration data (Web/base.leaf).
        app.storage[DemoMarker.self] = true
        return loaded
    }

    private func loadDemoOnce() async throws -> DemoData.Loaded {
        var loaded = try await DemoData(auth: app.pactum.auth).load(on: app.db)
        loaded.registryDatasets = try await DemoRegistry(registry: app.pactum.registry).load(on: app.db)
        loaded.screenings = try await DemoScreening(screening: app.pactum.screening, monitoring: app.pactum.monitoring)
            .load(on: app.db)
        return loaded
    }

    /// Serves HTTP until a signal stops it (Vapor's own serve command). Meanwhile the
    /// scheduler applies the consequences of lapsed clocks (the retention erasures among them)
    /// at start and then at every interval.
    public func serve(hostname: String, port: Int) async throws {
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        let services = app.pactum
        app.lifecycle.use(
            ClockSchedulerService(scheduler: services.scheduler, interval: services.config.schedulerInterval))
        app.lifecycle.use(
            RegistryChangeFeedService(
                feed: services.feed, databaseURL: services.config.databaseURL,
                pollInterval: services.config.changeFeedPollInterval))
        try await app.execute()
    }

    /// Runs the retention clocks that are due once (EDAC Art 29(10); SCR Art 18(7)); returns
    /// how many datasets and screenings it erased.
    public func eraseExpiredDatasets() async throws -> (datasets: Int, screenings: Int) {
        let lapsed = try await app.pactum.scheduler.sweep(
            only: [RetentionClocks.datasetRule, RetentionClocks.screeningRule], on: app.db, logger: app.logger)
        return (lapsed[RetentionClocks.datasetRule] ?? 0, lapsed[RetentionClocks.screeningRule] ?? 0)
    }

    /// Creates a user and returns the one-time password.
    public func createUser(
        email: String, displayName: String, state: MemberState, authority: String, roles: Set<Role>
    ) async throws -> String {
        let (_, password) = try await app.pactum.auth.createUser(
            email: email, displayName: displayName, state: state, authority: authority, roles: roles,
            operator: Self.cliActor, on: app.db)
        return password
    }

    public func unlockUser(email: String) async throws {
        try await app.pactum.auth.unlock(email: email, operator: Self.cliActor, on: app.db)
    }

    /// Users of one state (or all), as listed by operators; the listing is audited.
    public func listUsers(state: MemberState?) async throws -> [UserSummary] {
        let query = User.query(on: app.db).sort(\.$stateCode).sort(\.$email)
        if let state { query.filter(\.$stateCode == state.code) }
        let users = try await query.all()
        try await app.pactum.audit.record(
            AuditDraft(
                actor: Self.cliActor, action: .userList, record: AuditRecord(type: "user", id: nil, state: state),
                purpose: .accountManagement, detail: "\(users.count) users"), on: app.db)
        return users.map {
            UserSummary(
                email: $0.email, displayName: $0.displayName, state: $0.stateCode, authority: $0.authority,
                roles: $0.roleList.split(separator: ",").map(String.init),
                locked: $0.isLocked(at: app.pactum.config.clock.now()),
                mustChangePassword: $0.mustChangePassword)
        }
    }

    /// Backs the whole database up into `folder` (docs/OPERATIONS.md). The backup is itself
    /// an entry of the trail, made before the copy so that the copy holds it.
    public func backup(to folder: URL) async throws -> BackupManifest {
        try await app.pactum.audit.record(
            AuditDraft(actor: Self.cliActor, action: .backupCreate, purpose: .systemOperation, detail: folder.path),
            on: app.db)
        return try await Backup.create(into: folder, config: app.pactum.config, db: app.db, audit: app.pactum.audit)
    }

    /// Replaces the database with a backup (the server must be stopped), then checks the
    /// restored chain and counts against the backup's manifest and records the restore.
    public static func restore(from folder: URL, _ config: PactumConfiguration) async throws -> (
        BackupManifest, AuditVerification
    ) {
        let manifest = try Backup.restore(from: folder, config: config)
        let runtime = try await start(config)
        do {
            let verification = try await Backup.check(manifest, db: runtime.app.db, audit: runtime.app.pactum.audit)
            try await runtime.app.pactum.audit.record(
                AuditDraft(
                    actor: cliActor, action: .backupRestore, purpose: .systemOperation,
                    detail: "\(folder.path), backup of \(ISO8601DateFormatter().string(from: manifest.createdAt))"),
                on: runtime.app.db)
            try await runtime.shutdown()
            return (manifest, verification)
        } catch {
            try? await runtime.shutdown()
            throw error
        }
    }

    public func verifyAudit() async throws -> AuditVerification {
        try await app.pactum.audit.verify(on: app.db)
    }
}

public struct UserSummary: Codable, Sendable {
    public var email: String
    public var displayName: String
    public var state: String
    public var authority: String
    public var roles: [String]
    public var locked: Bool
    public var mustChangePassword: Bool
}

extension PactumRuntime {
    /// How many accounts exist (to tell a new operator how to create the first one).
    public func userCount() async throws -> Int { try await User.query(on: app.db).count() }
}
