import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Vapor

extension ScreeningService {
    /// The preliminary health check (SCR Art 12(1),(2)): only what the regulation needs.
    func recordHealth(_ input: HealthInput, on id: UUID, by caller: Caller, on db: any Database) async throws
        -> ScreeningResult
    {
        let (outcome, notes) = try input.validated()
        let now = clock.now()
        let (c, _) = try await change(id, .check, by: caller, on: db, detail: "health: \(outcome.rawValue)") { c, _ in
            c.healthOutcome = outcome
            c.healthNotes = notes
            c.healthAt = now
        }
        return try result(c)
    }

    /// The preliminary vulnerability check (SCR Art 12(3)-(5)). A child found here is then
    /// screened only with the safeguards of SCR Art 13.
    func recordVulnerability(_ input: VulnerabilityInput, on id: UUID, by caller: Caller, on db: any Database)
        async throws -> ScreeningResult
    {
        let (indicators, needs) = try input.validated()
        let now = clock.now()
        let detail = "vulnerability: \(indicators.map(\.rawValue).joined(separator: ",").nonEmpty ?? "none")"
        let (c, _) = try await change(id, .check, by: caller, on: db, detail: detail) { c, _ in
            c.vulnerabilities = indicators.map(\.rawValue).joined(separator: ",").nonEmpty
            c.specialNeeds = needs
            c.vulnerabilityAt = now
            if indicators.contains(.unaccompaniedMinor) { c.unaccompanied = true }
            if indicators.contains(.minor) || indicators.contains(.unaccompaniedMinor) { c.minor = true }
        }
        var warnings: [String] = []
        if c.minor, c.safeguardsAt == nil {
            warnings.append("A child: record the safeguards before the next check (SCR Art 13).")
        }
        return try result(c, warnings: warnings)
    }

    /// The safeguards of a child (SCR Art 13): the accompanying adult family member, or for an
    /// unaccompanied minor a representative of the state, warned beyond 30 minors each.
    func recordSafeguards(_ input: SafeguardsInput, on id: UUID, by caller: Caller, on db: any Database) async throws
        -> ScreeningResult
    {
        let now = clock.now()
        let adult = input.accompanyingAdult.given
        let representative = input.representativeId.given.flatMap(UUID.init(uuidString:))
        var check = FieldValidator()
        check.require(
            input.representativeId.given == nil || representative != nil, "representativeId",
            "must be a representative's id")
        check.require((adult ?? "").count <= 200, "accompanyingAdult", "must be at most 200 characters")
        try check.throwIfInvalid()
        if let representative {
            guard let r = try await Representative.find(representative, on: db), r.stateCode == caller.state.code else {
                throw InvalidInput([
                    .init(field: "representativeId", message: "is not a representative of \(caller.state.code)")
                ])
            }
        }
        let (c, load) = try await change(id, .form, by: caller, on: db, detail: "safeguards recorded") { c, db in
            guard c.minor else {
                throw ScreeningError.notAMinor(
                    "Safeguards of SCR Art 13 are for children; this screening is not marked as a child's.")
            }
            if c.unaccompanied {
                guard representative != nil else {
                    throw InvalidInput([
                        .init(
                            field: "representativeId",
                            message: "an unaccompanied minor needs a representative (SCR Art 13(4))")
                    ])
                }
            } else if adult == nil {
                throw InvalidInput([
                    .init(
                        field: "accompanyingAdult",
                        message: "name the adult family member who accompanies the child (SCR Art 13(3))")
                ])
            }
            c.accompanyingAdult = adult
            c.representativeID = representative
            c.safeguardsAt = now
            guard let representative else { return 0 }
            // The others assigned in open screenings, and this one (saved after this closure).
            return try await ScreeningCase.query(on: db).filter(\.$representativeID == representative)
                .filter(\.$referredAt == nil).filter(\.$unaccompanied == true).filter(\.$id != id).count() + 1
        }
        var warnings: [String] = []
        let limit = ScreeningRules.unaccompaniedMinorsPerRepresentative
        if load > limit {
            warnings.append(
                "The representative now assists \(load) unaccompanied minors in open screenings, more than the \(limit) of SCR Art 13(4) and APR Art 23(10)."
            )
            try await audit.record(
                caller.draft(
                    .screeningRecord, "screening.representative", representative, state: caller.state.code,
                    detail: "load \(load) above \(limit)"), on: db)
        }
        return try result(c, warnings: warnings)
    }

