import Fluent
import Vapor

/// The user's own account: choosing a new password (compulsory after a one-time password).
struct AccountController: RouteCollection {
    let auth: AuthService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "password", use: form)
        routes.post("account", "password", use: change)
    }

    struct PasswordPage: Encodable, Sendable {
        var required: Bool
        var errors: [FieldError]
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    func form(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        return try await req.renderPage(
            "Auth/password", title: "title.password",
            PasswordPage(
                required: principal.mustChangePassword, errors: []))
    }

    func change(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        try await req.authorize(.changeOwnPassword, purpose: .accountManagement, with: access)
        let form = try req.content.decode(PasswordForm.self)
        var errors: [FieldError] = []
        if form.newPassword != form.confirmPassword {
            errors.append(.init(field: "confirmPassword", message: "does not match the new password"))
        } else {
            do {
                try await auth.changePassword(
                    of: principal, current: form.currentPassword ?? "", new: form.newPassword ?? "",
                    keepSession: req.session.id?.string, requestID: req.requestID, on: req.db)
                return try req.redirect(to: "/account/password", flash: .passwordChanged)
            } catch AuthError.invalidCredentials {
                errors.append(.init(field: "currentPassword", message: "is wrong"))
            } catch AuthError.weakPassword(let why) {
                errors.append(.init(field: "newPassword", message: why))
            }
        }
        return try await req.renderPage(
            "Auth/password", title: "title.password",
            PasswordPage(required: principal.mustChangePassword, errors: errors),
            status: .unprocessableEntity)
    }
}
