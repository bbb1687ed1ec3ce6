import Fluent
import Foundation
import PactumIdentity
import PactumLaw

/// A demo account, as printed on start.
public struct DemoLogin: Sendable, Codable {
    public var email: String
    public var displayName: String
    public var state: String
    public var role: String
}

/// The demo data set: one user for every role in three Member States. Names come from the
/// shipped name tables with a fixed seed, so every demo has the same people; the shared
/// password is new on every load and printed with the logins.
public struct DemoData: Sendable {
    public static let states: [MemberState] = [.DE, .IT, .ES]
    static let seed: UInt64 = 2026
    /// Family names of the shipped tables that recall a perpetrator of the 20th century's
    /// crimes (Heydrich, Speer, Franco, Badoglio): a demo official never bears one.
    static let unfitFamilyNames: Set<String> = ["Heydrich", "Speer", "Franco", "Badoglio"]

    let auth: AuthService

    /// The result of a load.
    public struct Loaded: Sendable {
        public var logins: [DemoLogin]
        public var password: String
        /// Synthetic registry datasets added by this load (none when the registry had data).
        public var registryDatasets = 0
        /// Synthetic screenings added by this load (none when screenings existed).
        public var screenings = 0
    }

    /// The demo accounts: the same names for the same seed.
    static func accounts() throws -> [DemoLogin] {
        var rng = SeededGenerator(seed: seed)
        var logins: [DemoLogin] = []
        for state in states {
            let names = try NameTable.shipped(locale(of: state))
            for role in Role.allCases {
                let sex = NameTable.Sex.allCases.randomElement(using: &rng)!
                let given = names.givenNames[sex]!.randomElement(using: &rng)!
                let family = names.familyNames.filter { !Self.unfitFamilyNames.contains($0) }
                    .randomElement(using: &rng)!
                logins.append(
                    DemoLogin(
                        email: email(role, state),
                        displayName: "\(given) \(family)",
                        state: state.code, role: role.rawValue))
            }
        }
        return logins
    }

    /// Creates the demo users, or resets their password if they exist.
    func load(on db: any Database) async throws -> Loaded {
        let password = PasswordHasher.generate()
        let hash = try await auth.hasher.hash(password)
        let accounts = try Self.accounts()
        let now = auth.clock.now()
        try await auth.audit.transaction(on: db) { audit in
            for account in accounts {
                if let user = try await User.query(on: audit.db).filter(\.$email == account.email).first() {
                    user.passwordHash = hash
                    user.failedLogins = 0
                    user.lockedUntil = nil
                    try await user.save(on: audit.db)
                } else {
                    let role = Role(rawValue: account.role)!
                    try await User(
                        email: account.email, displayName: account.displayName,
                        state: MemberState(rawValue: account.state)!,
                        authority: Self.authority(of: role), roles: [role], passwordHash: hash,
                        mustChangePassword: false,
                        createdAt: now
                    ).create(on: audit.db)
                }
            }
            try await audit.append(
                AuditDraft(
                    actor: "cli:demo", action: .demoLoad, purpose: .accountManagement,
                    detail: "\(accounts.count) demo users"))
        }
        return Loaded(logins: accounts, password: password)
    }

    static func locale(of state: MemberState) -> String {
        switch state {
        case .IT: "it_IT"
        case .ES: "es_ES"
        default: "de_DE"
        }
    }

    /// Generic authority names: the demo does not pretend to be any real body.
    static func authority(of role: Role) -> String {
        switch role {
        case .screeningOfficer, .returnOfficer: "Border Police"
        case .registryOperator, .fingerprintExpert: "Eurodac National Access Point"
        case .asylumCaseworker, .asylumSupervisor, .dublinOfficer: "Asylum Office"
        case .solidarityCoordinator, .nationalFocalPoint: "Ministry of the Interior"
        case .fundamentalRightsMonitor: "Independent Monitoring Body"
        case .dataProtectionOfficer: "Data Protection Office"
        case .jobSeeker, .employer, .nationalContactPoint: "EU Talent Pool Contact Point"
        }
    }

    /// The lines printed on start: one per account and the shared password.
    public static func banner(_ loaded: Loaded, baseURL: String) -> String {
        var lines = ["", "Demo accounts (password for all: \(loaded.password))"]
        let width = loaded.logins.map(\.email.count).max() ?? 0
        for login in loaded.logins {
            lines.append("  \(login.email.padding(toLength: width, withPad: " ", startingAt: 0))  \(login.displayName)")
        }
        if loaded.registryDatasets > 0 {
            lines.append("Identity registry: \(loaded.registryDatasets) synthetic datasets in DE, IT and ES")
        }
        if loaded.screenings > 0 {
            lines.append(
                "Screening: \(loaded.screenings) synthetic screenings in DE, IT and ES (open, ended, referred)")
        }
        lines.append("Sign in at \(baseURL)/login")
        return lines.joined(separator: "\n")
    }
}

extension DemoData {
    /// The e-mail address of the demo user of a role in a state.
    static func email(_ role: Role, _ state: MemberState) -> String {
        "\(role.rawValue).\(state.code.lowercased())@demo.pactum.example"
    }

    /// The demo user of a role in a state, acting for a purpose (nil before the demo users exist).
    static func caller(_ role: Role, _ state: MemberState, _ purpose: Purpose, on db: any Database) async throws
        -> Caller?
    {
        guard let user = try await User.query(on: db).filter(\.$email == email(role, state)).first(),
            let principal = Principal(user, via: .session)
        else { return nil }
        return Caller(principal: principal, purpose: purpose, requestID: nil)
    }
}
