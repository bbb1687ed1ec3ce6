import ArgumentParser
import Foundation
import Logging
import PactumApp
import PactumLaw

@main
struct PactumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pactum",
        abstract: "The EU Pact on Migration and Asylum, end to end: server, registry and legal engine.",
        discussion: """
            With no subcommand, `pactum` serves the web UI and the API (as `pactum serve`).
            Data lives in a SQLite file under --data-dir unless DATABASE_URL names a PostgreSQL database.
            """,
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Users.self, Audit.self, Law.self, Identity.self, Registry.self,
            MRZ.self, BackupCommand.self,
        ],
        defaultSubcommand: Serve.self)
}

/// Where the data is: every subcommand that touches data takes these.
struct StorageOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: "Directory of the embedded SQLite database (ignored when DATABASE_URL is set).")
    var dataDirectory = "./pactum-data"

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level?

    func configuration() -> PactumConfiguration {
        PactumConfiguration.fromEnvironment(dataDirectory: dataDirectory)
    }

    /// Starts logging and a configured, migrated application for one command.
    func start(defaultLogLevel: Logger.Level = .warning) async throws -> PactumRuntime {
        bootstrapLogging(defaultLogLevel: defaultLogLevel)
        return try await PactumRuntime.start(configuration())
    }

    /// Logging to standard error at the level asked for (once per process).
    func bootstrapLogging(defaultLogLevel: Logger.Level = .warning) {
        let level =
            logLevel ?? ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
            ?? defaultLogLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Runs `body` with a started runtime and always shuts it down.
func withRuntime<T>(
    _ storage: StorageOptions, defaultLogLevel: Logger.Level = .warning, _ body: (PactumRuntime) async throws -> T
)
    async throws -> T
{
    let runtime = try await storage.start(defaultLogLevel: defaultLogLevel)
    do {
        let result = try await body(runtime)
        try await runtime.shutdown()
        return result
    } catch {
        try? await runtime.shutdown()
        throw error
    }
}

/// Prints a value as pretty JSON on standard output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A failure while running a command (unreadable file, missing data): printed as
/// `Error: …`, exit status 1, without the usage text that a wrong option gets.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
