import Vapor

/// Headers that every answer carries (OWASP ASVS V14.4). The pages use no script, no inline
/// style and no frame, so the policy can allow only the server's own stylesheet and images.
/// API answers and pages hold personal data: no cache keeps them (`no-store`); the stylesheet
/// keeps its own caching.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// `Strict-Transport-Security` only when the operator serves over TLS (secure cookies).
    let strictTransport: Bool

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy), ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
            ("Cross-Origin-Opener-Policy", "same-origin"), ("Cross-Origin-Resource-Policy", "same-origin"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if strictTransport {
            response.headers.replaceOrAdd(
                name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        if !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
