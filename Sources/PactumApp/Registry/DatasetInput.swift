import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// A registration as the API and the form send it. Every field is text so that both decode
/// the same way; `validated` checks all of them and reports every fault at once.
struct DatasetInput: Content, JSONRequestBody {
    var category: String?
    var reference: String?
    var givenNames: String?
    var familyNames: String?
    var namesAtBirth: String?
    var otherNames: String?
    var nationalities: String?
    var dateOfBirth: String?
    /// The child's age is unclear and there is no proof (EDAC Art 14(1)): "true" or "on".
    var ageUnclear: String?
    var placeOfBirth: String?
    var sex: String?
    var documentType: String?
    var documentNumber: String?
    var documentCountry: String?
    var documentExpiry: String?
    var eventPlace: String?
    var eventAt: String?
    var resettlementOutcome: String?
    var protectionDecisionDate: String?
    var biometricsTakenAt: String?

    static let fields: [BodyField] = [
        .string("category"), .string("reference"), .string("givenNames", required: false), .string("familyNames"),
        .string("namesAtBirth", required: false), .string("otherNames", required: false),
        .string("nationalities", required: false), .string("dateOfBirth", required: false),
        .string("ageUnclear", required: false), .string("placeOfBirth", required: false),
        .string("sex", required: false), .string("documentType", required: false),
        .string("documentNumber", required: false), .string("documentCountry", required: false),
        .string("documentExpiry", required: false), .string("eventPlace", required: false), .string("eventAt"),
        .string("resettlementOutcome", required: false), .string("protectionDecisionDate", required: false),
        .string("biometricsTakenAt", required: false),
    ]

