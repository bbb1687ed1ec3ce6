import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// A search without registration: the probe's alphanumeric data and the purpose.
struct SearchInput: Content, JSONRequestBody {
    var purpose: String?
    var givenNames: String?
    var familyNames: String?
    var dateOfBirth: String?
    var sex: String?
    var nationality: String?
    var placeOfBirth: String?
    var documentNumber: String?

    static let fields: [BodyField] = [
        .string("purpose"), .string("givenNames", required: false), .string("familyNames"),
        .string("dateOfBirth", required: false), .string("sex", required: false),
        .string("nationality", required: false), .string("placeOfBirth", required: false),
        .string("documentNumber", required: false),
    ]

    func probe() throws -> IdentityRecord {
        var check = FieldValidator()
        check.require(familyNames.given != nil, "familyNames", "is required")
        let dob = dateOfBirth.given
        check.require(
            dob == nil || PartialDate(dob!) != nil, "dateOfBirth", "must be YYYY-MM-DD, with 00 or XX for unknown parts"
        )
        let sex = sex.given?.uppercased()
        check.require(sex == nil || ["F", "M", "X"].contains(sex!), "sex", "must be F, M or X")
        let nationality = nationality.given?.uppercased()
        check.require(
            nationality == nil || nationality!.count == 3, "nationality", "must be an ICAO 9303 three-letter code")
        try check.throwIfInvalid()
        return IdentityRecord(
            id: "", givenNames: givenNames.given ?? "", familyNames: familyNames.given!, dateOfBirth: dob, sex: sex,
            nationality: nationality, placeOfBirth: placeOfBirth.given, documentNumber: documentNumber.given)
    }
}

/// The expert's decision on a candidate.
struct DecisionInput: Content, JSONRequestBody {
    var decision: String?
    static let fields: [BodyField] = [.string("decision")]

    func parsed() throws -> CandidateDecision {
        guard let parsed = decision.flatMap(CandidateDecision.init(rawValue:)) else {
            throw InvalidInput([.init(field: "decision", message: "must be confirm, reject or refer")])
        }
        return parsed
    }
}

/// The expert's answer on a candidate. A fingerprint or face candidate is confirmed or
/// rejected (EDAC Art 38(4)-(6)); a name-only one, not being a Eurodac comparison result, is
/// referred for a fingerprint comparison or rejected as another person.
enum CandidateDecision: String, Sendable {
    case confirm, reject, refer
}

/// `?kind=biometric|biographic&offset=&limit=` of the expert's queue, checked.
struct ReviewQueueQuery: Sendable {
    struct Raw: Content {
        var kind: String?
        var offset: String?
        var limit: String?
    }

    var kind: ReviewQueueKind?
    var offset: Int
    var limit: Int
    static let maxLimit = 500
    /// Far beyond any queue, and far from overflowing `offset + limit`.
    static let maxOffset = 10_000_000

    init(_ raw: Raw) throws {
        var check = FieldValidator()
        kind = raw.kind.given.flatMap(ReviewQueueKind.init(rawValue:))
        check.require(raw.kind.given == nil || kind != nil, "kind", "must be biometric or biographic")
        let offset = raw.offset.given.map { Int($0) } ?? 0
        check.require(
            offset.map { (0...Self.maxOffset).contains($0) } ?? false, "offset", "must be from 0 to \(Self.maxOffset)")
        let limit = raw.limit.given.map { Int($0) } ?? Self.maxLimit
        check.require(limit.map { (1...Self.maxLimit).contains($0) } ?? false, "limit", "must be from 1 to 500")
        try check.throwIfInvalid()
        self.offset = offset ?? 0
        self.limit = limit ?? Self.maxLimit
    }
}
