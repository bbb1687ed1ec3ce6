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

    var title: String {
        switch self {
        case .fundamentalRightsMonitoring: "Fundamental-rights monitoring"
        case .dataProtectionSupervision: "Data-protection supervision"
        case .accountManagement: "Account management"
        case .authentication: "Authentication"
        }
    }
}
