import PactumLaw

/// Something a user may try to do. Each route names exactly one.
enum Action: String, Sendable, CaseIterable {
    case readOwnAccount = "account.read"
    case changeOwnPassword = "account.password"
    case chooseLanguage = "account.language"
    case readAuditTrail = "audit.read"
    case verifyAuditChain = "audit.verify"
    case registerDataset = "registry.register"
    case readRegistry = "registry.read"
    case searchRegistry = "registry.search"
    case updateDataset = "registry.update"
    case reviewCandidates = "registry.review"
    case readNotices = "registry.notices"
    case exerciseDataSubjectRights = "registry.rights"
    case openScreening = "screening.open"
    case readScreening = "screening.read"
    case recordScreening = "screening.record"
    case referScreening = "screening.refer"
    case receiveReferrals = "screening.referrals"
    case loadWatchlists = "screening.watchlists"
    case monitorScreening = "monitoring.record"
}

extension Action {
    /// What the action lets a user do, for the refusal a person reads.
    var phrase: String {
        switch self {
        case .readOwnAccount: "read your account"
        case .changeOwnPassword: "change your password"
        case .chooseLanguage: "choose your language"
        case .readAuditTrail: "read the audit trail"
        case .verifyAuditChain: "verify the audit chain"
        case .registerDataset: "register datasets in Eurodac"
        case .readRegistry: "read the identity registry"
        case .searchRegistry: "search the identity registry"
        case .updateDataset: "update registry datasets"
        case .reviewCandidates: "verify identification candidates"
        case .readNotices: "read the notices of other Member States"
        case .exerciseDataSubjectRights: "answer data-subject requests"
        case .openScreening: "open screenings"
        case .readScreening: "read screenings"
        case .recordScreening: "record screening checks"
        case .referScreening: "refer screenings"
        case .receiveReferrals: "receive referred screening forms"
        case .loadWatchlists: "load watchlists"
        case .monitorScreening: "record monitoring findings"
        }
    }
}

/// The answer of the policy.
enum PolicyDecision: Sendable, Equatable {
    case permit
    case deny(String)
}

/// The single place that answers "may this user perform this action on data of this Member
/// State for this purpose". Routes ask it; nothing else grants access.
struct Policy: Sendable {
    /// Which roles may perform an action, and for which purposes: one table, written as a
    /// section per capability. An action is granted in exactly one section (PolicyTests).
    static let grants: [Action: [Role: Set<Purpose>]] = sections.reduce(into: [:]) { table, section in
        table.merge(section) { first, _ in first }
    }

    static let sections: [[Action: [Role: Set<Purpose>]]] = [accounts, audit, registry, screening, monitoring]