    /// The checked registration, or a 422 problem listing every invalid field.
    func validated(now: Date) throws -> ValidDataset {
        var check = FieldValidator()
        let category: EurodacCategory? = check.choice(category, "category")
        let reference = reference.given ?? ""
        check.require(
            (1...64).contains(reference.count)
                && reference.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-/.".contains($0)) },
            "reference", "must be 1-64 letters, digits, '-', '/' or '.'")
        let familyNames = familyNames.given ?? ""
        check.require(!familyNames.isEmpty, "familyNames", "is required")
        for (name, value) in [("givenNames", givenNames), ("familyNames", familyNames), ("namesAtBirth", namesAtBirth)]
        {
            check.name(value, name, max: 200)
        }
        check.name(otherNames, "otherNames", max: 1000)
        for (name, value) in [
            ("placeOfBirth", placeOfBirth), ("eventPlace", eventPlace), ("documentType", documentType),
            ("documentNumber", documentNumber),
        ] {
            check.plainText(value, name, max: 100)
        }
        let nationalities = nationalities.given?.uppercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        check.require(
            nationalities?.allSatisfy { $0.count == 3 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "<") } }
                ?? true, "nationalities", "must be ICAO 9303 three-letter codes separated by commas (SYR,IRQ)")
        let eventAt = eventAt.given.flatMap { try? Date($0, strategy: .iso8601) }
        check.require(eventAt != nil, "eventAt", "must be a date and time (ISO 8601, 2026-11-20T08:30:00Z)")
        if let eventAt { check.require(eventAt <= now, "eventAt", "is in the future") }
        let eventDay = eventAt.map { CivilDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }
        if let category, let eventDay {
            check.require(
                eventDay >= category.appliesFrom, "eventAt",
                "is before \(category.appliesFrom), when category \(category.rawValue) data start (EDAC Art 63)")
        }
        let dateOfBirth = dateOfBirth.given
        let birth = dateOfBirth.flatMap(PartialDate.init)
        check.require(
            dateOfBirth == nil || birth != nil, "dateOfBirth", "must be YYYY-MM-DD, with 00 or XX for unknown parts")
        let birthDay = birth.flatMap { b in
            b.year.flatMap { CivilDate(year: $0, month: b.month ?? 12, day: b.day ?? 28) }
        }
        if let birthDay, let eventDay {
            check.require(birthDay <= eventDay, "dateOfBirth", "is after the event")
            check.require(
                EurodacRules.meetsMinimumAge(birth: birthDay, on: eventDay, ageUnclear: false), "dateOfBirth",
                "the person is under \(EurodacRules.minimumAge): no biometric data are taken (EDAC Arts 14, 15)")
        }
        let ageUnclear = ["true", "on", "1", "yes"].contains(ageUnclear.given?.lowercased() ?? "")
        check.require(
            !ageUnclear, "ageUnclear",
            "a child of unclear age without proof is treated as under \(EurodacRules.minimumAge): no biometric data are taken (EDAC Art 14(1))"
        )
        let sex = sex.given?.uppercased()
        check.require(sex == nil || ["F", "M", "X"].contains(sex!), "sex", "must be F, M or X")
        let documentCountry = documentCountry.given?.uppercased()
        check.require(
            documentCountry == nil || documentCountry!.count == 3, "documentCountry",
            "must be an ICAO 9303 three-letter code")
        let documentExpiry = documentExpiry.given
        check.require(
            documentExpiry == nil || CivilDate(iso: documentExpiry!) != nil, "documentExpiry", "must be YYYY-MM-DD")
        let outcome = resettlementOutcome.given.flatMap(ResettlementOutcome.init(rawValue:))
        if category == .resettlement {
            check.require(
                outcome != nil, "resettlementOutcome",
                "must be one of: \(ResettlementOutcome.allCases.map(\.rawValue).joined(separator: ", ")) (EDAC Art 18(2))"
            )
        } else {
            check.require(resettlementOutcome.given == nil, "resettlementOutcome", "applies to category B2 only")
        }
        let decision = protectionDecisionDate.given
        if category == .temporaryProtection {
            check.require(
                decision.flatMap(CivilDate.init(iso:)) != nil, "protectionDecisionDate",
                "must be the day the Council implementing decision entered into force, YYYY-MM-DD (EDAC Art 29(9))")
        } else {
            check.require(decision == nil, "protectionDecisionDate", "applies to category G only")
        }
        let taken = biometricsTakenAt.given
        let takenAt = taken.flatMap { try? Date($0, strategy: .iso8601) }
        check.require(taken == nil || takenAt != nil, "biometricsTakenAt", "must be a date and time (ISO 8601)")
        if let takenAt { check.require(takenAt <= now, "biometricsTakenAt", "is in the future") }
        try check.throwIfInvalid()
        return ValidDataset(
            category: category!, reference: reference, givenNames: givenNames.given ?? "", familyNames: familyNames,
            namesAtBirth: namesAtBirth.given, otherNames: otherNames.given,
            nationalities: nationalities?.joined(separator: ","),
            dateOfBirth: dateOfBirth, placeOfBirth: placeOfBirth.given, sex: sex, documentType: documentType.given,
            documentNumber: documentNumber.given?.uppercased(), documentCountry: documentCountry,
            documentExpiry: documentExpiry, eventPlace: eventPlace.given, eventAt: eventAt!,
            resettlementOutcome: outcome,
            protectionDecisionDate: decision, biometricsTakenAt: takenAt)
    }
}

/// A registration that passed every check.
struct ValidDataset: Sendable {
    var category: EurodacCategory
    var reference: String
    var givenNames, familyNames: String
    var namesAtBirth, otherNames, nationalities, dateOfBirth, placeOfBirth, sex: String?
    var documentType, documentNumber, documentCountry, documentExpiry, eventPlace: String?
    var eventAt: Date
    var resettlementOutcome: ResettlementOutcome?
    var protectionDecisionDate: String?
    var biometricsTakenAt: Date?

    /// The probe the matching engine compares (B1 data, which are never stored, use it directly).
    var identityRecord: IdentityRecord {
        IdentityRecord(
            givenNames: givenNames, familyNames: familyNames, dateOfBirth: dateOfBirth, sex: sex,
            nationalities: nationalities, placeOfBirth: placeOfBirth, documentNumber: documentNumber)
    }
}
