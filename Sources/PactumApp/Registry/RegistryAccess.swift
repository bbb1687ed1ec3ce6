import Foundation
import PactumIdentity
import PactumLaw
import Vapor

extension Request {
    /// The caller of a registry route: the role gate first (so that a refused role learns
    /// nothing of the request's validity), then the purpose (given, or the first the role
    /// allows) checked against the policy for the caller's own state.
    func caller(_ action: Action, purpose raw: String?, with access: AccessControl) async throws
        -> Caller
    {
        let principal = try await authorize(action, purpose: nil, with: access)
        if AccessControl.expensive.contains(action) {
            try await access.limiter.take("search:\(principal.userID)", access.limits.searchPerUser)
        }
        let purpose: Purpose
        // Absent means the role's first purpose; given, even empty (`?purpose=`), it must be one.
        if let raw {
            guard let parsed = Purpose(rawValue: raw) else {
                throw Problem.validation([
                    .init(
                        field: "purpose",
                        message:
                            "must be one of: \(access.policy.purposes(of: principal, for: action).map(\.rawValue).joined(separator: ", "))"
                    )
                ])
            }
            purpose = parsed
        } else {
            purpose = access.policy.purposes(of: principal, for: action)[0]
        }
        try await authorize(action, state: principal.state, purpose: purpose, with: access)
        return Caller(principal: principal, purpose: purpose, requestID: requestID)
    }

    /// A UUID path parameter, or a 404 problem.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else {
            throw Problem.notFound("No record with id \(parameters.get(name) ?? "").")
        }
        return id
    }
}

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

    func confirm() throws -> Bool {
        guard let decision, ["confirm", "reject"].contains(decision) else {
            throw Problem.validation([.init(field: "decision", message: "must be confirm or reject")])
        }
        return decision == "confirm"
    }
}
