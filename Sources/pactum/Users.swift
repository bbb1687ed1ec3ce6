import ArgumentParser
import PactumApp
import PactumLaw

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage user accounts.", subcommands: [Create.self, List.self, Unlock.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user and print a one-time password, to be changed at first sign-in.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Member State (ISO 3166-1 alpha-2), e.g. DE.")
        var state: String

        @Option(help: "A role; repeat for several. One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: [String]

        @Option(help: "E-mail address, used to sign in.")
        var email: String

        @Option(help: "Name shown in the UI (defaults to the e-mail address).")
        var name: String?

        @Option(help: "The authority the user works for.")
        var authority = "Unspecified authority"

        func validate() throws {
            guard MemberState(code: state) != nil else {
                throw ValidationError(
                    "--state \(state) is not one of \(MemberState.allCases.map(\.code).joined(separator: ", ")).")
            }
            guard !role.isEmpty else { throw ValidationError("Give at least one --role.") }
            for r in role where Role(rawValue: r) == nil {
                throw ValidationError(
                    "--role \(r) is unknown; roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let parts = email.split(separator: "@")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else {
                throw ValidationError("--email \(email) is not an e-mail address.")
            }
        }

        func run() async throws {
            let password = try await withRuntime(storage) { runtime in
                try await runtime.createUser(
                    email: email, displayName: name ?? email, state: MemberState(code: state)!, authority: authority,
                    roles: Set(role.compactMap(Role.init(rawValue:))))
            }
            print("Created \(email.lowercased()). One-time password (shown once): \(password)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users as JSON (the listing is audited).")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Only users of this Member State.")
        var state: String?

        func validate() throws {
            if let state, MemberState(code: state) == nil {
                throw ValidationError("--state \(state) is not a Member State code.")
            }
        }

        func run() async throws {
            try printJSON(
                try await withRuntime(storage) { try await $0.listUsers(state: state.flatMap(MemberState.init(code:))) }
            )
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift the lock after repeated failed sign-ins.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "The user's e-mail address.")
        var email: String

        func run() async throws {
            try await withRuntime(storage) { try await $0.unlockUser(email: email) }
            print("Unlocked \(email.lowercased()).")
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the hash chain from the first entry; print JSON and exit 1 at the first broken link.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let result = try await withRuntime(storage) { try await $0.verifyAudit() }
            try printJSON(result)
            if !result.valid { throw ExitCode.failure }
        }
    }
}
