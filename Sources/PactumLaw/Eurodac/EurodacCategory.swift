/// The categories of persons whose data Eurodac records (legal-rules.md §2.1), with what each
/// category's rules say about transmission, comparison, retention, marks and flags.
public enum EurodacCategory: String, CaseIterable, Sendable, Codable {
    /// Applicants for international protection (EDAC Art 15).
    case applicant = "A"
    /// Registered for a Union admission procedure: compared, never recorded (EDAC Arts 18(1), 29(2)).
    case admissionProcedure = "B1"
    /// Admitted, refused or discontinued under the Union framework (EDAC Art 18(2)).
    case resettlement = "B2"
    /// Admitted under a national resettlement scheme (EDAC Art 20).
    case nationalResettlement = "C"
    /// Apprehended in connection with an irregular crossing of the external border (EDAC Art 22).
    case irregularCrosser = "D"
    /// Found illegally staying (EDAC Art 23).
    case illegalStayer = "E"
    /// Disembarked after a search-and-rescue operation (EDAC Art 24).
    case seaRescue = "F"
    /// Beneficiaries of temporary protection, from 12 June 2029 (EDAC Arts 26, 63(2)).
    case temporaryProtection = "G"

    public var title: String {
        switch self {
        case .applicant: "Applicant for international protection"
        case .admissionProcedure: "Registered for an admission procedure"
        case .resettlement: "Resettlement or humanitarian admission"
        case .nationalResettlement: "National resettlement"
        case .irregularCrosser: "Irregular crossing of the external border"
        case .illegalStayer: "Illegally staying"
        case .seaRescue: "Disembarked after search and rescue"
        case .temporaryProtection: "Temporary protection"
        }
    }

    public var citation: String {
        switch self {
        case .applicant: "EDAC Art 15"
        case .admissionProcedure: "EDAC Art 18(1)"
        case .resettlement: "EDAC Art 18(2)"
        case .nationalResettlement: "EDAC Art 20"
        case .irregularCrosser: "EDAC Art 22"
        case .illegalStayer: "EDAC Art 23"
        case .seaRescue: "EDAC Art 24"
        case .temporaryProtection: "EDAC Art 26"
        }
    }

    /// What the event of the dataset is ("place and date of …", EDAC Arts 17(1)(h), 19, 22-26).
    public var event: String {
        switch self {
        case .applicant: "application"
        case .admissionProcedure: "registration for the admission procedure"
        case .resettlement: "admission decision"
        case .nationalResettlement: "grant of status"
        case .irregularCrosser: "apprehension"
        case .illegalStayer: "finding of illegal stay"
        case .seaRescue: "disembarkation"
        case .temporaryProtection: "registration as a beneficiary of temporary protection"
        }
    }

    /// The transmission clock in `ClockRule.eurodac`; B1 has none (before the admission conclusion).
    public var clockRule: String? {
        self == .admissionProcedure ? nil : "EDAC-\(self == .resettlement ? "B2" : rawValue)"
    }

    /// Every transmission limit of a stored dataset: the categories' own and the retake's.
    public static var transmissionRules: [String] { allCases.compactMap(\.clockRule) + ["EDAC-RETAKE"] }

    /// Whether the dataset is stored; B1 data are only compared (EDAC Art 29(2)).
    public var isRecorded: Bool { self != .admissionProcedure }

    /// Whether a transmission is compared with the stored data (EDAC Art 27(1)): national
    /// resettlement (Art 20) data are stored but not used as probes.
    public var isProbe: Bool { self != .nationalResettlement }

    /// The stored categories a probe of this category is compared with (EDAC Art 27(1),(2)).
    /// `protectionMarkedOnly` is set for the applicants B1 is compared with: only the marked ones.
    public var comparedWith: [(category: EurodacCategory, protectionMarkedOnly: Bool)] {
        switch self {
        case .nationalResettlement: []
        case .admissionProcedure: [(.applicant, true), (.resettlement, false), (.nationalResettlement, false)]
        default:
            [
                .applicant, .resettlement, .nationalResettlement, .irregularCrosser, .illegalStayer, .seaRescue,
                .temporaryProtection,
            ].map { ($0, false) }
        }
    }

    /// A security flag may be recorded (EDAC Arts 17(2)(i), 22(3)(d), 23(3)(e), 24(3)).
    public var allowsSecurityFlag: Bool { [.applicant, .irregularCrosser, .illegalStayer, .seaRescue].contains(self) }

    /// The protection mark (EDAC Art 31(1)); relocated beneficiaries carry it over (Art 31(6)).
    public var allowsProtectionMark: Bool { self == .applicant }

    /// The residence-document mark (EDAC Art 31(4),(5)).
    public var allowsResidenceMark: Bool { [.irregularCrosser, .illegalStayer, .seaRescue].contains(self) }

    /// Responsible state and transfer arrival are applicant data (EDAC Art 16(1),(2)); departure,
    /// removal and relocation are recorded for applicants and for D, E and F (Arts 16(3),(4),
    /// 22(3), 23(3), 24(3), 25).
    public var allowsResponsibility: Bool { self == .applicant }
    public var allowsDepartureAndRemoval: Bool {
        [.applicant, .irregularCrosser, .illegalStayer, .seaRescue].contains(self)
    }

    /// The first day data of this category may be recorded (EDAC Art 63(2)).
    public var appliesFrom: CivilDate {
        self == .temporaryProtection
            ? CivilDate(year: 2029, month: 6, day: 12)! : CivilDate(year: 2026, month: 6, day: 12)!
    }
}

/// The outcome of an admission procedure that a B2 dataset records (EDAC Art 18(2)(a)-(c)).
public enum ResettlementOutcome: String, CaseIterable, Sendable, Codable {
    case granted, refused, discontinued

    /// The retention category of `RetentionAnswer` (EDAC Art 29(3),(4)).
    var retentionCategory: String { "resettlement-\(rawValue)" }
}

/// A security flag's grounds (EDAC Art 17(2)(i)): a possible threat to internal security and
/// one of these.
public enum SecurityFlagGround: String, CaseIterable, Sendable, Codable {
    case armed, violent
    /// Indications of terrorist offences (Directive (EU) 2017/541).
    case terrorism
    /// Indications of offences of Framework Decision 2002/584/JHA Art 2(2).
    case europeanArrestWarrantOffence = "eaw-offence"
}
