/// What a user does in Pactum (DESIGN.md, "Who uses it"). A user holds one or more roles in
/// one authority of one Member State.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    case screeningOfficer = "screening-officer"
    case registryOperator = "registry-operator"
    case fingerprintExpert = "fingerprint-expert"
    case asylumCaseworker = "asylum-caseworker"
    case asylumSupervisor = "asylum-supervisor"
    case dublinOfficer = "dublin-officer"
    case returnOfficer = "return-officer"
    case solidarityCoordinator = "solidarity-coordinator"
    case nationalFocalPoint = "national-focal-point"
    case fundamentalRightsMonitor = "fundamental-rights-monitor"
    case dataProtectionOfficer = "data-protection-officer"
    case jobSeeker = "job-seeker"
    case employer = "employer"
    case nationalContactPoint = "national-contact-point"

    /// The role's name as shown to people.
    public var title: String {
        switch self {
        case .screeningOfficer: "Screening officer"
        case .registryOperator: "Registry operator"
        case .fingerprintExpert: "Fingerprint expert"
        case .asylumCaseworker: "Asylum caseworker"
        case .asylumSupervisor: "Asylum supervisor"
        case .dublinOfficer: "Dublin unit officer"
        case .returnOfficer: "Return officer"
        case .solidarityCoordinator: "Solidarity coordinator"
        case .nationalFocalPoint: "National focal point"
        case .fundamentalRightsMonitor: "Fundamental-rights monitor"
        case .dataProtectionOfficer: "Data-protection officer"
        case .jobSeeker: "Job seeker"
        case .employer: "Employer"
        case .nationalContactPoint: "National contact point"
        }
    }

    /// What the role does, from DESIGN.md.
    public var summary: String {
        switch self {
        case .screeningOfficer:
            "Opens screenings at the external border, records identity, health, vulnerability and security checks, issues the screening form and refers the person on."
        case .registryOperator:
            "Registers biometric and alphanumeric data by Eurodac category."
        case .fingerprintExpert:
            "Reviews identification candidates and confirms or rejects hits."
        case .asylumCaseworker:
            "Registers and lodges applications, follows every running clock, records interviews, decisions and appeals."
        case .asylumSupervisor:
            "Oversees caseworkers, routing to the right procedure and the clocks of the whole unit."
        case .dublinOfficer:
            "Evaluates responsibility criteria, sends and answers take charge and take back requests, organises transfers."
        case .returnOfficer:
            "Runs the return border procedure, voluntary departure and removal."
        case .solidarityCoordinator:
            "Coordinates the annual solidarity pool: fair shares, pledges, relocations and offsets."
        case .nationalFocalPoint:
            "Speaks for the Member State in the solidarity cycle."
        case .fundamentalRightsMonitor:
            "Independent monitoring: reads cases and the audit trail; every access is itself logged."
        case .dataProtectionOfficer:
            "Supervises personal data processing: reads the audit trail and handles data-subject requests."
        case .jobSeeker:
            "Keeps an EU Talent Pool profile."
        case .employer:
            "Publishes vacancies in the EU Talent Pool."
        case .nationalContactPoint:
            "Runs the Member State's EU Talent Pool contact point."
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
