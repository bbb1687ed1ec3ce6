import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Web pages: sign-in, sessions, CSRF, dashboards")
struct WebTests {
    @Test("the session cookie is HttpOnly and SameSite=Strict, and a new id is issued at sign-in")
    func cookieAndRotation() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.asylumSupervisor)
            let session = WebSession(ctx)
            // Before sign-in only the form's double-submit cookie, no session.
            let page = try await session.get("/login")
            let header = try #require(page.headers.first(name: .setCookie))
            #expect(
                header.hasPrefix("pactum-csrf=") && header.contains("HttpOnly") && header.contains("SameSite=Strict"))
            #expect(session.cookie == nil)
            let response = try await session.post(
                "/login", form: ["email": user.email, "password": TestContext.password])
            #expect(response.status == .seeOther && response.headers.first(name: .location) == "/")
            let issued = try #require(response.headers.first(name: .setCookie))
            #expect(
                issued.hasPrefix("pactum-session=") && issued.contains("HttpOnly") && issued.contains("SameSite=Strict")
            )
            let first = try #require(session.cookie)
            _ = try await session.post("/logout", form: [:])
            _ = try await session.login(email: user.email, password: TestContext.password)
            #expect(session.cookie != nil && session.cookie != first)
            let dashboard = try await session.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("Asylum supervisor"))
        }
    }

    @Test("a form posted without the CSRF token, or with another session's, is refused and signs nobody in")
    func csrf() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.returnOfficer)
            let session = WebSession(ctx)
            _ = try await session.get("/login")
            let missing = try await session.post(
                "/login", form: ["email": user.email, "password": TestContext.password], csrf: "")
            #expect(missing.status == .forbidden)
            let other = WebSession(ctx)
            _ = try await other.get("/login")
            let foreign = try await session.post(
                "/login", form: ["email": user.email, "password": TestContext.password], csrf: other.csrf!)
            #expect(foreign.status == .forbidden)
            #expect(try await session.get("/").status == .seeOther)
            #expect(try await AuditEntry.query(on: ctx.db).filter(\.$action == "auth.login").count() == 0)
        }
    }

    @Test("a wrong password shows the form again with an accessible error")
    func wrongPassword() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.employer)
            let response = try await WebSession(ctx).login(email: user.email, password: "nope")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains(#"role="alert""#))
            #expect(response.body.string.contains(#"value="\#(user.email)""#))
        }
    }

    @Test("a one-time password leads to the password page, and nowhere else, until it is changed")
    func forcedPasswordChange() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.fingerprintExpert, mustChangePassword: true)
            let session = WebSession(ctx)
            let login = try await session.login(email: user.email, password: TestContext.password)
            #expect(login.headers.first(name: .location) == "/account/password")
            #expect(try await session.get("/").headers.first(name: .location) == "/account/password")
            let mismatch = try await session.post(
                "/account/password",
                form: [
                    "currentPassword": TestContext.password, "newPassword": "my own passphrase",
                    "confirmPassword": "other",
                ])
            #expect(mismatch.status == .unprocessableEntity)
            let done = try await session.post(
                "/account/password",
                form: [
                    "currentPassword": TestContext.password, "newPassword": "my own passphrase",
                    "confirmPassword": "my own passphrase",
                ])
            #expect(done.status == .seeOther)
            #expect(try await session.get("/").status == .ok)
            let stored = try #require(try await User.find(user.id, on: ctx.db))
            #expect(!stored.mustChangePassword)
        }
    }

    @Test("signing out ends the session and is audited")
    func logout() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.nationalFocalPoint)
            let session = try await WebSession.signedIn(ctx, as: user)
            let response = try await session.post("/logout", form: [:])
            #expect(response.headers.first(name: .location) == "/login")
            #expect(try await session.get("/").headers.first(name: .location) == "/login")
            #expect(try await AuditEntry.query(on: ctx.db).filter(\.$action == "auth.logout").count() == 1)
        }
    }

    @Test("a session expires after its lifetime however active it is")
    func sessionLifetime() async throws {
        try await withPactum { ctx in
            let session = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.solidarityCoordinator))
            #expect(try await session.get("/").status == .ok)
            ctx.clock.advance(by: 8 * 3600 + 1)
            #expect(try await session.get("/").headers.first(name: .location) == "/login")
        }
    }

    @Test("the monitor's dashboard counts the state's trail; other roles see no audit link")
    func dashboards() async throws {
        try await withPactum { ctx in
            let monitor = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.fundamentalRightsMonitor))
            let page = try await monitor.get("/").body.string
            #expect(page.contains(#"<strong id="entries-24h">"#) && page.contains(#"href="/audit""#))
            let caseworker = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.asylumCaseworker))
            let other = try await caseworker.get("/").body.string
            #expect(!other.contains(#"href="/audit""#) && other.contains("Asylum caseworker"))
        }
    }

    @Test("the audit page lists entries, validates its filters, and records the monitor's own read")
    func auditPage() async throws {
        try await withPactum { ctx in
            let monitor = try await ctx.makeUser(.fundamentalRightsMonitor)
            let session = try await WebSession.signedIn(ctx, as: monitor)
            let page = try await session.get("/audit?outcome=success")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("auth.login"))
            let bad = try await session.get("/audit?from=yesterday")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("From</a> must be a date"))
            let reads = try await AuditEntry.query(on: ctx.db).filter(\.$action == "audit.read").all()
            #expect(
                reads.count == 1 && reads[0].purpose == "fundamental-rights-monitoring"
                    && reads[0].actor == monitor.email)
            let verify = try await session.get("/audit/verify")
            #expect(verify.body.string.contains("The chain is intact"))
        }
    }

    @Test("the About page states the Pact's acts and their dates of application")
    func about() async throws {
        try await withPactum { ctx in
            let page = try await WebSession(ctx).get("/about").body.string
            #expect(page.contains("Regulation (EU) 2024/1351") && page.contains("2026-07-01"))
            #expect(page.contains("Regulation (EU) 2024/1348") && page.contains("2026-06-12"))
        }
    }
}

@Suite("Web sessions in the database")
struct WebSessionStoreTests {
    @Test("only a hash of the session id is stored, anonymous visits store none, and expired sessions are purged")
    func storedHashedAndPurged() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.asylumSupervisor)
            // Every anonymous GET /login once wrote a row kept 8 hours (issue 12, item 10).
            for _ in 0..<20 { _ = try await WebSession(ctx).get("/login") }
            #expect(try await WebSessionRecord.query(on: ctx.db).count() == 0)
            let first = try await WebSession.signedIn(ctx, as: user)
            let cookie = try #require(first.cookie)
            let stored = try await WebSessionRecord.query(on: ctx.db).all()
            #expect(stored.count == 1 && stored[0].tokenHash == sha256Hex(cookie) && !stored[0].data.contains(cookie))
            #expect(stored[0].userID == user.id)
            ctx.clock.advance(by: 8 * 3600 + 1)
            _ = try await WebSession.signedIn(ctx, as: user)
            let remaining = try await WebSessionRecord.query(on: ctx.db).all()
            #expect(remaining.count == 1 && remaining[0].tokenHash != sha256Hex(cookie))
        }
    }
}
