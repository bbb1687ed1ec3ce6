import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// Text a form or the API sends for a yes/no field.
extension Optional<String> {
    var isYes: Bool { ["true", "on", "1", "yes"].contains(self.given?.lowercased() ?? "") }
}

/// Checks shared by the screening inputs.
extension FieldValidator {
    /// Country codes separated by commas, each a code of ICAO Doc 9303 Part 3.
    mutating func countries(_ raw: String?, _ field: String) -> String? {
        guard let raw = raw.given else { return nil }
        let codes = raw.uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for code in codes where !ICAOCodes.isKnown(code) {
            fail(field, "\(code) is not a country code of ICAO Doc 9303 Part 3 (SYR, AFG, XXA for stateless …)")
        }
        return codes.joined(separator: ",")
    }

    mutating func dateOfBirth(_ raw: String?) -> String? {
        let value = raw.given
        require(
            value == nil || PartialDate(value!) != nil, "dateOfBirth",
            "must be YYYY-MM-DD, with 00 or XX for unknown parts")
        return value
    }

    mutating func sex(_ raw: String?) -> String? {
        let value = raw.given?.uppercased()
        require(value == nil || ["F", "M", "X"].contains(value!), "sex", "must be F, M or X")
        return value
    }

    mutating func text(_ raw: String?, _ field: String, max: Int = 2000) -> String? {
        require((raw ?? "").unicodeScalars.count <= max, field, "must be at most \(max) characters")
        return raw.given
    }

    /// Text that must be given; "" (with the fault recorded) when it is not.
    mutating func requiredText(_ raw: String?, _ field: String, max: Int = 2000) -> String {
        let value = text(raw, field, max: max)
        require(value != nil, field, "is required")
        return value ?? ""
    }
}

/// Opening a screening: the event, and the identity the person declares (SCR Art 9(2)).
struct OpenScreeningInput: Content, JSONRequestBody {
    var reference, situation, eventAt, eventPlace, startedAt: String?
    var givenNames, familyNames, dateOfBirth, sex, nationalities, placeOfBirth: String?
    /// Declared or evident minority, and whether the child travels alone (SCR Art 13).
    var minor, unaccompanied: String?

    static let fields: [BodyField] = [
        .string("reference"), .string("situation"), .string("eventAt"), .string("eventPlace"),
        .string("startedAt", required: false), .string("givenNames", required: false), .string("familyNames"),
        .string("dateOfBirth", required: false), .string("sex", required: false),
        .string("nationalities", required: false), .string("placeOfBirth", required: false),
        .string("minor", required: false), .string("unaccompanied", required: false),
    ]

    struct Valid: Sendable {
        var reference: String
        var situation: ScreeningSituation
        var eventAt, startedAt: Date
        var eventPlace, givenNames, familyNames: String
        var dateOfBirth, sex, nationalities, placeOfBirth: String?
        var minor, unaccompanied: Bool
    }

    func validated(now: Date) throws -> Valid {
        var check = FieldValidator()
        let reference = reference.given ?? ""
        check.require(
            (1...64).contains(reference.count)
                && reference.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-/.".contains($0)) },
            "reference", "must be 1-64 letters, digits, '-', '/' or '.'")
        let situation: ScreeningSituation? = check.choice(situation, "situation", citation: "SCR Arts 5, 7")
        let eventAt = eventAt.given.flatMap { try? Date($0, strategy: .iso8601) }
        check.require(eventAt != nil, "eventAt", "must be a date and time (ISO 8601, 2026-11-20T08:30:00Z)")
        if let eventAt { check.require(eventAt <= now, "eventAt", "is in the future") }
        let started = startedAt.given
        let startedAt = started.flatMap { try? Date($0, strategy: .iso8601) } ?? (started == nil ? now : nil)
        check.require(startedAt != nil, "startedAt", "must be a date and time (ISO 8601)")
        if let startedAt, let eventAt, eventAt <= now {
            check.require(startedAt >= eventAt, "startedAt", "is before the event")
            check.require(startedAt <= now, "startedAt", "is in the future")
        }
        check.require(eventPlace.given != nil, "eventPlace", "is required")
        check.require(familyNames.given != nil, "familyNames", "is required")
        check.name(givenNames, "givenNames", max: 200)
        check.name(familyNames, "familyNames", max: 200)
        check.plainText(eventPlace, "eventPlace", max: 100)
        check.plainText(placeOfBirth, "placeOfBirth", max: 100)
        let dob = check.dateOfBirth(dateOfBirth)
        if let eventAt, let birth = dob.flatMap(PartialDate.init), let year = birth.year {
            let day = CivilDate(year: year, month: birth.month ?? 1, day: birth.day ?? 1)
            let event = CivilDate(dayNumber: Int((eventAt.timeIntervalSince1970 / 86_400).rounded(.down)))
            if let day { check.require(day <= event, "dateOfBirth", "is after the event") }
        }
        let sex = check.sex(sex)
        let nationalities = check.countries(nationalities, "nationalities")
        let unaccompanied = unaccompanied.isYes
        try check.throwIfInvalid()
        let minorByAge =
            dob.flatMap(PartialDate.init).flatMap { b in
                b.year.map { year in
                    let event = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: eventAt!)
                    // With an unknown month or day, the person counts as a minor until proven
                    // otherwise (best interests of the child, SCR Art 13(1)).
                    return (event.year! - year) < ScreeningRules.ageOfMajority
                        || ((event.year! - year) == ScreeningRules.ageOfMajority && (b.month ?? 12) >= event.month!)
                }
            } ?? false
        return Valid(
            reference: reference, situation: situation!, eventAt: eventAt!, startedAt: startedAt!,
            eventPlace: eventPlace.given!, givenNames: givenNames.given ?? "", familyNames: familyNames.given!,
            dateOfBirth: dob, sex: sex, nationalities: nationalities, placeOfBirth: placeOfBirth.given,
            minor: minor.isYes || unaccompanied || minorByAge, unaccompanied: unaccompanied)
    }
}

