import Fluent
import Foundation
import PactumLaw
import Vapor

/// What a security source returned about a person: the source and the alert reference, and
/// nothing of the alert itself (SCR Arts 15(3),(4), 16(2),(3)).
struct SecurityHit: Content, Equatable {
    var source: String
    var list: String
    var kind: String
    var alertReference: String
}

/// One screening as the API returns it.
struct ScreeningView: Content {
    var id: UUID
    var state: String
    var reference: String
    var situation: String
    var situationTitle: String
    var citation: String
    var eventAt: Date
    var eventPlace: String
    var startedAt: Date
    var clock: PactumApp.ClockView
    var status: String
    var person: PersonData
    var minor: Bool
    var unaccompanied: Bool
    var accompanyingAdult: String?
    var representativeId: UUID?
    var safeguardsRecorded: Bool
    var checks: Checks
    var datasetId: UUID?
    var referral: ReferralView?

    struct PersonData: Content {
        var givenNames, familyNames: String
        var dateOfBirth, placeOfBirth, sex, nationalities: String?
        var document: String?
    }

    /// When each element of SCR Art 8(5) was done, `nil` while it is not.
    struct Checks: Content {
        var health: Date?
        var vulnerability: Date?
        var identity: Date?
        var biometrics: Bool
        var security: Date?
        var missing: [String]
    }

    struct ReferralView: Content {
        var referral: String
        var title: String
        var citation: String
        var receivingAuthority: String
        var receivingState: String
        var reason: String?
        var referredAt: Date
        var receivedAt: Date?
    }

    init(_ c: ScreeningCase, now: Date) throws {
        let limit = try c.requireLimit()
        id = try c.requireID()
        state = c.stateCode
        reference = c.reference
        situation = c.situation.rawValue
        situationTitle = c.situation.title
        citation = c.situation.citation
        eventAt = c.eventAt
        eventPlace = c.eventPlace
        startedAt = c.startedAt
        clock = PactumApp.ClockView(limit, now: now)
        status = try c.status(now: now)
        person = PersonData(
            givenNames: c.bio.givenNames, familyNames: c.bio.familyNames, dateOfBirth: c.bio.dateOfBirth,
            placeOfBirth: c.bio.placeOfBirth, sex: c.bio.sex, nationalities: c.bio.nationalities,
            document: c.bio.documentNumber.map {
                "\(c.bio.documentType ?? "document") \($0) (\(c.bio.documentCountry ?? "?"))"
            })
        minor = c.minor
        unaccompanied = c.unaccompanied
        accompanyingAdult = c.accompanyingAdult
        representativeId = c.representativeID
        safeguardsRecorded = c.safeguardsAt != nil
        checks = Checks(
            health: c.healthAt, vulnerability: c.vulnerabilityAt, identity: c.identityAt,
            biometrics: c.datasetID != nil, security: c.securityAt, missing: c.missingChecks)
        datasetId = c.datasetID
        referral = try c.referredAt.map { at in
            let r = try c.requireReferral()
            return ReferralView(
                referral: r.rawValue, title: r.title, citation: r.citation,
                receivingAuthority: c.receivingAuthority ?? "", receivingState: c.receivingState ?? "",
                reason: c.referralReason, referredAt: at, receivedAt: c.receivedAt)
        }
    }
}

extension ScreeningCase {
    /// `open`, `due` (less than a day left), `ended` (the limit passed: refer now, SCR Art
    /// 18(5)) or `referred`.
    func status(now: Date) throws -> String {
        if isReferred { return "referred" }
        switch try requireLimit().status(at: now) {
        case .open: return "open"
        case .due: return "due"
        default: return "ended"
        }
    }

    /// The checks of SCR Art 8(5)(a)-(e) not yet done.
    var missingChecks: [String] {
        [
            ("health", healthAt != nil), ("vulnerability", vulnerabilityAt != nil), ("identity", identityAt != nil),
            ("security", securityAt != nil),
        ].filter { !$0.1 }.map(\.0)
    }
}

