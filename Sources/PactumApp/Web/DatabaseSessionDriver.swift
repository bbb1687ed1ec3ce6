import Fluent
import Foundation
import Vapor

/// A stored web session. Only the SHA-256 of the session id is kept, as for API tokens, so a
/// copy of the database does not let anyone take over a session.
final class WebSessionRecord: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    /// The session's key-value pairs as JSON.
    @Field(key: "data") var data: String
    @Field(key: "expires_at") var expiresAt: Date
    /// The signed-in user, so that a password change can end the user's other sessions.
    @OptionalField(key: "user_id") var userID: UUID?

    init() {}

    init(tokenHash: String, data: String, expiresAt: Date, userID: UUID?) {
        self.tokenHash = tokenHash
        self.data = data
        self.expiresAt = expiresAt
        self.userID = userID
    }
}

/// Sessions in the database with an absolute lifetime. Fluent's own driver keeps sessions
/// forever, so every anonymous visit to the sign-in page would leave a row behind; this one
/// refuses expired sessions and deletes them whenever a new session is created. A session
/// with nothing in it is not stored at all: an anonymous visit costs no row (its form token is
/// a cookie, see `Request.csrfToken()`).
struct DatabaseSessionDriver: SessionDriver {
    let clock: AppClock
    let lifetime: TimeInterval

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let id = AuthService.randomToken()
            guard !data.snapshot.isEmpty else { return SessionID(string: id) }
            let now = clock.now()
            try await WebSessionRecord.query(on: request.db).filter(\.$expiresAt < now).delete()
            try await WebSessionRecord(
                tokenHash: sha256Hex(id), data: try Self.encode(data), expiresAt: now.addingTimeInterval(lifetime),
                userID: Self.user(in: data)
            ).create(on: request.db)
            return SessionID(string: id)
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            guard let record = try await find(sessionID, on: request.db), record.expiresAt > clock.now() else {
                return nil
            }
            return try JSONDecoder().decode([String: String].self, from: Data(record.data.utf8)).sessionData
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        request.eventLoop.makeFutureWithTask {
            try await WebSessionRecord.query(on: request.db).filter(\.$tokenHash == sha256Hex(sessionID.string))
                .set(\.$data, to: try Self.encode(data)).set(\.$userID, to: Self.user(in: data)).update()
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await WebSessionRecord.query(on: request.db).filter(\.$tokenHash == sha256Hex(sessionID.string))
                .delete()
        }
    }

    private func find(_ id: SessionID, on db: any Database) async throws -> WebSessionRecord? {
        try await WebSessionRecord.query(on: db).filter(\.$tokenHash == sha256Hex(id.string)).first()
    }

    private static func user(in data: SessionData) -> UUID? {
        data[SessionAuthenticator.userKey].flatMap(UUID.init(uuidString:))
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
    }
}

extension Dictionary where Key == String, Value == String {
    fileprivate var sessionData: SessionData { SessionData(initialData: self) }
}
