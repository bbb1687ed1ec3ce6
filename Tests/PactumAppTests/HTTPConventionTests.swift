import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("HTTP conventions: problems, request ids, limits, operator endpoints")
struct HTTPConventionTests {
    @Test("health, readiness and metrics answer without authentication")
    func operatorEndpoints() async throws {
        try await withPactum { ctx in
            #expect(try await ctx.send(.GET, "/health").body.string.contains("ok"))
            #expect(try await ctx.send(.GET, "/ready").status == .ok)
            let metrics = try await ctx.send(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(
                metrics.body.string.contains(
                    #"pactum_http_requests_total{method="GET",route="/health",status="200"} 1"#))
            #expect(metrics.body.string.contains("pactum_http_request_duration_seconds_bucket"))
        }
    }

    @Test("a sane X-Request-ID is echoed; anything else is replaced by a fresh id")
    func requestID() async throws {
        try await withPactum { ctx in
            let kept = try await ctx.send(.GET, "/health", headers: ["X-Request-ID": "trace-42.a_b"])
            #expect(kept.headers.first(name: "X-Request-ID") == "trace-42.a_b")
            let replaced = try await ctx.send(.GET, "/health", headers: ["X-Request-ID": "bad id\u{7}"])
            let id = try #require(replaced.headers.first(name: "X-Request-ID"))
            #expect(id != "bad id\u{7}" && UUID(uuidString: id) != nil)
            let problem = try await ctx.send(.GET, "/api/v1/me", headers: ["X-Request-ID": "abc"]).problem()
            #expect(problem.requestId == "abc")
        }
    }

    @Test("an unknown API path is a problem+json 404")
    func notFound() async throws {
        try await withPactum { ctx in
            let response = try await ctx.send(.GET, "/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(try response.problem().status == 404)
        }
    }

    @Test("malformed JSON is a 400 problem and changes nothing")
    func malformedJSON() async throws {
        try await withPactum { ctx in
            let before = try await ctx.auditCount()
            let response = try await ctx.send(.POST, "/api/v1/auth/token", json: #"{"email": "a@b.c", "#)
            #expect(response.status == .badRequest)
            #expect(try response.problem().errors == [.init(field: "body", message: "is not valid JSON")])
            #expect(try await ctx.auditCount() == before)
        }
    }

    @Test("missing, mistyped and unknown fields are all listed in one 422 problem")
    func everyFieldListed() async throws {
        try await withPactum { ctx in
            let before = try await ctx.auditCount()
            let response = try await ctx.send(.POST, "/api/v1/auth/token", json: #"{"email": 12, "extra": true}"#)
            #expect(response.status == .unprocessableEntity)
            let problem = try response.problem()
            #expect(problem.type == "urn:pactum:problem:validation")
            #expect(
                problem.errors == [
                    .init(field: "email", message: "must be a string"),
                    .init(field: "password", message: "is required"),
                    .init(field: "extra", message: "is not a field of this request"),
                ])
            #expect(try await ctx.auditCount() == before)
            #expect(try await APIToken.query(on: ctx.db).count() == 0)
        }
    }

    @Test("a JSON array, an empty body and another media type are refused")
    func wrongShapes() async throws {
        try await withPactum { ctx in
            #expect(try await ctx.send(.POST, "/api/v1/auth/token", json: "[1,2]").status == .unprocessableEntity)
            #expect(try await ctx.send(.POST, "/api/v1/auth/token", json: "").status == .badRequest)
            var headers = HTTPHeaders()
            headers.contentType = .plainText
            let response = try await ctx.app.testing().sendRequest(
                .POST, "/api/v1/auth/token", headers: headers, body: ByteBuffer(string: "email=x"))
            #expect(response.status == .unsupportedMediaType)
            #expect(try response.problem().status == 415)
        }
    }

    @Test("a body over the size limit is a 413 problem")
    func oversizedBody() async throws {
        try await withPactum { ctx in
            let huge = #"{"email": ""# + String(repeating: "a", count: 300_000) + #"", "password": "x"}"#
            // The limit applies while the body streams in, so this test goes through a real socket.
            var headers = HTTPHeaders()
            headers.contentType = .json
            let response = try await ctx.app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                .POST, "/api/v1/auth/token", headers: headers, body: ByteBuffer(string: huge))
            #expect(response.status == .payloadTooLarge)
            #expect(try response.problem().status == 413)
            #expect(try await ctx.auditCount() == 0)
        }
    }

    @Test(
        "every JSON endpoint refuses malformed JSON, non-objects, empty objects and other media types, changing nothing"
    )
    func everyEndpointRefusesBadBodies() async throws {
        try await withPactum { ctx in
            // Every role, so that each endpoint gets past the policy to its body.
            let user = try await ctx.makeUser(.asylumCaseworker, extraRoles: Set(Role.allCases))
            let token = try await ctx.token(for: user)
            let auditBefore = try await ctx.auditCount()
            // A receipt, a biometric registration and a security check have no body to refuse; a
            // watchlist is CSV.
            let bodyless = [
                "/api/v1/registry/notices/:id/receipt", "/api/v1/screening/referrals/:id/receipt",
                "/api/v1/screening/cases/:id/biometrics", "/api/v1/screening/cases/:id/security",
                "/api/v1/screening/watchlists/:list",
            ]
            let posts = ctx.app.routes.all.filter {
                $0.method == .POST && $0.path.first?.description == "api"
                    && !bodyless.contains("/" + $0.path.map(\.description).joined(separator: "/"))
            }
            #expect(!posts.isEmpty)
            for route in posts {
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                let malformed = try await ctx.send(.POST, path, token: token, json: #"{"a": "#)
                #expect(malformed.status == .badRequest, "\(path)")
                #expect(try malformed.problem().errors?.first?.field == "body", "\(path)")
                #expect(
                    try await ctx.send(.POST, path, token: token, json: "[]").status == .unprocessableEntity, "\(path)")
                let empty = try await ctx.send(.POST, path, token: token, json: "{}")
                #expect(empty.status == .unprocessableEntity, "\(path)")
                #expect(try empty.problem().errors?.isEmpty == false, "\(path): the required fields are listed")
                let form = try await ctx.send(
                    .POST, path, token: token, headers: ["Content-Type": "application/x-www-form-urlencoded"])
                #expect(form.status == .unsupportedMediaType, "\(path)")
            }
            #expect(try await ctx.auditCount() == auditBefore)
            let stored = try #require(try await User.find(user.id, on: ctx.db))
            #expect(stored.passwordHash == user.passwordHash)
            #expect(try await APIToken.query(on: ctx.db).count() == 1)
        }
    }

    @Test("a browser gets an HTML error page, not JSON")
    func htmlErrors() async throws {
        try await withPactum { ctx in
            let response = try await ctx.send(.GET, "/no-such-page", headers: ["Accept": "text/html"])
            #expect(response.status == .notFound)
            #expect(response.headers.contentType == .html)
            #expect(response.body.string.contains("<h1>Not found</h1>"))
        }
    }
}
