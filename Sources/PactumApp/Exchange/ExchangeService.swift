import Fluent
import Foundation
import PactumLaw

/// The record a message is about, on the receiver's side.
struct MessageSubject: Sendable {
    var type: String
    var id: UUID?
    var reference: String
}

/// Sends and receives messages between Member States, inside the caller's transaction. Inside
/// one deployment ("EU in a box") the receiving system is the same database: the message is
/// delivered, and its system receipt written, in the transaction that sends it.
struct ExchangeService: Sendable {
    let clock: AppClock

    @discardableResult
    func send<P: MessagePayload>(
        _ payload: P, from sender: MemberState, to receiver: MemberState, about subject: MessageSubject,
        on db: any Database
    ) async throws -> ExchangeMessage {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let m = ExchangeMessage()
        m.id = UUID()
        m.kind = P.kind
        m.sender = sender
        m.receiver = receiver
        m.caseType = subject.type
        m.caseID = subject.id
        m.caseReference = subject.reference
        m.payload = try encoder.encode(payload)
        m.digest = sha256Hex(m.payload)
        m.sentAt = clock.now()
        m.receivedAt = m.sentAt
        try await m.create(on: db)
        return m
    }

    /// The messages of one kind a state received, newest first.
    func inbox(_ kind: MessageKind, of state: MemberState, limit: Int, on db: any Database) async throws
        -> [ExchangeMessage]
    {
        try await ExchangeMessage.query(on: db).filter(\.$kind == kind).filter(\.$receiver == state)
            .sort(\.$sentAt, .descending).sort(\.$id).limit(limit).all()
    }

    /// How many messages of a kind the state received and has not acknowledged.
    func unacknowledged(_ kind: MessageKind, of state: MemberState, on db: any Database) async throws -> Int {
        try await ExchangeMessage.query(on: db).filter(\.$kind == kind).filter(\.$receiver == state)
            .filter(\.$acknowledgedAt == nil).count()
    }

    /// The messages about the receiver's records, oldest first.
    func messages(about records: [UUID], on db: any Database) async throws -> [ExchangeMessage] {
        guard !records.isEmpty else { return [] }
        return try await ExchangeMessage.query(on: db).filter(\.$caseID ~~ records).sort(\.$sentAt).sort(\.$id).all()
    }

    /// A message the state received, or nil.
    func received(_ id: UUID, _ kind: MessageKind, by receiver: MemberState, on db: any Database) async throws
        -> ExchangeMessage?
    {
        guard let m = try await ExchangeMessage.find(id, on: db), m.receiver == receiver, m.kind == kind else {
            return nil
        }
        return m
    }

    /// The receiving official's acknowledgement; the first one is kept. Says whether this call
    /// wrote it.
    func acknowledge(_ m: ExchangeMessage, official: String, on db: any Database) async throws -> Bool {
        guard m.acknowledgedAt == nil else { return false }
        m.acknowledgedAt = clock.now()
        m.acknowledgedBy = official
        try await m.save(on: db)
        return true
    }

    /// Deletes the messages about erased records (the personal data go with the record).
    func erase(about records: [UUID], on db: any Database) async throws {
        guard !records.isEmpty else { return }
        try await ExchangeMessage.query(on: db).filter(\.$caseID ~~ records).delete()
    }
}
