import Fluent
import Foundation
import Vapor

/// The language switch. Before sign-in a link sets a cookie (a preference, nothing stored on
/// the server); a signed-in user's choice is a form that keeps it on their account, audited.
struct LanguageController: RouteCollection {
    let auth: AuthService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        routes.get("language", ":code", use: choose)
        routes.post("language", use: save)
    }

    struct Choice: Content {
        var language: String?
        var back: String?
    }

    func choose(req: Request) async throws -> Response {
        let language = try Self.language(req.parameters.get("code"))
        let response = req.redirect(to: Self.back(req.query[String.self, at: "back"]))
        response.cookies[Request.languageCookie] = Self.cookie(
            language, secure: req.application.pactum.config.secureCookies)
        return response
    }

    func save(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        try await req.authorize(.chooseLanguage, purpose: .accountManagement, with: access)
        let choice = try req.content.decode(Choice.self)
        let language = try Self.language(choice.language)
        try await auth.setLanguage(of: principal, to: language, requestID: req.requestID, on: req.db)
        let response = try req.redirect(to: Self.back(choice.back), flash: .languageChanged)
        response.cookies[Request.languageCookie] = Self.cookie(
            language, secure: req.application.pactum.config.secureCookies)
        return response
    }

    static func language(_ code: String?) throws -> Language {
        guard let code, let language = Language(rawValue: code) else {
            throw InvalidInput([
                .init(
                    field: "language",
                    message: "must be one of: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
            ])
        }
        return language
    }

    /// Back to the page the switch was on: a path of this site only, never another host.
    static func back(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return "/" }
        return path
    }

    static func cookie(_ language: Language, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 86_400, path: "/", isSecure: secure,
            isHTTPOnly: true, sameSite: .lax)
    }
}
