import Foundation
import PactumLaw

/// Everything an operator can set, gathered in one value so that the CLI, the tests and the
/// server read the same settings. Defaults are the embedded, single-machine deployment.
public struct PactumConfiguration: Sendable {
    /// Where the SQLite file lives when no `DATABASE_URL` is given.
    public var dataDirectory: URL
    /// `postgres://…` to use PostgreSQL; `nil` for the embedded SQLite file.
    public var databaseURL: String?
    /// Tests give each suite its own PostgreSQL schema so that they can run in parallel.
    public var postgresSchema: String?
    /// SQLite only: keep the database in memory (tests).
    public var inMemory: Bool = false
    /// Bcrypt cost; 12 in production, lower only in tests.
    public var bcryptCost: Int = 12
    /// Mark the session cookie `Secure`; on when Pactum is served over TLS or behind a TLS proxy.
    public var secureCookies: Bool = false
    /// How long a bearer token is valid.
    public var tokenLifetime: TimeInterval = 8 * 3600
    /// How long a web session is valid after login, however active.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Consecutive failed logins that lock an account.
    public var maxFailedLogins: Int = 5
    /// How long a locked account stays locked.
    public var lockoutDuration: TimeInterval = 15 * 60
    /// Sign-in and search limits (429 with Retry-After past them).
    public var rateLimits = RateLimits()
    /// Largest request body accepted by the API.
    public var maxBodySize: String = "256kb"
    /// Readings of the time rules left open by the texts (docs/LAW.md).
    public var periodSettings: PeriodSettings = .default
    /// Regional holiday decrees (Spain's communities, Portugal's islands), one CSV per region
    /// and year named `ES-CN-2026.csv`; `PACTUM_HOLIDAY_DECREES` (docs/LAW.md).
    public var holidayDecreesDirectory: URL?
    /// The registry's thresholds (docs/IDENTITY.md).
    public var registry = RegistrySettings()
    public var screening = ScreeningSettings()
    /// How often the scheduler looks for lapsed clocks and applies their consequences
    /// (`PACTUM_SCHEDULER_INTERVAL`, seconds).
    public var schedulerInterval: TimeInterval = 60
    /// How often the server reads the registry's change feed without being woken (PostgreSQL
    /// wakes it at each commit of another process).
    public var changeFeedPollInterval: TimeInterval = 5
    /// PostgreSQL connections per event loop (`PACTUM_DB_CONNECTIONS_PER_LOOP`; one loop per
    /// core). An audited transaction holds its connection while it waits for the audit chain,
    /// so one connection a loop would leave nothing for the reads of other requests.
    public var postgresConnectionsPerLoop = 4
    /// The time source; tests fix it.
    public var clock: AppClock = .system

    public init(dataDirectory: URL, databaseURL: String? = nil) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
    }

    /// Reads `DATABASE_URL` and `PACTUM_SECURE_COOKIES` from the environment.
    public static func fromEnvironment(dataDirectory: String) -> PactumConfiguration {
        let env = ProcessInfo.processInfo.environment
        var config = PactumConfiguration(
            dataDirectory: URL(fileURLWithPath: dataDirectory, isDirectory: true),
            databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 })
        config.secureCookies = ["1", "true", "yes"].contains(env["PACTUM_SECURE_COOKIES"]?.lowercased() ?? "")
        config.holidayDecreesDirectory = env["PACTUM_HOLIDAY_DECREES"].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true)
        }
        // Whole numbers per window; anything else keeps the default.
        func limit(_ name: String, _ keep: RateLimit) -> RateLimit {
            env[name].flatMap(Int.init).flatMap { $0 > 0 ? RateLimit(requests: $0, per: keep.window) : nil } ?? keep
        }
        if let seconds = env["PACTUM_SCHEDULER_INTERVAL"].flatMap(Double.init), seconds > 0 {
            config.schedulerInterval = seconds
        }
        if let n = env["PACTUM_DB_CONNECTIONS_PER_LOOP"].flatMap(Int.init), (1...64).contains(n) {
            config.postgresConnectionsPerLoop = n
        }
        config.rateLimits.signInPerAccount = limit("PACTUM_SIGN_IN_PER_ACCOUNT", config.rateLimits.signInPerAccount)
        config.rateLimits.signInPerAddress = limit("PACTUM_SIGN_IN_PER_ADDRESS", config.rateLimits.signInPerAddress)
        config.rateLimits.searchPerUser = limit("PACTUM_SEARCHES_PER_MINUTE", config.rateLimits.searchPerUser)
        return config
    }

    /// A short description of the storage, for start-up messages (no password).
    public var storageDescription: String {
        if let url = databaseURL, let parsed = URL(string: url) {
            return "PostgreSQL at \(parsed.host ?? "localhost"):\(parsed.port ?? 5432)\(parsed.path)"
        }
        return inMemory ? "SQLite in memory" : "SQLite at \(sqliteFile.path)"
    }

    var sqliteFile: URL { dataDirectory.appendingPathComponent("pactum.sqlite") }

    /// Reads every decree in `holidayDecreesDirectory`; a file that does not parse stops the start.
    func holidayDecrees() throws -> [HolidayDecree] {
        guard let directory = holidayDecreesDirectory else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }
        return try names.sorted().map { name in
            try HolidayDecree.read(file: directory.appendingPathComponent(name))
        }
    }
}

extension HolidayDecree {
    /// A decree file `ES-CN-2026.csv`: the region from its name, the days from its lines.
    static func read(file: URL) throws -> HolidayDecree {
        let name = file.deletingPathExtension().lastPathComponent
        let parts = name.split(separator: "-")
        guard parts.count == 3, let state = MemberState(code: String(parts[0])),
            let text = try? String(contentsOf: file, encoding: .utf8)
        else {
            throw DecreeFileError(
                file: file.lastPathComponent, message: "name it STATE-REGION-YEAR.csv, e.g. ES-CN-2026.csv")
        }
        do {
            let decree = try HolidayDecree(csv: text, state: state, subdivision: String(parts[1]))
            guard String(decree.year) == parts[2] else {
                throw DecreeFileError(file: file.lastPathComponent, message: "its days are in \(decree.year)")
            }
            return decree
        } catch let error as DecreeError {
            throw DecreeFileError(file: file.lastPathComponent, message: error.description)
        }
    }
}

/// A decree file that cannot be used, named, so the operator can fix it.
struct DecreeFileError: Error, CustomStringConvertible {
    var file: String
    var message: String
    var description: String { "holiday decree \(file): \(message)" }
}

/// The source of the current time, passed in so tests can fix it.
public struct AppClock: Sendable {
    public let now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = AppClock { Date() }
}
