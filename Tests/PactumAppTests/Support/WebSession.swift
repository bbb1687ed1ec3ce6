import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// A browser stand-in: keeps the session cookie and the CSRF token between requests.
final class WebSession: @unchecked Sendable {
    let ctx: TestContext
    private(set) var cookie: String?
    /// The double-submit cookie of the sign-in form, before there is a session.
    private(set) var formCookie: String?
    private(set) var csrf: String?
    /// The language chosen before signing in (the `pactum-language` cookie).
    private(set) var languageCookie: String?
    /// The browser's `Accept-Language`, if it sends one.
    var acceptLanguage: String?

    init(_ ctx: TestContext) { self.ctx = ctx }

    /// Opens the sign-in page (which starts a session) and signs in.
    static func signedIn(_ ctx: TestContext, as user: User, password: String = TestContext.password) async throws
        -> WebSession
    {
        let session = WebSession(ctx)
        let response = try await session.login(email: user.email, password: password)
        #expect(response.status == .seeOther, "sign-in failed: \(response.status)")
        return session
    }

    /// Signs in and, as a browser would, follows the redirect (which brings the new session's
    /// CSRF token). Returns the sign-in response itself.
    func login(email: String, password: String) async throws -> TestingHTTPResponse {
        _ = try await get("/login")
        let response = try await post("/login", form: ["email": email, "password": password])
        if response.status == .seeOther, let location = response.headers.first(name: .location) {
            _ = try await get(location)
        }
        return response
    }

    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; the CSRF token is added unless `csrf` is given (use "" to leave it out).
    func post(_ path: String, form: [String: String], csrf: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        let token = csrf ?? self.csrf ?? ""
        if !token.isEmpty { fields["_csrf"] = token }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .accept, value: "text/html")
        let cookies = [
            cookie.map { "pactum-session=\($0)" }, formCookie.map { "pactum-csrf=\($0)" },
            languageCookie.map { "pactum-language=\($0)" },
        ].compactMap { $0 }
        if let acceptLanguage { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.joined(separator: "; ")) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await ctx.app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        if let value = response.headers.setCookie?["pactum-session"] {
            cookie = value.string.isEmpty ? nil : value.string
        }
        if let value = response.headers.setCookie?["pactum-csrf"] { formCookie = value.string }
        if let value = response.headers.setCookie?["pactum-language"] { languageCookie = value.string }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else {
            return nil
        }
        return html[range].split(separator: "\"")[3].description
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
