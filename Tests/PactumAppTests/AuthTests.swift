import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Authentication: passwords, lockout, bearer tokens")
struct AuthTests {
    @Test("a token signs the caller in; the account read is audited with its purpose")
    func tokenRoundTrip() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.asylumCaseworker)
            let token = try await ctx.token(for: user)
            let response = try await ctx.send(.GET, "/api/v1/me", token: token)
            #expect(response.status == .ok)
            let me = try response.content.decode(AccountView.self)
            #expect(me.email == user.email && me.state == "DE" && me.roles == ["asylum-caseworker"])
            let read = try #require(try await AuditEntry.query(on: ctx.db).filter(\.$action == "account.read").first())
            #expect(read.actor == user.email && read.purpose == "account-management" && read.recordState == "DE")
            #expect(read.requestID == response.headers.first(name: "X-Request-ID"))
            let tokens = try await APIToken.query(on: ctx.db).all()
            #expect(tokens.count == 1 && tokens[0].tokenHash != token && !tokens[0].tokenHash.contains(token))
        }
    }

    @Test("a wrong password is refused with a generic 401 and audited as a failure")
    func wrongPassword() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.returnOfficer)
            let response = try await ctx.send(
                .POST, "/api/v1/auth/token", json: #"{"email":"\#(user.email)","password":"wrong"}"#)
            #expect(response.status == .unauthorized)
            #expect(try response.problem().type == "urn:pactum:problem:invalid-credentials")
            let unknown = try await ctx.send(
                .POST, "/api/v1/auth/token", json: #"{"email":"nobody@test.example","password":"wrong"}"#)
            #expect(try unknown.problem().detail == response.problem().detail)
            let failures = try await AuditEntry.query(on: ctx.db).filter(\.$outcome == "failure").all()
            #expect(failures.map(\.actor).sorted() == ["anonymous", user.email])
        }
    }

    @Test("five failures lock the account; the right password is refused until the lock ends")
    func lockout() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.dublinOfficer)
            for _ in 1...5 {
                let r = try await ctx.send(
                    .POST, "/api/v1/auth/token", json: #"{"email":"\#(user.email)","password":"nope"}"#)
                #expect(r.status == .unauthorized)
            }
            let right = #"{"email":"\#(user.email)","password":"\#(TestContext.password)"}"#
            #expect(try await ctx.send(.POST, "/api/v1/auth/token", json: right).status == .unauthorized)
            let locked = try await AuditEntry.query(on: ctx.db).filter(\.$detail == "account locked").count()
            #expect(locked == 1)
            ctx.clock.advance(by: 15 * 60 + 1)
            #expect(try await ctx.send(.POST, "/api/v1/auth/token", json: right).status == .created)
        }
    }

    @Test("a token stops working when it expires and when it is revoked")
    func expiryAndRevocation() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.employer)
            let first = try await ctx.token(for: user)
            #expect(try await ctx.send(.DELETE, "/api/v1/auth/token", token: first).status == .noContent)
            #expect(try await ctx.send(.GET, "/api/v1/me", token: first).status == .unauthorized)
            let second = try await ctx.token(for: user)
            ctx.clock.advance(by: 8 * 3600 + 1)
            #expect(try await ctx.send(.GET, "/api/v1/me", token: second).status == .unauthorized)
        }
    }

    @Test("an account with a one-time password gets no API token until the password is changed")
    func oneTimePassword() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.screeningOfficer, mustChangePassword: true)
            let response = try await ctx.send(
                .POST, "/api/v1/auth/token", json: #"{"email":"\#(user.email)","password":"\#(TestContext.password)"}"#)
            #expect(response.status == .forbidden)
            #expect(try response.problem().type == "urn:pactum:problem:password-change-required")
            #expect(try await APIToken.query(on: ctx.db).count() == 0)
        }
    }

    @Test("changing the password checks the current one, refuses weak ones and revokes tokens")
    func changePassword() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.registryOperator)
            let token = try await ctx.token(for: user)
            let wrong = try await ctx.send(
                .POST, "/api/v1/me/password", token: token,
                json: #"{"currentPassword":"x","newPassword":"a much better passphrase"}"#)
            #expect(try wrong.problem().errors == [.init(field: "currentPassword", message: "is wrong")])
            let weak = try await ctx.send(
                .POST, "/api/v1/me/password", token: token,
                json: #"{"currentPassword":"\#(TestContext.password)","newPassword":"short"}"#)
            #expect(try weak.problem().errors?.first?.field == "newPassword")
            let good = try await ctx.send(
                .POST, "/api/v1/me/password", token: token,
                json: #"{"currentPassword":"\#(TestContext.password)","newPassword":"a much better passphrase"}"#)
            #expect(good.status == .noContent)
            #expect(try await ctx.send(.GET, "/api/v1/me", token: token).status == .unauthorized)
            #expect(try await ctx.token(for: user, password: "a much better passphrase").isEmpty == false)
        }
    }

    @Test("users created by an operator get a one-time password; a second account with the same e-mail is refused")
    func createUser() async throws {
        try await withPactum { ctx in
            let (user, password) = try await ctx.app.pactum.auth.createUser(
                email: " New.Officer@Test.Example ", displayName: "New Officer", state: .IT, authority: "Questura",
                roles: [.screeningOfficer], operator: "cli:test", on: ctx.db)
            #expect(user.email == "new.officer@test.example" && user.mustChangePassword)
            #expect(password.count == 20 && PasswordHasher.weakness(of: password) == nil)
            #expect(try Bcrypt.verify(password, created: user.passwordHash))
            await #expect(throws: AuthError.emailTaken("new.officer@test.example")) {
                try await ctx.app.pactum.auth.createUser(
                    email: "new.officer@test.example", displayName: "Again", state: .IT, authority: "Questura",
                    roles: [.screeningOfficer], operator: "cli:test", on: ctx.db)
            }
            let entry = try #require(try await AuditEntry.query(on: ctx.db).filter(\.$action == "user.create").first())
            #expect(entry.actor == "cli:test" && entry.recordState == "IT")
        }
    }
}
