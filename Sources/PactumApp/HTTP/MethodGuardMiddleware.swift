import Vapor

/// Methods no route of Pactum serves (TRACE, CONNECT and anything unknown) are 405 with the
/// methods Pactum does serve, not a 404 that suggests another path might work.
struct MethodGuardMiddleware: AsyncMiddleware {
    static let served: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.served.contains(request.method.rawValue) else {
            throw Problem(
                status: .methodNotAllowed, type: "method-not-allowed",
                detail: "\(request.method.rawValue) is not served; use GET or POST.")
        }
        return try await next.respond(to: request)
    }
}
