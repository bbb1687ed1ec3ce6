import Fluent
import Foundation
import Vapor

/// Logs the user in from `Authorization: Bearer …` (API routes).
struct BearerAuthenticator: AsyncMiddleware {
    let auth: AuthService

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization,
            let principal = try await auth.principal(forToken: bearer.token, on: request.db)
        {
            request.auth.login(principal)
        }
        return try await next.respond(to: request)
    }
}

/// Logs the user in from the web session. The session store enforces the session's lifetime
/// (`DatabaseSessionDriver`); a new session starts at every sign-in.
struct SessionAuthenticator: AsyncMiddleware {
    static let userKey = "uid"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.storage[WebSessionKey.self] = true
        if request.hasSession, let raw = request.session.data[Self.userKey], let id = UUID(uuidString: raw),
            let user = try await User.find(id, on: request.db), let principal = Principal(user, via: .session)
        {
            request.auth.login(principal)
        }
        return try await next.respond(to: request)
    }
}

/// Marks requests that passed the web group's session middleware, the only ones that may
/// touch `request.session` (Vapor stops the process otherwise).
struct WebSessionKey: StorageKey { typealias Value = Bool }
