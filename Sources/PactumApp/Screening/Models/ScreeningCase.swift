import Fluent
import Foundation
import PactumLaw

/// One screening (SCR Arts 5-18): the event and its clock, each check, the form's data and the
/// referral. The form is this record; at referral a snapshot of it is kept unchanged.
final class ScreeningCase: Model, @unchecked Sendable {
    static let schema = "screening_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_code") var state: MemberState
    /// The authority's reference, unique within the state.
    @Field(key: "reference") var reference: String
    @Field(key: "situation") var situation: ScreeningSituation
    @Field(key: "event_at") var eventAt: Date
    @Field(key: "event_place") var eventPlace: String
    @Field(key: "started_at") var startedAt: Date
    // The limit (SCR Art 8(3),(4)) is a legal clock on the screening.
    /// Art 17(1)(a)-(c): identity as declared or confirmed, and the travel document, as read
    /// from its MRZ when there is one.
    @Group(key: Biographic.key) var bio: Biographic
    @OptionalField(key: "residence_countries") var residenceCountries: String?
    @OptionalField(key: "languages") var languages: String?
    /// Whether the authority confirmed (a) and (b), or they are only declared (Art 17(3)).
    @Field(key: "identity_confirmed") var identityConfirmed: Bool
    @Field(key: "nationality_confirmed") var nationalityConfirmed: Bool
    @OptionalField(key: "mrz") var mrz: String?
    // Minors' safeguards (SCR Art 13).
    @Field(key: "minor") var minor: Bool
    @Field(key: "unaccompanied") var unaccompanied: Bool
    @OptionalField(key: "accompanying_adult") var accompanyingAdult: String?
    @OptionalField(key: "representative_id") var representativeID: UUID?
    @OptionalField(key: "safeguards_at") var safeguardsAt: Date?
    // Checks (SCR Arts 12, 14, 15).
    @OptionalField(key: "health_outcome") var healthOutcome: HealthCheckOutcome?
    @OptionalField(key: "health_notes") var healthNotes: String?
    @OptionalField(key: "health_at") var healthAt: Date?
    /// Vulnerability indicators separated by ",".
    @OptionalField(key: "vulnerabilities") var vulnerabilities: String?
    @OptionalField(key: "special_needs") var specialNeeds: String?
    @OptionalField(key: "vulnerability_at") var vulnerabilityAt: Date?
    @OptionalField(key: "identity_at") var identityAt: Date?
    @OptionalField(key: "registry_matches") var registryMatches: Int?
    @OptionalField(key: "dataset_id") var datasetID: UUID?
    @OptionalField(key: "security_at") var securityAt: Date?
    @OptionalField(key: "security_hit") var securityHit: Bool?
    /// JSON of `[SecurityHit]`: source and alert reference only (SCR Arts 15-16).
    @OptionalField(key: "security_hits") var securityHits: JSONText<[SecurityHit]>?
    // The rest of the form (Art 17(1)(f),(g),(i) and 17(2)).
    @Field(key: "applied") var applied: Bool
    @OptionalField(key: "family_members") var familyMembers: String?
    @OptionalField(key: "cooperated") var cooperated: Bool?
    @OptionalField(key: "arrival_reason") var arrivalReason: String?
    @OptionalField(key: "departure_point") var departurePoint: String?
    @OptionalField(key: "previous_residences") var previousResidences: String?
    @OptionalField(key: "transit_countries") var transitCountries: String?
    @OptionalField(key: "protection_sought_in") var protectionSoughtIn: String?
    @OptionalField(key: "intended_destination") var intendedDestination: String?
    @OptionalField(key: "documents_held") var documentsHeld: String?
    @OptionalField(key: "remarks") var remarks: String?
    /// The person's own words on what the form gets wrong, before transmission (Art 17(3)).
    @OptionalField(key: "inaccuracies") var inaccuracies: String?
    @OptionalField(key: "inaccuracies_at") var inaccuraciesAt: Date?
    // Outcome (SCR Art 18).
    @OptionalField(key: "referral") var referral: ScreeningReferral?
    @OptionalField(key: "receiving_authority") var receivingAuthority: String?
    @OptionalField(key: "receiving_state") var receivingState: String?
    @OptionalField(key: "referral_reason") var referralReason: String?
    @OptionalField(key: "referred_at") var referredAt: Date?
    /// The form as transmitted (JSON of `ScreeningForm`).
    @OptionalField(key: "form_snapshot") var formSnapshot: JSONText<ScreeningForm>?
    @OptionalField(key: "received_at") var receivedAt: Date?
    @Field(key: "officer_id") var officerID: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// The screening's limit, read with it by the service (not a column: a legal clock).
    var limit: LegalClock?

    init() {}

    var stateCode: String { state.code }
    func requireLimit() throws -> LegalClock {
        guard let limit else { throw StorageFault(description: "screening \(id?.uuidString ?? "") has no limit") }
        return limit
    }
    var indicators: [VulnerabilityIndicator] {
        (vulnerabilities ?? "").split(separator: ",").compactMap { VulnerabilityIndicator(rawValue: String($0)) }
    }
    var isReferred: Bool { referredAt != nil }
    /// A referred screening without its referral is a storage fault, never a default route.
    func requireReferral() throws -> ScreeningReferral {
        guard let referral else {
            throw StorageFault(description: "screening \(id?.uuidString ?? "") is referred without a referral")
        }
        return referral
    }
}
