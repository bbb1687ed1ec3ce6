import Fluent
import Foundation
import NIOCore
import PactumLaw
import SQLKit
import Synchronization
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))  // Wednesday 2026-11-18 11:06 UTC
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
    var appClock: AppClock { AppClock { [self] in self.now } }
}

/// The database the suite runs on: SQLite in memory, or PostgreSQL when `DATABASE_URL` is set
/// (CI runs the whole suite on both). Each test gets its own PostgreSQL schema, so tests run
/// in parallel without sharing tables.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var isPostgres: Bool { postgresURL != nil }
}

/// One configured Pactum for one test.
struct TestContext: Sendable {
    let app: Application
    let clock: TestClock
    static let password = "correct horse battery staple"

    var db: any Database { app.db }
    var sql: any SQLDatabase { app.db as! any SQLDatabase }

    /// Creates a user with a known password (and no one-time password to change, unless asked).
    @discardableResult
    func makeUser(
        _ role: Role, state: MemberState = .DE, email: String? = nil, mustChangePassword: Bool = false,
        extraRoles: Set<Role> = []
    ) async throws -> User {
        let user = User(
            id: UUID(), email: email ?? "\(role.rawValue).\(state.code.lowercased())@test.example",
            displayName: "Test \(role.title)", state: state, authority: "Test authority",
            roles: extraRoles.union([role]),
            passwordHash: try Bcrypt.hash(Self.password, cost: 4), mustChangePassword: mustChangePassword,
            createdAt: clock.now)
        try await user.create(on: db)
        return user
    }

    /// Signs in through the API and returns the bearer token.
    func token(for user: User, password: String = TestContext.password) async throws -> String {
        var token = ""
        try await app.testing().test(
            .POST, "api/v1/auth/token",
            beforeRequest: { try $0.content.encode(["email": user.email, "password": password]) },
            afterResponse: { res async throws in
                #expect(res.status == .created, "sign-in failed: \(res.body.string)")
                token = try res.content.decode(AuthAPIController.TokenResponse.self).token
            })
        return token
    }

    /// Sends one request with optional bearer token, JSON body and headers.
    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil,
        headers: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = headers
        if let token { headers.bearerAuthorization = .init(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func auditCount() async throws -> Int { try await AuditEntry.query(on: db).count() }
}

/// Runs `test` against a freshly migrated Pactum; `sqliteDirectory` keeps SQLite in a file there
/// instead of memory (for tests that read the file itself).
/// The tests sign in hundreds of times a second from one address: the rate limits are lifted
/// unless `configure` sets them again (RateLimitTests).
func withPactum(
    sqliteDirectory: URL? = nil, configure: (inout PactumConfiguration) -> Void = { _ in },
    _ test: (TestContext) async throws -> Void
) async throws {
    let clock = TestClock()
    var config = PactumConfiguration(dataDirectory: FileManager.default.temporaryDirectory)
    config.bcryptCost = 4
    config.clock = clock.appClock
    let unlimited = RateLimit(requests: 1_000_000, per: 1)
    config.rateLimits.signInPerAccount = unlimited
    config.rateLimits.signInPerAddress = unlimited
    config.rateLimits.searchPerUser = unlimited
    configure(&config)
    let schema = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
    if let url = TestDatabase.postgresURL {
        config.databaseURL = url
        config.postgresSchema = schema
    } else if let sqliteDirectory {
        config.dataDirectory = sqliteDirectory
    } else {
        config.inMemory = true
    }
    let app = try await Application.make(.testing)
    do {
        try await app.configurePactum(config)
        try await test(TestContext(app: app, clock: clock))
    } catch {
        await dropSchema(app, schema)
        try? await app.asyncShutdown()
        throw error
    }
    await dropSchema(app, schema)
    try await app.asyncShutdown()
}

private func dropSchema(_ app: Application, _ schema: String) async {
    guard TestDatabase.isPostgres, let sql = app.db as? any SQLDatabase else { return }
    try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
}

extension TestingHTTPResponse {
    /// The decoded RFC 9457 body, after checking the media type.
    func problem(sourceLocation: SourceLocation = #_sourceLocation) throws -> Problem {
        #expect(
            headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true,
            "not a problem document: \(headers.first(name: .contentType) ?? "none")", sourceLocation: sourceLocation)
        return try JSONDecoder().decode(Problem.self, from: Data(body.readableBytesView))
    }
}
