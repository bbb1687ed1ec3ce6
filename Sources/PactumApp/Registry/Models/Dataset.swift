import Fluent
import Foundation
import PactumLaw

/// What one Member State recorded about a person under one Eurodac category (EDAC Arts 17,
/// 19, 22-26). Biometric templates get their own table, keyed by dataset, in the biometrics work.
final class Dataset: Model, @unchecked Sendable {
    static let schema = "registry_datasets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: RegistryPerson
    @Field(key: "state_code") var stateCode: String
    @Field(key: "category") var category: String
    /// The Member State's reference number (EDAC Art 17(1)(k)), unique within the state.
    @Field(key: "reference") var reference: String
    /// EDAC Art 17(1)(c)-(j): names, names at birth, previous names and aliases, nationalities,
    /// date and place of birth, sex, travel or identity document.
    @Group(key: Biographic.key) var bio: Biographic
    /// Place and time of the application, apprehension, disembarkation or decision.
    @OptionalField(key: "event_place") var eventPlace: String?
    @Field(key: "event_at") var eventAt: Date
    /// B2 only (EDAC Art 18(2)(a)-(c)).
    @OptionalField(key: "resettlement_outcome") var resettlementOutcome: String?
    /// G only: entry into force of the Council implementing decision (EDAC Arts 26(2), 29(9)).
    @OptionalField(key: "protection_decision_date") var protectionDecisionDate: String?
    @OptionalField(key: "biometrics_taken_at") var biometricsTakenAt: Date?
    @OptionalField(key: "transmitted_at") var transmittedAt: Date?
    // The transmission limit (EDAC Arts 15(1), 22(2) …) and the retention are legal clocks.
    @Field(key: "operator_id") var operatorID: String
    // Marks, flags and status updates (EDAC Arts 16, 17(2), 31).
    @OptionalField(key: "protection_marked_at") var protectionMarkedAt: Date?
    @OptionalField(key: "residence_marked_at") var residenceMarkedAt: Date?
    @OptionalField(key: "security_flag") var securityFlag: String?
    @OptionalField(key: "responsible_state") var responsibleState: String?
    @OptionalField(key: "relocation_state") var relocationState: String?
    @OptionalField(key: "transfer_arrival") var transferArrival: String?
    @OptionalField(key: "departure_date") var departureDate: String?
    @OptionalField(key: "removal_date") var removalDate: String?
    /// GDPR Art 18 via EDAC Art 43: kept, but no longer compared or changed.
    @OptionalField(key: "restriction_reason") var restrictionReason: String?
    /// The day the retention period ends (EDAC Art 29); set on transmission.
    @OptionalField(key: "erase_on") var eraseOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var state: MemberState? { MemberState(rawValue: stateCode) }
    var eurodacCategory: EurodacCategory? { EurodacCategory(rawValue: category) }
    func memberState() throws -> MemberState { try stored(stateCode, as: MemberState.self, Self.schema, "state_code") }
    func readCategory() throws -> EurodacCategory {
        try stored(category, as: EurodacCategory.self, Self.schema, "category")
    }
    func readResettlementOutcome() throws -> ResettlementOutcome? {
        try resettlementOutcome.map {
            try stored($0, as: ResettlementOutcome.self, Self.schema, "resettlement_outcome")
        }
    }
    var isRestricted: Bool { restrictionReason != nil }
}

/// The stable identity behind one or more datasets; holds nothing but its id (DESIGN.md).
/// Datasets of one person share it once an expert confirms a hit.
final class RegistryPerson: Model, @unchecked Sendable {
    static let schema = "registry_persons"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
    init(id: UUID = UUID(), createdAt: Date) {
        self.id = id
        self.createdAt = createdAt
    }
}
