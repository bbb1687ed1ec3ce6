import Crypto
import Foundation
import Vapor

/// Synchroniser-token CSRF protection: each session holds a random token that every form
/// posts back as `_csrf`. Together with SameSite=Strict cookies this refuses cross-site posts.
///
/// Before sign-in there is no session (so an anonymous visit writes no row): the sign-in form's
/// token is a double-submit cookie instead, `SameSite=Strict` and `HttpOnly`, which the form
/// must echo.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let sessionKey = "csrf"
    static let cookie = "pactum-csrf"
    static let uploadLimit: AnySendableHashable = "upload-limit"
    let secureCookies: Bool

    struct Form: Content {
        var _csrf: String?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            let expected = request.expectedCSRFToken
            // Refuse before reading the body: a large upload from someone without a form token
            // (or, for uploads, without a signed-in session) costs the server nothing.
            let upload = request.route?.userInfo[Self.uploadLimit] as? Int
            guard !expected.isEmpty else { throw Self.expired }
            if upload != nil, !request.auth.has(Principal.self) { throw WebRedirect(location: "/login") }
            // A file upload arrives in parts: read it whole (within its route's limit) before
            // looking for the token in it.
            if request.body.data == nil, let upload {
                _ = try await request.body.collect(max: upload).get()
            }
            let sent = (try? request.content.decode(Form.self))?._csrf ?? ""
            guard Self.constantTimeEqual(sent, expected) else { throw Self.expired }
        }
        let response = try await next.respond(to: request)
        if let fresh = request.storage[AnonymousTokenKey.self] {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: fresh, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    static let expired = Problem(
        status: .forbidden, type: "csrf", title: "The form has expired",
        detail: "Reload the page and send the form again.")

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A double-submit token made during this request, for the middleware to set as a cookie.
private struct AnonymousTokenKey: StorageKey { typealias Value = String }

extension Request {
    /// The token the forms of this page carry: the session's once signed in (created on first
    /// use), before that the double-submit cookie's.
    func csrfToken() -> String {
        if hasSession, let token = session.data[CSRFMiddleware.sessionKey] { return token }
        if auth.has(Principal.self) { return newSessionCSRFToken() }
        if let token = storage[AnonymousTokenKey.self] ?? cookies[CSRFMiddleware.cookie]?.string, token.count >= 32 {
            return token
        }
        let token = AuthService.randomToken()
        storage[AnonymousTokenKey.self] = token
        return token
    }

    /// A new token in the session (at sign-in, with the new session).
    @discardableResult
    func newSessionCSRFToken() -> String {
        let token = AuthService.randomToken()
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }

    /// What a form posted now must carry; empty when nothing was ever issued.
    fileprivate var expectedCSRFToken: String {
        if hasSession, let token = session.data[CSRFMiddleware.sessionKey] { return token }
        return cookies[CSRFMiddleware.cookie]?.string ?? ""
    }
}

extension RoutesBuilder {
    /// A form route that takes files of up to `limit` in a multipart body.
    @discardableResult
    func upload(
        _ path: PathComponent..., limit: ByteCount, use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: limit), use: closure)
        route.userInfo[CSRFMiddleware.uploadLimit] = limit.value
        return route
    }
}