    /// Every user manages their own account.
    static let accounts: [Action: [Role: Set<Purpose>]] = {
        let everyone = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, Set([Purpose.accountManagement])) })
        return [.readOwnAccount: everyone, .changeOwnPassword: everyone, .chooseLanguage: everyone]
    }()

    /// The audit trail is for oversight: the monitors and the data protection officers.
    static let audit: [Action: [Role: Set<Purpose>]] = {
        let oversight: [Role: Set<Purpose>] = [
            .fundamentalRightsMonitor: [.fundamentalRightsMonitoring],
            .dataProtectionOfficer: [.dataProtectionSupervision],
        ]
        return [.readAuditTrail: oversight, .verifyAuditChain: oversight]
    }()

    /// The registry (EDAC): who records, reads, searches and updates, and why. Which events each
    /// role records is `registryEvents`.
    static let registry: [Action: [Role: Set<Purpose>]] = {
        let registrars: [Role: Set<Purpose>] = [
            .registryOperator: [.eurodacRegistration], .screeningOfficer: [.eurodacRegistration],
            .asylumCaseworker: [.eurodacRegistration],
        ]
        let readers: [Role: Set<Purpose>] = [
            .registryOperator: [.eurodacRegistration, .identityCheck],
            .fingerprintExpert: [.hitVerification], .screeningOfficer: [.identityCheck, .eurodacRegistration],
            .asylumCaseworker: [.eurodacRegistration], .dublinOfficer: [.responsibilityDetermination],
            .returnOfficer: [.identityCheck], .dataProtectionOfficer: [.dataSubjectRequest],
        ]
        var updaters = readers
        updaters[.fingerprintExpert] = nil
        updaters[.dataProtectionOfficer] = nil
        updaters[.returnOfficer] = [.eurodacRegistration]
        return [
            .registerDataset: registrars,
            .readRegistry: readers,
            .searchRegistry: readers,
            .updateDataset: updaters,
            .reviewCandidates: [.fingerprintExpert: [.hitVerification]],
            .readNotices: updaters.merging([.fingerprintExpert: [.hitVerification]]) { a, _ in a },
            .exerciseDataSubjectRights: [.dataProtectionOfficer: [.dataSubjectRequest]],
        ]
    }()

    /// The roles that record each registry event (with `updateDataset`): the registry operator
    /// records every one; the authority whose decision the event is records it too.
    static let registryEvents: [RegistryEventKind: Set<Role>] = Dictionary(
        uniqueKeysWithValues: RegistryEventKind.allCases.map { kind in
            let own: Set<Role> =
                switch kind {
                case .transmit, .extendTransmission, .retake, .flagSecurity, .unflagSecurity:
                    [.screeningOfficer, .asylumCaseworker]
                case .markProtection, .unmarkProtection, .markResidence: [.asylumCaseworker]
                case .responsibleState, .relocationState, .transferArrival: [.dublinOfficer]
                case .departure, .removal: [.returnOfficer]
                case .citizenship: []
                }
            return (kind, own.union([.registryOperator]))
        })

    /// Screening (SCR Arts 5-18): the officer screens; the monitor reads every screening of its
    /// state (SCR Art 10(2)); the receiving authorities read the forms sent to them.
    static let screening: [Action: [Role: Set<Purpose>]] = {
        let screeners: [Role: Set<Purpose>] = [.screeningOfficer: [.screening]]
        return [
            .openScreening: screeners,
            .readScreening: screeners.merging([.fundamentalRightsMonitor: [.fundamentalRightsMonitoring]]) { a, _ in a
            },
            .recordScreening: screeners,
            .referScreening: screeners,
            .loadWatchlists: screeners,
            .receiveReferrals: [.asylumCaseworker: [.referralIntake], .returnOfficer: [.referralIntake]],
        ]
    }()

    /// The independent monitoring mechanism (SCR Art 10).
    static let monitoring: [Action: [Role: Set<Purpose>]] = [
        .monitorScreening: [.fundamentalRightsMonitor: [.fundamentalRightsMonitoring]]
    ]

    /// Whether one of the user's roles records this registry event.
    static func mayRecord(_ event: RegistryEventKind, _ principal: Principal) -> Bool {
        !(Self.registryEvents[event] ?? []).isDisjoint(with: principal.roles)
    }

    /// Decides one access. `state` is the Member State that owns the data, `nil` for data that
    /// belongs to no state (the user's own account).
    /// A `nil` purpose asks only whether any of the user's roles may perform the action.
    func decide(_ principal: Principal, _ action: Action, state: MemberState?, purpose: Purpose?) -> PolicyDecision {
        let grants = Self.grants[action] ?? [:]
        let purposes = principal.roles.reduce(into: Set<Purpose>()) { $0.formUnion(grants[$1] ?? []) }
        guard !purposes.isEmpty else {
            return .deny("Your roles do not allow you to \(action.phrase).")
        }
        guard let purpose else { return .permit }
        guard purposes.contains(purpose) else {
            let allowed = purposes.map(\.title).sorted().joined(separator: ", ")
            return .deny("\(purpose.title) is not a purpose for which you may \(action.phrase); allowed: \(allowed).")
        }
        // Data belongs to one Member State; another state's users see it only through an
        // exchange (a Notice), never directly (DESIGN.md).
        if let state, state != principal.state {
            return .deny("Data of \(state.code) is not visible to users of \(principal.state.code).")
        }
        return .permit
    }

    /// The purposes a user may give for an action, in a stable order (for forms and defaults).
    func purposes(of principal: Principal, for action: Action) -> [Purpose] {
        let grants = Self.grants[action] ?? [:]
        return Purpose.allCases.filter { purpose in principal.roles.contains { grants[$0]?.contains(purpose) == true } }
    }
}
