import Fluent
import Foundation

/// A spot check or unannounced random check of the monitoring mechanism (SCR Art 10(2)).
final class SpotCheck: Model, @unchecked Sendable {
    static let schema = "monitoring_spot_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_code") var stateCode: String
    @OptionalField(key: "screening_id") var screeningID: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "location") var location: String
    @Field(key: "unannounced") var unannounced: Bool
    @Field(key: "findings") var findings: String
    @Field(key: "monitor_id") var monitorID: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An allegation of a breach of fundamental rights in screening, followed to its outcome
/// (SCR Art 10(1),(2)).
final class Allegation: Model, @unchecked Sendable {
    static let schema = "monitoring_allegations"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_code") var stateCode: String
    @OptionalField(key: "screening_id") var screeningID: UUID?
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "category") var category: AllegationCategory
    @Field(key: "description") var description: String
    @Field(key: "status") var status: AllegationStatus
    @OptionalField(key: "outcome") var outcome: String?
    /// JSON of `[AllegationStep]`.
    @Field(key: "history") var history: JSONText<[AllegationStep]>
    @Field(key: "monitor_id") var monitorID: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// What the mechanism covers (SCR Art 10(2)): the category of an allegation.
enum AllegationCategory: String, CaseIterable, Codable, Sendable {
    case accessToAsylum = "access-to-asylum"
    case nonRefoulement = "non-refoulement"
    case bestInterestsOfChild = "best-interests-of-child"
    case detention
    case treatment
    case dataProtection = "data-protection"
    case other

    var title: String {
        switch self {
        case .accessToAsylum: "Access to the asylum procedure"
        case .nonRefoulement: "Non-refoulement"
        case .bestInterestsOfChild: "Best interests of the child"
        case .detention: "Detention rules"
        case .treatment: "Treatment, use of force"
        case .dataProtection: "Data protection"
        case .other: "Other"
        }
    }
}

/// Where an allegation stands. It is investigated, then found substantiated or not, or
/// referred for civil or criminal proceedings (SCR Art 10(1)); closed is final.
enum AllegationStatus: String, CaseIterable, Codable, Sendable {
    case received
    case investigating
    case referred = "referred-to-proceedings"
    case substantiated
    case unsubstantiated
    case closed

    /// The statuses each status may move to.
    var next: [AllegationStatus] {
        switch self {
        case .received: [.investigating, .unsubstantiated, .closed]
        case .investigating: [.referred, .substantiated, .unsubstantiated]
        case .referred, .substantiated, .unsubstantiated: [.closed]
        case .closed: []
        }
    }

    var title: String {
        switch self {
        case .received: "Received"
        case .investigating: "Being investigated"
        case .referred: "Referred for civil or criminal proceedings"
        case .substantiated: "Substantiated"
        case .unsubstantiated: "Not substantiated"
        case .closed: "Closed"
        }
    }

    /// Whether moving here needs an outcome text.
    var needsOutcome: Bool { [.referred, .substantiated, .unsubstantiated, .closed].contains(self) }
}

/// One change of an allegation's status.
struct AllegationStep: Codable, Sendable {
    var status: String
    var at: Date
    var by: String
    var note: String?
}
