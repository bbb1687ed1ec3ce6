import Fluent
import Foundation
import PactumLaw

/// What a message between Member States is. Each kind has one payload type.
enum MessageKind: String, Codable, Sendable, CaseIterable {
    /// A registry notice about a person both states hold datasets of (EDAC Arts 16, 31, 38, 43).
    case registryNotice = "registry.notice"
}

/// A payload of an exchange message: a Codable struct of its kind.
protocol MessagePayload: Codable, Sendable {
    static var kind: MessageKind { get }
}

/// One message from one Member State to another: who sent it to whom, what kind, the record
/// it is about (the receiver's, with the receiver's reference), the payload and when it was
/// sent; then the receiving system's receipt and the receiving official's acknowledgement.
/// Immutable once sent (a trigger refuses any change but the receipts); a correction is a new
/// message. The payload is kept as the bytes that were sent, with their SHA-256 digest, so that
/// a message carried between deployments can be signed and verified as it was written.
final class ExchangeMessage: Model, @unchecked Sendable {
    static let schema = "exchange_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: MessageKind
    @Field(key: "sender") var sender: MemberState
    @Field(key: "receiver") var receiver: MemberState
    /// The record the message is about, on the receiver's side, and its reference there.
    @Field(key: "case_type") var caseType: String
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "case_reference") var caseReference: String
    /// Canonical JSON (sorted keys) of the kind's payload, and its SHA-256 digest in hex.
    @Field(key: "payload") var payload: Data
    @Field(key: "digest") var digest: String
    @Field(key: "sent_at") var sentAt: Date
    /// The receiving system's receipt: inside one deployment, the moment of sending.
    @OptionalField(key: "received_at") var receivedAt: Date?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "acknowledged_by") var acknowledgedBy: String?

    init() {}

    /// The payload as its type. A payload that does not read, or whose bytes no longer match
    /// their digest, is a storage fault, never skipped.
    func read<P: MessagePayload>(_ type: P.Type) throws -> P {
        guard kind == P.kind else {
            throw StorageFault(
                description: "message \(id?.uuidString ?? "") is \(kind.rawValue), not \(P.kind.rawValue)")
        }
        guard sha256Hex(payload) == digest else {
            throw StorageFault(description: "message \(id?.uuidString ?? "") does not match its digest")
        }
        do { return try JSONDecoder.pactum.decode(P.self, from: payload) } catch {
            throw StorageFault(description: "message \(id?.uuidString ?? "") has an unreadable payload: \(error)")
        }
    }
}
