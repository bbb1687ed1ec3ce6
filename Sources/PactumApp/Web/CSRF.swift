import Crypto
import Foundation
import Vapor

/// Synchroniser-token CSRF protection: each session holds a random token that every form
/// posts back as `_csrf`. Together with SameSite=Strict cookies this refuses cross-site posts.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let sessionKey = "csrf"
    static let uploadLimit: AnySendableHashable = "upload-limit"

    struct Form: Content {
        var _csrf: String?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // A file upload arrives in parts: read it whole (within its route's limit) before
            // looking for the token in it.
            if request.body.data == nil, let limit = request.route?.userInfo[Self.uploadLimit] as? Int {
                _ = try await request.body.collect(max: limit).get()
            }
            let sent = (try? request.content.decode(Form.self))?._csrf ?? ""
            let expected = request.hasSession ? request.session.data[Self.sessionKey] ?? "" : ""
            guard !expected.isEmpty, Self.constantTimeEqual(sent, expected) else {
                throw Problem(
                    status: .forbidden, type: "csrf", title: "The form has expired",
                    detail: "Reload the page and send the form again.")
            }
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use.
    func csrfToken() -> String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = AuthService.randomToken()
        session.data[CSRFMiddleware.sessionKey] = token
        return token
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
