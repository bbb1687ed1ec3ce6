import ArgumentParser
import PactumApp

struct Registry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The identity registry's jobs.", subcommands: [EraseExpired.self])

    struct EraseExpired: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase-expired",
            abstract:
                "Erase every dataset whose retention period has ended (EDAC Art 29(10)); the server also runs this hourly."
        )

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withRuntime(storage) { runtime in
                let erased = try await runtime.eraseExpiredDatasets()
                print(
                    "Erased \(erased.datasets) datasets whose retention period ended, and \(erased.screenings) screenings with them."
                )
            }
        }
    }
}
