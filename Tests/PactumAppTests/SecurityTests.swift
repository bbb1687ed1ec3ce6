import Fluent
import Foundation
import NIOCore
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// The faults found by probing a running server (issue 12), each held by a test that failed
/// before its fix. The concurrent ones run against a real server in Tests/server.
@Suite("Security: headers, methods, limits, sessions and input")
struct SecurityTests {
    @Test("every answer carries the security headers; personal data are never cached; HSTS only over TLS")
    func headers() async throws {
        try await withPactum { ctx in
            let page = try await WebSession(ctx).get("/login")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer")
            #expect(page.headers.first(name: "Strict-Transport-Security") == nil)
            let client = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let dataset = try #require(try await client.register().dataset)
            let read = try await client.send(.GET, "/api/v1/registry/datasets/\(dataset.id)")
            #expect(read.status == .ok && read.headers.first(name: .cacheControl) == "no-store")
            let css = try await ctx.send(.GET, "/static/pactum.css")
            #expect(css.headers.first(name: .cacheControl)?.contains("max-age") == true)
        }
        try await withPactum(configure: { $0.secureCookies = true }) { ctx in
            let page = try await ctx.send(.GET, "/health")
            #expect(page.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
        }
    }

    @Test("TRACE is 405, not 404; an empty purpose is refused, not taken for the default")
    func methodsAndPurpose() async throws {
        try await withPactum { ctx in
            #expect(try await ctx.send(.TRACE, "/").status == .methodNotAllowed)
            let trace = try await ctx.send(.TRACE, "/api/v1/law/rules")
            #expect(trace.status == .methodNotAllowed)
            #expect(try trace.problem().type == "urn:pactum:problem:method-not-allowed")
            let client = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let dataset = try #require(try await client.register().dataset)
            let empty = try await client.send(.GET, "/api/v1/registry/datasets/\(dataset.id)?purpose=")
            #expect(empty.status == .unprocessableEntity)
            #expect(try empty.problem().errors?.first?.field == "purpose")
        }
    }

    @Test("sign-in attempts per account and expensive searches per user are limited with 429 and Retry-After")
    func rateLimits() async throws {
        try await withPactum(configure: {
            $0.rateLimits.signInPerAccount = RateLimit(requests: 3, per: 300)
            $0.rateLimits.searchPerUser = RateLimit(requests: 2, per: 60)
        }) { ctx in
            let user = try await ctx.makeUser(.registryOperator)
            let body = #"{"email":"\#(user.email)","password":"\#(TestContext.password)"}"#
            var statuses: [UInt] = []
            for _ in 0..<4 { statuses.append(try await ctx.send(.POST, "/api/v1/auth/token", json: body).status.code) }
            #expect(statuses == [201, 201, 201, 429])
            let refused = try await ctx.send(.POST, "/api/v1/auth/token", json: body)
            #expect(Int(refused.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            #expect(try refused.problem().type == "urn:pactum:problem:rate-limited")
            ctx.clock.advance(by: 301)
            let token = try await ctx.token(for: user)
            let search = #"{"purpose":"identity-check","familyNames":"Al-Hassan"}"#
            var searches: [UInt] = []
            for _ in 0..<3 {
                searches.append(
                    try await ctx.send(.POST, "/api/v1/registry/search", token: token, json: search).status.code)
            }
            #expect(searches == [200, 200, 429])
        }
    }

