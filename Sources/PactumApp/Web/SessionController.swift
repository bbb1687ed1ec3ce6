import Fluent
import Foundation
import Vapor

/// Sign-in and sign-out pages.
struct SessionController: RouteCollection {
    let auth: AuthService
    let audit: AuditLog

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
    }

    struct LoginPage: Encodable, Sendable {
        var email: String
        var error: String?
    }

    func form(req: Request) async throws -> Response {
        if req.auth.has(Principal.self) { return req.redirect(to: "/") }
        return try await req.renderPage("Auth/login", title: "title.login", LoginPage(email: "", error: nil))
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = form.email ?? ""
        do {
            let user = try await auth.authenticate(
                email: email, password: form.password ?? "", client: req.clientAddress, requestID: req.requestID,
                on: req.db)
            try await rotateSession(req)
            req.session.data[SessionAuthenticator.userKey] = user.id?.uuidString
            return req.redirect(to: user.mustChangePassword ? "/account/password" : "/", redirectType: .normal)
        } catch AuthError.invalidCredentials {
            return try await req.renderPage(
                "Auth/login", title: "title.login",
                LoginPage(
                    email: email,
                    error: req.words("login.refused")),
                status: .unauthorized)
        }
    }

    func logout(req: Request) async throws -> Response {
        if let principal = req.auth.get(Principal.self) {
            try await audit.record(
                AuditDraft(principal, .logout, purpose: .authentication, requestID: req.requestID), on: req.db)
        }
        req.auth.logout(Principal.self)
        req.session.destroy()
        return req.redirect(to: "/login", redirectType: .normal)
    }

    /// A new session id at sign-in, so that an id planted before sign-in is worth nothing.
    private func rotateSession(_ req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.newSessionCSRFToken()
    }
}
