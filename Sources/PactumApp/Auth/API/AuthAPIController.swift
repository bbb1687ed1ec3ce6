import Fluent
import Foundation
import PactumLaw
import Vapor

/// `/api/v1/auth` and `/api/v1/me`: bearer tokens and the caller's own account.
struct AuthAPIController: RouteCollection {
    let auth: AuthService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue)
        routes.delete("auth", "token", use: revoke)
        routes.get("me", use: me)
        routes.post("me", "password", use: changePassword)
    }

    struct Credentials: Content, JSONRequestBody {
        var email: String
        var password: String
        static let fields: [BodyField] = [.string("email"), .string("password")]
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType = "Bearer"
        var expiresAt: Date
    }

    struct PasswordChange: Content, JSONRequestBody {
        var currentPassword: String
        var newPassword: String
        static let fields: [BodyField] = [.string("currentPassword"), .string("newPassword")]
    }

    func issue(req: Request) async throws -> Response {
        let credentials = try req.decodeJSON(Credentials.self)
        var check = FieldValidator()
        check.require(!credentials.email.isEmpty, "email", "must not be empty")
        check.require(!credentials.password.isEmpty, "password", "must not be empty")
        try check.throwIfInvalid()
        do {
            let user = try await auth.authenticate(
                email: credentials.email, password: credentials.password, client: req.clientAddress,
                requestID: req.requestID, on: req.db)
            let issued = try await auth.issueToken(for: user, requestID: req.requestID, on: req.db)
            let response = Response(status: .created)
            try response.content.encode(TokenResponse(token: issued.token, expiresAt: issued.expiresAt))
            response.headers.cacheControl = .init(noStore: true)
            return response
        } catch AuthError.invalidCredentials {
            throw Problem(
                status: .unauthorized, type: "invalid-credentials", title: "Sign-in refused",
                detail: "The e-mail or password is wrong, or the account is locked for a while after repeated failures."
            )
        } catch AuthError.passwordChangeRequired {
            throw Problem(
                status: .forbidden, type: "password-change-required", title: "Password change required",
                detail: "This account has a one-time password: sign in on the web page and choose a new password first."
            )
        }
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        let principal = try req.principal()
        guard case .token(let id) = principal.via else { throw Problem.unauthenticated }
        try await auth.revokeToken(id, by: principal, requestID: req.requestID, on: req.db)
        return .noContent
    }

    func me(req: Request) async throws -> AccountView {
        let principal = try await req.authorize(.readOwnAccount, purpose: .accountManagement, with: access)
        try await access.audit.record(
            AuditDraft(
                principal, .accountRead,
                record: AuditRecord(type: "user", id: principal.userID.uuidString, state: principal.state),
                purpose: .accountManagement, requestID: req.requestID), on: req.db)
        return AccountView(principal)
    }

    func changePassword(req: Request) async throws -> HTTPStatus {
        let principal = try await req.authorize(.changeOwnPassword, purpose: .accountManagement, with: access)
        let change = try req.decodeJSON(PasswordChange.self)
        do {
            try await auth.changePassword(
                of: principal, current: change.currentPassword, new: change.newPassword, requestID: req.requestID,
                on: req.db)
        } catch AuthError.invalidCredentials {
            throw InvalidInput([.init(field: "currentPassword", message: "is wrong")])
        } catch AuthError.weakPassword(let why) {
            throw InvalidInput([.init(field: "newPassword", message: why)])
        }
        return .noContent
    }
}

/// The caller's own account as the API shows it.
struct AccountView: Content {
    var id: UUID
    var email: String
    var displayName: String
    var state: String
    var authority: String
    var roles: [String]
    var mustChangePassword: Bool

    init(_ principal: Principal) {
        id = principal.userID
        email = principal.email
        displayName = principal.displayName
        state = principal.state.code
        authority = principal.authority
        roles = principal.roles.sorted().map(\.rawValue)
        mustChangePassword = principal.mustChangePassword
    }
}
