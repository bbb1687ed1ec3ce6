import Vapor

/// Renders problems as HTML pages for browsers; redirects stay redirects.
struct LeafErrorPages: ErrorPageRenderer {
    struct ErrorBody: Encodable, Sendable {
        var title: String
        var detail: String
        var status: Int
        var requestId: String
    }

    func render(_ problem: Problem, for request: Request) async -> Response {
        let body = ErrorBody(
            title: problem.title, detail: problem.detail ?? "", status: problem.status, requestId: request.requestID)
        do {
            return try await request.renderPage("Web/error", title: problem.title, body, status: problem.httpStatus)
        } catch {
            request.logger.error("cannot render the error page: \(String(reflecting: error))")
            return problem.response(for: request)
        }
    }
}
