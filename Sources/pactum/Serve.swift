import ArgumentParser
import Foundation
import Logging
import PactumApp

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web UI and the API (migrates the database first).")

    @OptionGroup var storage: StorageOptions

    @Option(name: [.customShort("H"), .long], help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(name: .shortAndLong, help: "Port to listen on.")
    var port = 8080

    @Flag(help: "Load the demo data set and print its logins before serving.")
    var demo = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
    }

    func run() async throws {
        try await withRuntime(storage, defaultLogLevel: .info) { runtime in
            let base = "http://\(hostname):\(port)"
            print("Pactum \(Pactum.version): \(storage.configuration().storageDescription)")
            if demo {
                print(DemoData.banner(try await runtime.loadDemo(), baseURL: base))
            } else if try await runtime.userCount() == 0 {
                print(
                    "No users yet. Create one with: pactum users create --state DE --role asylum-caseworker --email you@example.org"
                )
                print("or start with demo data: pactum serve --demo")
            }
            print("Serving on \(base)")
            // Flush, so that the logins reach a pipe (tests, supervisors) before the server blocks.
            fflush(nil)
            try await runtime.serve(hostname: hostname, port: port)
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema, then exit.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await withRuntime(storage) { _ in
            print("Database is up to date: \(storage.configuration().storageDescription)")
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo data set (users for every role in DE, IT and ES) and print its logins.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await withRuntime(storage) { runtime in
            print(DemoData.banner(try await runtime.loadDemo(), baseURL: "http://127.0.0.1:8080"))
        }
    }
}
