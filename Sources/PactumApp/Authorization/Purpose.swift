/// Why a user reads or writes data. Every audited access carries one; the policy accepts only
/// the purposes the law gives each role.
enum Purpose: String, Sendable, Codable, CaseIterable {
    /// SCR Art 10 and APR Art 43(4): the independent monitoring mechanism.
    case fundamentalRightsMonitoring = "fundamental-rights-monitoring"
    /// Supervision of processing by the data-protection officer (EDAC Arts 42-44; GDPR Art 39).
    case dataProtectionSupervision = "data-protection-supervision"
    /// A user's own account: profile, password, sessions.
    case accountManagement = "account-management"
    /// Signing in and out.
    case authentication = "authentication"
    /// Recording, transmitting and comparing Eurodac data, and keeping them up to date (EDAC
    /// Arts 15-31).
    case eurodacRegistration = "eurodac-registration"
    /// Checking whether a person is known: the identity check of screening (SCR Art 14) and the
    /// identification of an illegally staying person (EDAC Art 1(1)(c)).
    case identityCheck = "identity-check"
    /// Determining the responsible Member State (EDAC Art 1(1)(a); AMMR Part III).
    case responsibilityDetermination = "responsibility-determination"
    /// Checking a candidate before it counts as a hit (EDAC Art 38(4)).
    case hitVerification = "hit-verification"
    /// Answering a data subject's request: access, rectification, restriction (EDAC Art 43).
    case dataSubjectRequest = "data-subject-request"
    /// Screening a third-country national at the external border or in the territory (SCR Arts 5-18).
    case screening = "screening"
    /// Receiving a screening form referred to the authority (SCR Art 18).
    case referralIntake = "referral-intake"
    /// The operator's work on the whole database from the command line (backup, restore); no
    /// role of the web or the API has it.
    case systemOperation = "system-operation"

    var title: String {
        switch self {
        case .fundamentalRightsMonitoring: "Fundamental-rights monitoring"
        case .dataProtectionSupervision: "Data-protection supervision"
        case .accountManagement: "Account management"
        case .authentication: "Authentication"
        case .eurodacRegistration: "Eurodac registration"
        case .identityCheck: "Identity check"
        case .responsibilityDetermination: "Responsibility determination"
        case .hitVerification: "Hit verification"
        case .dataSubjectRequest: "Data-subject request"
        case .screening: "Screening"
        case .referralIntake: "Referral intake"
        case .systemOperation: "System operation"
        }
    }
}