    /// The identity check (SCR Art 14): the travel document's zone, read and verified; the data
    /// the person declares; and the registry searched for the person.
    func recordIdentity(_ input: IdentityInput, on id: UUID, by caller: Caller, on db: any Database) async throws
        -> ScreeningResult
    {
        let now = clock.now()
        var check = FieldValidator()
        var zone: MachineReadableZone?
        if let text = input.mrz.given {
            let year = Calendar(identifier: .gregorian).component(.year, from: now)
            do {
                zone = try MRZParser.parse(text.split(whereSeparator: \.isNewline).map(String.init), currentYear: year)
                for error in zone!.errors { check.fail("mrz", error.description) }
            } catch {
                check.fail("mrz", "\(error)")
            }
        }
        let dob = check.dateOfBirth(input.dateOfBirth)
        let sex = check.sex(input.sex)
        let nationalities = check.countries(input.nationalities, "nationalities")
        let residence = check.countries(input.residenceCountries, "residenceCountries")
        let documentCountry = check.countries(input.documentCountry, "documentCountry")
        let languages = check.text(input.languages, "languages", max: 200)
        let expiry = input.documentExpiry.given
        check.require(expiry == nil || CivilDate(iso: expiry!) != nil, "documentExpiry", "must be YYYY-MM-DD")
        try check.throwIfInvalid()
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let read = zone
        let (c, _) = try await change(id, .check, by: caller, on: db, detail: "identity check") { c, _ in
            if let f = read?.fields {
                // The document as read; the declared data fill only what it does not give.
                c.bio.familyNames = f.primaryIdentifier
                c.bio.givenNames = f.secondaryIdentifier
                c.bio.dateOfBirth = f.birthDate(currentYear: year)
                c.bio.sex = f.sex.isEmpty ? c.bio.sex : f.sex
                c.bio.nationalities = f.nationality
                c.bio.documentType = f.documentCode
                c.bio.documentNumber = f.documentNumber
                c.bio.documentCountry = f.issuingState
                c.bio.documentExpiry = f.expiryDate(currentYear: year)
                c.mrz = input.mrz.given
            }
            if read == nil {
                c.bio.givenNames = input.givenNames.given ?? c.bio.givenNames
                c.bio.familyNames = input.familyNames.given ?? c.bio.familyNames
                c.bio.dateOfBirth = dob ?? c.bio.dateOfBirth
                c.bio.sex = sex ?? c.bio.sex
                c.bio.nationalities = nationalities ?? c.bio.nationalities
                c.bio.documentType = input.documentType.given ?? c.bio.documentType
                c.bio.documentNumber = input.documentNumber.given?.uppercased() ?? c.bio.documentNumber
                c.bio.documentCountry = documentCountry ?? c.bio.documentCountry
                c.bio.documentExpiry = expiry ?? c.bio.documentExpiry
            }
            c.bio.placeOfBirth = input.placeOfBirth.given ?? c.bio.placeOfBirth
            c.residenceCountries = residence ?? c.residenceCountries
            c.languages = languages ?? c.languages
            c.identityConfirmed = input.identityConfirmed.isYes
            c.nationalityConfirmed = input.nationalityConfirmed.isYes
            c.identityAt = now
        }
        // The registry is searched for the identity check (SCR Art 14(3)); the search audits
        // itself and every dataset it returns.
        let search = try await registry.search(
            c.bio.identityRecord,
            by: Caller(principal: caller.principal, purpose: .identityCheck, requestID: caller.requestID),
            on: db)
        c.registryMatches = search.matches.count
        try await c.save(on: db)
        var r = try result(c)
        r.registryMatches = search.matches.count
        if !search.matches.isEmpty {
            r.warnings.append(
                "The registry holds \(search.matches.count) matching datasets: review them before referral.")
        }
        return r
    }

    /// Biometric registration in the registry (SCR Art 8(5)(d); EDAC Arts 15, 22, 23, 24), in
    /// the category of the situation, with identification against the registry.
    func registerBiometrics(on id: UUID, by caller: Caller, on db: any Database) async throws -> ScreeningResult {
        let c = try await screening(id, by: caller, on: db)
        if c.datasetID != nil {
            throw ScreeningError.alreadyRegistered("The biometrics of this screening are registered.")
        }
        let now = clock.now()
        let input = DatasetInput(
            category: c.situation.eurodacCategory.rawValue, reference: "SCR-\(c.reference)",
            givenNames: c.bio.givenNames, familyNames: c.bio.familyNames, nationalities: c.bio.nationalities,
            dateOfBirth: c.bio.dateOfBirth, placeOfBirth: c.bio.placeOfBirth, sex: c.bio.sex,
            documentType: c.bio.documentType,
            documentNumber: c.bio.documentNumber, documentCountry: c.bio.documentCountry,
            documentExpiry: c.bio.documentExpiry,
            eventPlace: c.eventPlace, eventAt: c.eventAt.iso,
            biometricsTakenAt: now.iso)
        let valid = try input.validated(now: now)
        // The check's own rules first (limit, safeguards), then the registration.
        try admit(c, .check)
        let registered = try await registry.register(
            valid, by: Caller(principal: caller.principal, purpose: .eurodacRegistration, requestID: caller.requestID),
            on: db)
        let (updated, _) = try await change(id, .check, by: caller, on: db, detail: "biometrics registered") { c, _ in
            c.datasetID = registered.dataset?.id
        }
        var warnings: [String] = []
        if !registered.candidates.isEmpty {
            warnings.append("\(registered.candidates.count) identification candidates await the fingerprint expert.")
        }
        return try result(updated, warnings: warnings)
    }

    /// The security check (SCR Art 15): every connector; only hit or no hit and the alert
    /// references are kept (SCR Arts 15(3),(4), 16(2),(3)).
    func runSecurityCheck(on id: UUID, by caller: Caller, on db: any Database) async throws -> ScreeningResult {
        let c = try await screening(id, by: caller, on: db)
        let query = SecurityQuery(
            person: c.bio.identityRecord, documentNumber: c.bio.documentNumber, documentCountry: c.bio.documentCountry)
        var hits: [SecurityHit] = []
        for connector in connectors { hits += try await connector.check(query, state: c.state, on: db) }
        let now = clock.now()
        let found = hits
        let detail =
            hits.isEmpty ? "no hit" : "hit: " + hits.map { "\($0.list)/\($0.alertReference)" }.joined(separator: ", ")
        let (updated, _) = try await change(id, .check, by: caller, on: db, action: .screeningSecurity, detail: detail)
        {
            c, _ in
            c.securityAt = now
            c.securityHit = !found.isEmpty
            c.securityHits = JSONText(found)
        }
        var r = try result(updated)
        r.hits = hits
        return r
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
