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

    func confirm() throws -> Bool {
        guard let decision, ["confirm", "reject"].contains(decision) else {
            throw InvalidInput([.init(field: "decision", message: "must be confirm or reject")])
        }
        return decision == "confirm"
    }
}