/// The screening form (SCR Art 17). `hit` is left out of the person's own copy (Art 17(3)),
/// so that copy's JSON has no such key at all.
struct ScreeningForm: Content {
    var reference: String
    var state: String
    // Art 17(1)(a), with whether the authority confirmed it or it is only declared.
    var name: String
    var dateOfBirth: String?
    var placeOfBirth: String?
    var gender: String?
    var identityStatus: String
    // Art 17(1)(b).
    var nationalities: String?
    var stateless: Bool
    var residenceCountries: String?
    var languages: String?
    var nationalityStatus: String
    // (c)-(i).
    var reasonForScreening: String
    /// The codes behind the words above, for pages that word them in the reader's language.
    var situation: String
    var situationCitation: String
    var nationalityCodes: [String]
    var healthOutcome: String?
    var vulnerabilityDone: Bool
    var indicatorCodes: [String]
    var borderProcedureCodes: [String]
    var health: String
    var vulnerability: String
    var specialNeeds: String?
    var borderProcedure: [String]
    var appliedForProtection: Bool
    var familyMembers: String?
    var hit: Bool?
    var cooperated: String
    // Art 17(2), where available.
    var arrivalReason: String?
    var route: Route
    var documents: String?
    var remarks: String?
    /// Art 17(3): what the person flagged as inaccurate, and when.
    var inaccuracies: String?
    var inaccuraciesAt: Date?

    struct Route: Content {
        var departurePoint, previousResidences, transitCountries, protectionSoughtIn, intendedDestination: String?
    }

    init(_ c: ScreeningCase, personalCopy: Bool) {
        reference = c.reference
        state = c.stateCode
        name = [c.bio.familyNames.uppercased(), c.bio.givenNames].filter { !$0.isEmpty }.joined(separator: ", ")
        dateOfBirth = c.bio.dateOfBirth
        placeOfBirth = c.bio.placeOfBirth
        gender = c.bio.sex
        identityStatus = c.identityConfirmed ? "confirmed" : "declared"
        nationalities = c.bio.nationalities
        stateless = (c.bio.nationalities ?? "").split(separator: ",").contains("XXA")
        residenceCountries = c.residenceCountries
        languages = c.languages
        nationalityStatus = c.nationalityConfirmed ? "confirmed" : "declared"
        reasonForScreening = "\(c.situation.title) (\(c.situation.citation))"
        situation = c.situation.rawValue
        situationCitation = c.situation.citation
        nationalityCodes = (c.bio.nationalities ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        healthOutcome = c.healthOutcome?.rawValue
        vulnerabilityDone = c.vulnerabilityAt != nil
        indicatorCodes = c.indicators.map(\.rawValue)
        borderProcedureCodes = Array(Set(c.indicators.map(\.borderProcedure.rawValue))).sorted()
        health = c.healthOutcome?.title ?? "not done"
        let indicators = c.indicators
        vulnerability =
            c.vulnerabilityAt == nil
            ? "not done" : indicators.isEmpty ? "no indicator" : indicators.map(\.title).joined(separator: "; ")
        specialNeeds = c.specialNeeds
        borderProcedure = Array(Set(indicators.map(\.borderProcedure))).map(\.explanation).sorted()
        appliedForProtection = c.applied
        familyMembers = c.familyMembers
        hit = personalCopy ? nil : (c.securityHit ?? false)
        cooperated = c.cooperated.map { $0 ? "yes" : "no" } ?? "not recorded"
        arrivalReason = c.arrivalReason
        route = Route(
            departurePoint: c.departurePoint, previousResidences: c.previousResidences,
            transitCountries: c.transitCountries, protectionSoughtIn: c.protectionSoughtIn,
            intendedDestination: c.intendedDestination)
        documents = c.documentsHeld
        remarks = c.remarks
        inaccuracies = c.inaccuracies
        inaccuraciesAt = c.inaccuraciesAt
    }
}

/// The receiving authority's worklist entry: the form as transmitted.
struct ReferralItem: Content {
    var id: UUID
    var fromState: String
    var reference: String
    var referral: String
    var title: String
    var referredAt: Date
    var receivedAt: Date?
    var form: ScreeningForm?
}

/// A representative with the unaccompanied minors of open screenings assigned.
struct RepresentativeView: Content {
    var id: UUID
    var name: String
    var organisation: String
    var load: Int
    var overLimit: Bool
}

/// The answer to a recorded check: the screening, and any warning the officer must see.
struct ScreeningResult: Content {
    var screening: ScreeningView
    var warnings: [String]
    var hits: [SecurityHit]?
    var registryMatches: Int?
}