/// The preliminary health check (SCR Art 12(1),(2)).
struct HealthInput: Content, JSONRequestBody {
    var outcome, notes: String?
    static let fields: [BodyField] = [.string("outcome"), .string("notes", required: false)]

    func validated() throws -> (HealthCheckOutcome, String?) {
        var check = FieldValidator()
        let outcome: HealthCheckOutcome? = check.choice(outcome, "outcome", citation: "SCR Art 12(1),(2)")
        let notes = check.text(notes, "notes")
        try check.throwIfInvalid()
        return (outcome!, notes)
    }
}

/// The preliminary vulnerability check (SCR Art 12(3)-(5)).
struct VulnerabilityInput: Content, JSONRequestBody {
    /// Indicators separated by commas; empty when none.
    var indicators, specialNeeds: String?
    static let fields: [BodyField] = [.string("indicators"), .string("specialNeeds", required: false)]

    func validated() throws -> ([VulnerabilityIndicator], String?) {
        var check = FieldValidator()
        var found: [VulnerabilityIndicator] = []
        for raw in (indicators ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let indicator = VulnerabilityIndicator(rawValue: raw) {
                if !found.contains(indicator) { found.append(indicator) }
            } else {
                check.fail(
                    "indicators",
                    "\(raw) is not one of: \(VulnerabilityIndicator.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let needs = check.text(specialNeeds, "specialNeeds")
        try check.throwIfInvalid()
        return (found, needs)
    }
}

/// The safeguards of a child (SCR Art 13): an accompanying adult family member, or for an
/// unaccompanied minor a representative.
struct SafeguardsInput: Content, JSONRequestBody {
    var accompanyingAdult, representativeId: String?
    /// Both keys, either may be empty: the API states the safeguards whole.
    static let fields: [BodyField] = [.string("accompanyingAdult"), .string("representativeId")]
}

/// The identity check (SCR Art 14): the travel document's zone and the declared data.
struct IdentityInput: Content, JSONRequestBody {
    /// The machine readable zone, one line per row.
    var mrz: String?
    var givenNames, familyNames, dateOfBirth, sex, nationalities, placeOfBirth: String?
    var residenceCountries, languages: String?
    var documentType, documentNumber, documentCountry, documentExpiry: String?
    /// Whether the authority confirmed identity (Art 17(1)(a)) and nationality (Art 17(1)(b)).
    var identityConfirmed, nationalityConfirmed: String?

    /// The two flags of SCR Art 17(3) are required ("true" or "false"); the rest is optional.
    static let fields: [BodyField] =
        [.string("identityConfirmed"), .string("nationalityConfirmed")]
        + [
            "mrz", "givenNames", "familyNames", "dateOfBirth", "sex", "nationalities", "placeOfBirth",
            "residenceCountries", "languages", "documentType", "documentNumber", "documentCountry", "documentExpiry",
        ].map { BodyField.string($0, required: false) }
}

/// The rest of the screening form (SCR Art 17(1)(f),(g),(i) and 17(2)).
struct FormInput: Content, JSONRequestBody {
    var applied, familyMembers, cooperated, arrivalReason, departurePoint, previousResidences: String?
    var transitCountries, protectionSoughtIn, intendedDestination, documentsHeld, remarks: String?

    /// Whether the person applied (Art 17(1)(f)) is required ("true" or "false"); the rest is optional.
    static let fields: [BodyField] =
        [.string("applied")]
        + [
            "familyMembers", "cooperated", "arrivalReason", "departurePoint", "previousResidences",
            "transitCountries", "protectionSoughtIn", "intendedDestination", "documentsHeld", "remarks",
        ].map { BodyField.string($0, required: false) }
}

/// What the person says the form gets wrong, recorded before transmission (SCR Art 17(3)).
struct InaccuracyInput: Content, JSONRequestBody {
    var inaccuracies: String?
    static let fields: [BodyField] = [.string("inaccuracies")]
}

/// The outcome (SCR Art 18).
struct ReferralInput: Content, JSONRequestBody {
    var referral, relocationState, reason: String?
    static let fields: [BodyField] = [
        .string("referral"), .string("relocationState", required: false), .string("reason", required: false),
    ]
}

/// A representative of unaccompanied minors (SCR Art 13(4)).
struct RepresentativeInput: Content, JSONRequestBody {
    var name, organisation: String?
    static let fields: [BodyField] = [.string("name"), .string("organisation")]
}
