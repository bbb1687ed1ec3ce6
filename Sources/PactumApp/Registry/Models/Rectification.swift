import Fluent
import Foundation

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
