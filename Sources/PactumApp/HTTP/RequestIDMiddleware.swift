import Vapor

/// Gives every request an id: the caller's `X-Request-ID` when it is a sane token, otherwise a
/// new UUID. The id is echoed on the response, put on every log line and every audit entry.
struct RequestIDMiddleware: AsyncMiddleware {
    static let header = "X-Request-ID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id =
            request.headers.first(name: Self.header).flatMap { Self.isAcceptable($0) ? $0 : nil } ?? UUID().uuidString
        request.storage[RequestIDKey.self] = id
        request.logger[metadataKey: "request-id"] = .string(id)
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.header, value: id)
        return response
    }

    static func isAcceptable(_ value: String) -> Bool {
        (1...128).contains(value.utf8.count)
            && value.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D
                    || c == 0x5F
                    || c == 0x2E
            }
    }
}

private struct RequestIDKey: StorageKey { typealias Value = String }

extension Request {
    /// The id of this request, as sent back in `X-Request-ID`.
    var requestID: String { storage[RequestIDKey.self] ?? id }
}