    @Test("changing the password ends the user's other web sessions; wrong current passwords lock the account")
    func passwordChange() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.asylumSupervisor)
            let here = try await WebSession.signedIn(ctx, as: user)
            let elsewhere = try await WebSession.signedIn(ctx, as: user)
            let changed = try await here.post(
                "/account/password",
                form: [
                    "currentPassword": TestContext.password, "newPassword": "a much better passphrase",
                    "confirmPassword": "a much better passphrase",
                ])
            #expect(changed.status == .seeOther)
            #expect(try await here.get("/").status == .ok)
            #expect(try await elsewhere.get("/").headers.first(name: .location) == "/login")

            let other = try await ctx.makeUser(.registryOperator)
            let session = try await WebSession.signedIn(ctx, as: other)
            for _ in 0..<5 {
                let wrong = try await session.post(
                    "/account/password",
                    form: ["currentPassword": "not the password", "newPassword": "x", "confirmPassword": "x"])
                #expect(wrong.status == .unprocessableEntity)
            }
            let locked = try await ctx.send(
                .POST, "/api/v1/auth/token", json: #"{"email":"\#(other.email)","password":"\#(TestContext.password)"}"#
            )
            #expect(locked.status == .unauthorized)
            let details = try await AuditEntry.query(on: ctx.db).filter(\.$actor == other.email).all().compactMap(
                \.detail)
            #expect(details.contains { $0.contains("wrong current password; account locked") })
        }
    }

    @Test("wrong passwords sent at once each count: the lock holds and the right password is refused")
    func parallelGuesses() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.registryOperator)
            let wrong = #"{"email":"\#(user.email)","password":"wrong password guess"}"#
            try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await ctx.send(.POST, "/api/v1/auth/token", json: wrong).status.code }
                }
                for try await status in group { #expect(status == 401) }
            }
            let right = #"{"email":"\#(user.email)","password":"\#(TestContext.password)"}"#
            #expect(try await ctx.send(.POST, "/api/v1/auth/token", json: right).status == .unauthorized)
            let details = try await AuditEntry.query(on: ctx.db).filter(\.$actor == user.email).all().compactMap(
                \.detail)
            #expect(details.contains { $0.contains("account locked for 15 minutes") })
            #expect(!details.contains { $0 == "wrong password; 6 of 5" })
        }
    }

    @Test("an anonymous upload is sent to sign in before its body is read, even past the route's limit")
    func anonymousUploadRefusedFirst() async throws {
        try await withPactum { ctx in
            let visitor = WebSession(ctx)
            _ = try await visitor.get("/login")
            let huge = String(repeating: "x", count: 9 * 1024 * 1024)
            let response = try await ctx.app.testing().sendRequest(
                .POST, "/registry/datasets/\(UUID())/biometrics",
                headers: [
                    "Content-Type": "multipart/form-data; boundary=b", "Accept": "text/html",
                    "Cookie": "pactum-csrf=\(try #require(visitor.formCookie))",
                ],
                body: ByteBuffer(
                    string: "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\(huge)\r\n--b--\r\n"))
            // Reading 9 MB into an 8 MB route would answer 413.
            #expect(
                response.status == .seeOther && response.headers.first(name: .location) == "/login",
                "\(response.status)")
            let noToken = try await ctx.app.testing().sendRequest(
                .POST, "/screening/watchlists",
                headers: ["Content-Type": "multipart/form-data; boundary=b", "Accept": "text/html"],
                body: ByteBuffer(string: "--b--\r\n"))
            #expect(noToken.status == .forbidden)
        }
    }

    @Test("names need a letter and count every scalar; control characters and long places are refused")
    func inputGaps() async throws {
        try await withPactum { ctx in
            let client = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            for (fields, field) in [
                (["givenNames": "Mo\u{0}hammed"], "givenNames"),
                (["familyNames": "\u{200B}\u{2060}\u{200D}"], "familyNames"),
                (["familyNames": "a" + String(repeating: "\u{301}", count: 5000)], "familyNames"),
                (["placeOfBirth": String(repeating: "Aleppo ", count: 20)], "placeOfBirth"),
                (["eventPlace": String(repeating: "L", count: 101)], "eventPlace"),
                (["documentType": String(repeating: "P", count: 10_000)], "documentType"),
            ] {
                let response = try await client.send(.POST, "/api/v1/registry/datasets", RegistryClient.body(fields))
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(try response.problem().errors?.contains { $0.field == field } == true, "\(field)")
            }
            #expect(try await Dataset.query(on: ctx.db).count() == 0)
        }
    }

    @Test(
        "watchlist files: a BOM and CR line ends are read; duplicate headers, broken UTF-8, NUL and long names refused")
    func watchlistFiles() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let header =
                "kind,alert_reference,given_names,family_names,date_of_birth,nationalities,document_number,document_country"
            let row = "person,A-1,Ali,Rahimi,1990-01-01,AFG,,"
            func load(_ list: String, _ bytes: [UInt8]) async throws -> TestingHTTPResponse {
                try await ctx.app.testing().sendRequest(
                    .POST, "/api/v1/screening/watchlists/\(list)",
                    headers: ["Authorization": "Bearer \(officer.token)", "Content-Type": "text/csv"],
                    body: ByteBuffer(bytes: bytes))
            }
            let bom = try await load("bom", [0xEF, 0xBB, 0xBF] + Array("\(header)\r\n\(row)\r\n".utf8))
            #expect(bom.status == .ok, "\(bom.body.string)")
            let mac = try await load("mac", Array("\(header)\r\(row)\r".utf8))
            #expect(mac.status == .ok, "\(mac.body.string)")
            let duplicate = try await load("dup", Array("\(header),kind\n\(row),person\n".utf8))
            #expect(duplicate.status == .badRequest && duplicate.body.string.contains("twice"))
            let broken = try await load("broken", Array("\(header)\n".utf8) + [0xC3, 0x28] + Array(row.utf8))
            #expect(broken.status == .badRequest && broken.body.string.contains("UTF-8"))
            let nul = try await load("nul", Array("\(header)\nperson,A-1,Ali,Ra\u{0}himi,,,,\n".utf8))
            #expect(nul.status == .badRequest)
            let long = try await load(String(repeating: "n", count: 65), Array("\(header)\n\(row)\n".utf8))
            #expect(long.status == .unprocessableEntity)
            let lists = try await officer.decode([String: Int].self, .GET, "/api/v1/screening/watchlists")
            #expect(lists == ["bom": 1, "mac": 1])
        }
    }
}
