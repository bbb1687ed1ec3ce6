import Fluent
import Foundation
import PactumIdentity

/// A possible match found when a dataset was registered (EDAC Art 27). It becomes a hit only
/// when an expert of the probe's state confirms it (EDAC Art 38(4)); a rejected one is a false
/// hit whose comparison data are deleted and which is reported within 3 working days (Art 38(6)).
final class Candidate: Model, @unchecked Sendable {
    static let schema = "registry_candidates"

    enum Status: String, Codable, Sendable, CaseIterable {
        case pending, confirmed
        case falseHit = "false-hit"
        /// A name-only candidate the expert sent for a fingerprint comparison: it leaves the
        /// queue, and the probe's fingerprints, once recorded, turn it into a fingerprint one.
        case referred = "referred-for-comparison"
        /// A name-only candidate the expert found is another person; no Eurodac result, so no
        /// false-hit report.
        case dismissed
    }

    /// What found the candidate.
    enum Source: String, Codable, Sendable, CaseIterable {
        case biographic, fingerprints, face
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "probe_id") var probeID: UUID
    @Field(key: "match_id") var matchID: UUID
    @Field(key: "probe_state") var probeState: String
    @Field(key: "match_state") var matchState: String
    @Field(key: "probability") var probability: Double
    @Field(key: "weight") var weight: Double
    /// The per-field explanation; `null` for a false hit, whose comparison data are deleted.
    @Field(key: "explanation") var explanation: JSONText<MatchExplanation?>
    @Field(key: "status") var status: Status
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    /// False hits: the day the report to eu-LISA is due (EDAC-H5).
    @OptionalField(key: "report_due") var reportDue: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "source") var source: Source
    /// Fingerprints or face: the evidence; emptied for a false hit.
    @OptionalField(key: "evidence") var evidence: JSONText<BiometricEvidence>?

    init() {}
}
