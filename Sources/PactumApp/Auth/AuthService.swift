import Fluent
import Foundation
import PactumLaw
import SQLKit

/// Why a sign-in or an account operation failed. What the client is told stays generic where a
/// precise answer would reveal whether an account exists.
enum AuthError: Error, Equatable, CustomStringConvertible {
    case invalidCredentials
    case passwordChangeRequired
    case weakPassword(String)
    case emailTaken(String)
    case unknownUser(String)

    var description: String {
        switch self {
        case .invalidCredentials: "the e-mail or password is wrong, or the account is locked"
        case .passwordChangeRequired: "the account's one-time password must be changed first"
        case .weakPassword(let why): "the new password \(why)"
        case .emailTaken(let email): "an account with the e-mail \(email) already exists"
        case .unknownUser(let email): "no account has the e-mail \(email)"
        }
    }
}

/// Sign-in, lockout, bearer tokens, passwords and accounts.
struct AuthService: Sendable {
    let hasher: PasswordHasher
    let audit: AuditLog
    let clock: AppClock
    let limiter: RateLimiter
    let limits: RateLimits
    let maxFailedLogins: Int
    let lockoutDuration: TimeInterval
    let tokenLifetime: TimeInterval

    /// Checks an e-mail and password. Every attempt is audited; repeated failures lock the
    /// account for `lockoutDuration`, during which even the right password is refused.
    ///
    /// The counter and the lock change in the database in one statement each, inside the audit
    /// transaction, never by writing back a value read before Bcrypt: wrong passwords sent in
    /// parallel each count, and a right one that raced a lock is refused.
    ///
    /// Attempts are limited per account and per client address (`client`) before Bcrypt runs,
    /// so guessing costs the guesser a 429, not the server its cores.
    func authenticate(
        email: String, password: String, client: String? = nil, requestID: String?, on db: any Database
    ) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if let client { try await limiter.take("sign-in-address:\(client)", limits.signInPerAddress) }
        try await limiter.take("sign-in-account:\(email)", limits.signInPerAccount)
        let user = try await User.query(on: db).filter(\.$email == email).first()
        let matches = try await hasher.verify(password, against: user?.passwordHash)
        let now = clock.now()
        guard let user, let userID = user.id else {
            try await audit.record(
                AuditDraft(
                    actor: "anonymous", action: .login, outcome: .failure, purpose: .authentication,
                    requestID: requestID, detail: "unknown account"), on: db)
            throw AuthError.invalidCredentials
        }
        let draft = AuditDraft(
            actorID: userID.uuidString, actor: user.email, actorRole: user.roleList, actorState: user.stateCode,
            action: .login, purpose: .authentication, requestID: requestID)
        let accepted = try await audit.transaction(on: db) { [draft] audit in
            var draft = draft
            let detail: String
            if user.disabled {
                detail = "account disabled"
            } else if matches, try await Self.clearFailures(of: userID, now: now, on: audit.db) {
                try await audit.append(draft)
                return true
            } else if matches || user.isLocked(at: now) {
                detail = "account locked"
            } else {
                detail = "wrong password; " + (try await countFailure(of: userID, now: now, on: audit.db))
            }
            draft.outcome = .failure
            draft.detail = detail
            try await audit.append(draft)
            return false
        }
        guard accepted else { throw AuthError.invalidCredentials }
        user.failedLogins = 0
        user.lockedUntil = nil
        return user
    }

    /// Counts one failed password in one statement and locks the account when the count
    /// reaches `maxFailedLogins`; says which, for the audit entry.
    private func countFailure(of id: UUID, now: Date, on db: any Database) async throws -> String {
        let sql = try db.sql()
        let row = try await sql.update(User.schema).set(SQLIdentifier("failed_logins"), to: SQLRaw("failed_logins + 1"))
            .where("id", .equal, id).where { open in
                open.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThanOrEqual, now)
            }
            .returning("failed_logins").first()
        guard let count = try row?.decode(column: "failed_logins", as: Int.self) else { return "account locked" }
        guard count >= maxFailedLogins else { return "\(count) of \(maxFailedLogins)" }
        try await sql.update(User.schema).set("locked_until", to: now.addingTimeInterval(lockoutDuration))
            .set("failed_logins", to: 0).where("id", .equal, id).run()
        return "account locked for \(Int(lockoutDuration / 60)) minutes"
    }

    /// Resets the counter unless the account is locked now; false when it is.
    private static func clearFailures(of id: UUID, now: Date, on db: any Database) async throws -> Bool {
        let sql = try db.sql()
        return try await sql.update(User.schema).set("failed_logins", to: 0).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, id).where { open in
                open.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThanOrEqual, now)
            }
            .returning("id").first() != nil
    }

    /// Issues a bearer token; only its hash is stored.
    func issueToken(for user: User, requestID: String?, on db: any Database) async throws -> (
        token: String, expiresAt: Date
    ) {
        guard !user.mustChangePassword else { throw AuthError.passwordChangeRequired }
        guard let principal = Principal(user, via: .session) else { throw AuthError.invalidCredentials }
        let token = Self.randomToken()
        let now = clock.now()
        let record = APIToken(
            userID: principal.userID, tokenHash: Self.digest(token), createdAt: now,
            expiresAt: now.addingTimeInterval(tokenLifetime))
        try await audit.transaction(on: db) { audit in
            try await record.create(on: audit.db)
            try await audit.append(
                AuditDraft(
                    principal, .tokenIssue, purpose: .authentication, requestID: requestID,
                    detail: "token \((try record.requireID()).uuidString)"))
        }
        return (token, record.expiresAt)
    }

    /// The user behind a bearer token, if the token is known, unexpired and not revoked.
    func principal(forToken token: String, on db: any Database) async throws -> Principal? {
        guard
            let record = try await APIToken.query(on: db).filter(\.$tokenHash == Self.digest(token)).with(\.$user)
                .first(), record.revokedAt == nil, record.expiresAt > clock.now(), let id = record.id
        else { return nil }
        return Principal(record.user, via: .token(id))
    }

    func revokeToken(_ id: UUID, by principal: Principal, requestID: String?, on db: any Database) async throws {
        let now = clock.now()
        try await audit.transaction(on: db) { audit in
            try await APIToken.query(on: audit.db).filter(\.$id == id).set(\.$revokedAt, to: now).update()
            try await audit.append(
                AuditDraft(
                    principal, .tokenRevoke, purpose: .authentication, requestID: requestID,
                    detail: "token \(id.uuidString)"))
        }
    }

    /// Changes a user's own password after checking the current one; revokes their tokens and
    /// every other web session (`keepSession`, the id of the session that asks, stays). A wrong
    /// current password counts towards the lockout like a failed sign-in.
    func changePassword(
        of principal: Principal, current: String, new: String, keepSession: String? = nil, requestID: String?,
        on db: any Database
    ) async throws {
        guard let user = try await User.find(principal.userID, on: db) else { throw AuthError.invalidCredentials }
        let now = clock.now()
        guard !user.isLocked(at: now), try await hasher.verify(current, against: user.passwordHash) else {
            try await audit.transaction(on: db) { audit in
                let detail =
                    user.isLocked(at: now)
                    ? "account locked"
                    : "wrong current password; "
                        + (try await countFailure(of: principal.userID, now: now, on: audit.db))
                try await audit.append(
                    AuditDraft(
                        principal, .passwordChange, outcome: .failure, purpose: .accountManagement,
                        requestID: requestID,
                        detail: detail))
            }
            throw AuthError.invalidCredentials
        }
        if let weakness = PasswordHasher.weakness(of: new) { throw AuthError.weakPassword(weakness) }
        if new == current { throw AuthError.weakPassword("must differ from the current password") }
        user.passwordHash = try await hasher.hash(new)
        user.mustChangePassword = false
        let kept = keepSession.map(sha256Hex) ?? ""
        try await audit.transaction(on: db) { audit in
            try await user.save(on: audit.db)
            try await APIToken.query(on: audit.db).filter(\.$user.$id == principal.userID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await WebSessionRecord.query(on: audit.db).filter(\.$userID == principal.userID)
                .filter(\.$tokenHash != kept).delete()
            try await audit.append(
                AuditDraft(principal, .passwordChange, purpose: .accountManagement, requestID: requestID))
        }
    }

    /// The language of the user's pages, kept on the account so that it follows them to any browser.
    func setLanguage(of principal: Principal, to language: Language, requestID: String?, on db: any Database)
        async throws
    {
        guard let user = try await User.find(principal.userID, on: db) else { throw AuthError.invalidCredentials }
        user.languageCode = language.rawValue
        try await audit.transaction(on: db) { audit in
            try await user.save(on: audit.db)
            try await audit.append(
                AuditDraft(
                    principal, .languageChange, purpose: .accountManagement, requestID: requestID,
                    detail: "language \(language.rawValue)"))
        }
    }

    /// Creates an account with a one-time password that must be changed at first sign-in.
    /// `operator` names who did it (the CLI passes the operating-system user).
    func createUser(
        email: String, displayName: String, state: MemberState, authority: String, roles: Set<Role>,
        operator actor: String, on db: any Database
    ) async throws -> (user: User, oneTimePassword: String) {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if try await User.query(on: db).filter(\.$email == email).count() > 0 { throw AuthError.emailTaken(email) }
        let password = PasswordHasher.generate()
        let user = User(
            id: UUID(), email: email, displayName: displayName, state: state, authority: authority, roles: roles,
            passwordHash: try await hasher.hash(password), mustChangePassword: true, createdAt: clock.now())
        try await audit.transaction(on: db) { audit in
            try await user.create(on: audit.db)
            try await audit.append(
                AuditDraft(
                    actor: actor, action: .userCreate,
                    record: AuditRecord(type: "user", id: user.id?.uuidString, state: state),
                    purpose: .accountManagement, detail: "roles \(user.roleList)"))
        }
        return (user, password)
    }

    /// Lifts a lockout (operators, from the CLI).
    func unlock(email: String, operator actor: String, on db: any Database) async throws {
        guard let user = try await User.query(on: db).filter(\.$email == email.lowercased()).first() else {
            throw AuthError.unknownUser(email)
        }
        user.failedLogins = 0
        user.lockedUntil = nil
        try await audit.transaction(on: db) { audit in
            try await user.save(on: audit.db)
            try await audit.append(
                AuditDraft(
                    actor: actor, action: .userUnlock,
                    record: AuditRecord(type: "user", id: user.id?.uuidString, state: user.state),
                    purpose: .accountManagement))
        }
    }

    static func randomToken() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "pct_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ token: String) -> String { sha256Hex(token) }
}
