import Foundation
import PactumLaw
import Vapor

/// The authenticated user of one request, as the policy and the audit trail see them.
struct Principal: Authenticatable, Sendable, Equatable {
    let userID: UUID
    let email: String
    let displayName: String
    let state: MemberState
    let authority: String
    let roles: Set<Role>
    let mustChangePassword: Bool
    /// The language the user chose for their pages, if they chose one.
    let language: Language?
    /// How the request authenticated: a web session or a bearer token (its id, to revoke it).
    let via: Credential

    enum Credential: Sendable, Equatable {
        case session
        case token(UUID)
    }

    init?(_ user: User, via: Credential) {
        guard let id = user.id, let state = user.state, !user.disabled else { return nil }
        self.userID = id
        self.email = user.email
        self.displayName = user.displayName
        self.state = state
        self.authority = user.authority
        self.roles = user.roles
        self.mustChangePassword = user.mustChangePassword
        self.language = user.languageCode.flatMap(Language.init(rawValue:))
        self.via = via
    }

    /// The roles as one label for the audit trail.
    var roleLabel: String { roles.sorted().map(\.rawValue).joined(separator: ",") }
}
