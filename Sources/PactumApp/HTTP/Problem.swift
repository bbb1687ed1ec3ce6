import Foundation
import Vapor

/// An RFC 9457 problem document, the body of every API error.
public struct Problem: Content, Error, Sendable, Equatable {
    /// One invalid field of a request, named by its JSON path.
    public struct FieldError: Codable, Sendable, Equatable {
        public var field: String
        public var message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var instance: String?
    /// Extension member: every invalid field, for validation problems.
    public var errors: [FieldError]?
    /// Extension member: the request id, to find the server log line.
    public var requestId: String?
    /// Extension member of a 429: seconds to wait, also sent as `Retry-After`.
    public var retryAfter: Int?

    public init(
        status: HTTPResponseStatus, type: String? = nil, title: String? = nil, detail: String? = nil,
        errors: [FieldError]? = nil
    ) {
        self.status = Int(status.code)
        self.type = type.map { "urn:pactum:problem:\($0)" } ?? "about:blank"
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.errors = errors
    }

    var httpStatus: HTTPResponseStatus { .init(statusCode: status) }

    static func validation(_ errors: [FieldError]) -> Problem {
        Problem(
            status: .unprocessableEntity, type: "validation", title: "The request has invalid fields",
            detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: errors)
    }

    static func badRequest(_ detail: String, errors: [FieldError]? = nil) -> Problem {
        Problem(status: .badRequest, type: "bad-request", detail: detail, errors: errors)
    }

    static let unauthenticated = Problem(
        status: .unauthorized, type: "unauthenticated", title: "Authentication required",
        detail: "Send a bearer token from POST /api/v1/auth/token in the Authorization header.")

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, type: "forbidden", title: "Not allowed", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, type: "not-found", detail: detail)
    }
}

extension Problem {
    /// Encodes the problem as `application/problem+json`.
    func response(for request: Request) -> Response {
        var body = self
        body.instance = body.instance ?? request.url.path
        body.requestId = request.requestID
        let response = Response(status: httpStatus)
        response.headers.replaceOrAdd(name: .contentType, value: "application/problem+json; charset=utf-8")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        response.body = .init(data: (try? encoder.encode(body)) ?? Data())
        if status == 401 { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"pactum\"") }
        if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
        return response
    }
}
