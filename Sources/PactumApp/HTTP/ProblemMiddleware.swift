import FluentKit
import Foundation
import Vapor

/// Turns every error into an RFC 9457 problem for the API, or an error page for the web UI,
/// in one place at the edge. Database and other internal errors never reach the client: they
/// are logged with the request id and answered with a bare 500.
struct ProblemMiddleware: AsyncMiddleware {
    let pages: any ErrorPageRenderer

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let redirect as WebRedirect {
            return request.redirect(to: redirect.location, redirectType: .normal)
        } catch {
            let problem = Self.problem(for: error, request: request)
            if problem.status >= 500 {
                request.logger.error("request failed: \(String(reflecting: error))")
            }
            if request.wantsHTML {
                let page = await pages.render(problem, for: request)
                if let wait = problem.retryAfter { page.headers.replaceOrAdd(name: .retryAfter, value: String(wait)) }
                return page
            }
            return problem.response(for: request)
        }
    }

    static func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let domain as any DomainError:
            return domain.failure.problem
        case let decoding as DecodingError:
            return .validation([FieldError.from(decoding)])
        case let validation as ValidationsError:
            return .validation(
                validation.failures.map {
                    .init(field: $0.key.description, message: $0.result.failureDescription ?? "is invalid")
                })
        case let storage as any DatabaseError where storage.isConstraintFailure:
            // A unique index caught what a concurrent request wrote first: the loser's 409.
            request.logger.notice("constraint refused a write: \(String(reflecting: storage))")
            return Problem(
                status: .conflict, type: "conflict",
                detail: "Another request changed this record at the same moment; reload it and try again.")
        case let abort as any AbortError:
            // Vapor's own aborts: bad JSON, unsupported media type, body too large, no route.
            let status = abort.status
            let reason = status.code >= 500 ? nil : abort.reason
            let kinds: [UInt: String] = [
                400: "bad-request", 404: "not-found", 405: "method-not-allowed", 413: "payload-too-large",
                415: "unsupported-media-type",
            ]
            return Problem(status: status, type: kinds[status.code], detail: reason)
        default:
            return Problem(
                status: .internalServerError,
                detail: "An internal error occurred; the request id identifies it in the server log.")
        }
    }
}

typealias FieldError = Problem.FieldError

extension Problem.FieldError {
    /// Names the JSON path and the fault of a decoding error.
    static func from(_ error: DecodingError) -> Problem.FieldError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context):
            return .init(field: path(context.codingPath), message: "must be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            return .init(field: path(context.codingPath), message: "must be \(Self.describe(type)), not null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return .init(
                field: field.isEmpty ? "body" : field,
                message: field.isEmpty ? "is not valid JSON" : context.debugDescription)
        @unknown default:
            return .init(field: "body", message: "cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

extension Request {
    /// Whether the client is a browser asking for a page (not the API).
    var wantsHTML: Bool {
        !url.path.hasPrefix("/api/") && (headers.accept.mediaTypes.contains(.html) || headers.accept.isEmpty)
            && !url.path.hasPrefix("/health") && !url.path.hasPrefix("/ready") && !url.path.hasPrefix("/metrics")
    }
}

/// Draws the HTML page for an error; the web module provides it.
protocol ErrorPageRenderer: Sendable {
    func render(_ problem: Problem, for request: Request) async -> Response
}
