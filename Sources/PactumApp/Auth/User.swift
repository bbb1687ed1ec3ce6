import Fluent
import Foundation
import PactumLaw

/// A person who signs in to Pactum: an official of one authority of one Member State.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "state_code") var stateCode: String
    @Field(key: "authority") var authority: String
    /// Role raw values joined by commas; `roles` gives the typed set.
    @Field(key: "roles") var roleList: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "created_at") var createdAt: Date
    /// The language of the user's pages; nil until they choose one (their browser's then).
    @OptionalField(key: "language") var languageCode: String?

    init() {}

    init(
        id: UUID? = nil, email: String, displayName: String, state: MemberState, authority: String, roles: Set<Role>,
        passwordHash: String, mustChangePassword: Bool, createdAt: Date
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.stateCode = state.code
        self.authority = authority
        self.roleList = roles.sorted().map(\.rawValue).joined(separator: ",")
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
        self.failedLogins = 0
        self.disabled = false
        self.createdAt = createdAt
    }

    var roles: Set<Role> { Set(roleList.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }
    var state: MemberState? { MemberState(rawValue: stateCode) }

    func isLocked(at now: Date) -> Bool { lockedUntil.map { $0 > now } ?? false }
}

/// A bearer token for the API. Only the SHA-256 of the token is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
