import Fluent
import Foundation

/// A message from one Member State to another about a person whose datasets both hold (a hit,
/// a mark, a flag, an update, an erasure). Immutable but for its receipt; it carries no names,
/// only the recipient's own reference number, so it reveals nothing the recipient lacks.
final class Notice: Model, @unchecked Sendable {
    static let schema = "registry_notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "kind") var kind: String
    /// The recipient's dataset and its reference number.
    @OptionalField(key: "recipient_dataset_id") var recipientDatasetID: UUID?
    @Field(key: "recipient_reference") var recipientReference: String
    @Field(key: "message") var message: String
    @Field(key: "citation") var citation: String
    @Field(key: "created_at") var createdAt: Date
    /// The central system's 72-hour limit to pass the notice on (EDAC-NOTICE).
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    @OptionalField(key: "read_by") var readBy: String?

    init() {}
}

/// One rectification of a dataset (EDAC Art 43; GDPR Art 16): the history the DPO keeps.
final class Rectification: Model, @unchecked Sendable {
    static let schema = "registry_rectifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "dataset_id") var datasetID: UUID
    @Field(key: "field") var field: String
    @OptionalField(key: "old_value") var oldValue: String?
    @OptionalField(key: "new_value") var newValue: String?
    @Field(key: "reason") var reason: String
    @Field(key: "by_user") var byUser: String
    @Field(key: "at") var at: Date

    init() {}
}

/// What remains of an erased dataset: a count, without any identifier (EDAC Arts 29, 30).
final class Erasure: Model, @unchecked Sendable {
    static let schema = "registry_erasures"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_code") var stateCode: String
    @Field(key: "category") var category: String
    @Field(key: "reason") var reason: String
    @Field(key: "erased_on") var erasedOn: String

    init() {}
}
