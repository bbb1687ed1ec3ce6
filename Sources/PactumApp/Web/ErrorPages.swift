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
        let words = request.words
        // The problem's title in the page's language by its type; its detail where the
        // catalogue has the sentence (`Words.message`).
        let key = "problem." + (problem.type.split(separator: ":").last.map(String.init) ?? "")
        let title = words.catalogue.text(key, in: words.language) ?? problem.title
        let body = ErrorBody(
            title: title, detail: words.message(problem.detail ?? ""), status: problem.status,
            requestId: request.requestID)
        do {
            return try await request.renderPage(
                "Web/error", title: "title.plain", titleValues: [title], body, status: problem.httpStatus)
        } catch {
            request.logger.error("cannot render the error page: \(String(reflecting: error))")
            return problem.response(for: request)
        }
    }
}
