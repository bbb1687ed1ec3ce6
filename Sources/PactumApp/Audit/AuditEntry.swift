import Fluent
import Foundation

/// One line of the audit trail: who did what to which record, when and for what purpose.
/// Rows are only ever inserted; each hashes the previous row's hash (see `AuditChain`).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    /// Position in the chain, from 1, without gaps.
    @Field(key: "seq") var seq: Int
    /// Milliseconds since 1970: an integer survives every database exactly, so hashes verify.
    @Field(key: "occurred_at_ms") var occurredAtMs: Int64
    @OptionalField(key: "actor_id") var actorID: String?
    @Field(key: "actor") var actor: String
    @OptionalField(key: "actor_role") var actorRole: String?
    @OptionalField(key: "actor_state") var actorState: String?
    @Field(key: "action") var action: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "record_type") var recordType: String?
    @OptionalField(key: "record_id") var recordID: String?
    @OptionalField(key: "record_state") var recordState: String?
    @OptionalField(key: "purpose") var purpose: String?
    @OptionalField(key: "request_id") var requestID: String?
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var occurredAt: Date { Date(timeIntervalSince1970: Double(occurredAtMs) / 1000) }

    /// The fields the hash covers, in their fixed order.
    var hashedFields: [String?] {
        [
            String(seq), String(occurredAtMs), actorID, actor, actorRole, actorState, action, outcome, recordType,
            recordID, recordState, purpose, requestID, detail,
        ]
    }
}
