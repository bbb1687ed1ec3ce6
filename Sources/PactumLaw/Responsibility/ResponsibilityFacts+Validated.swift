/// The facts, parsed: dates and states checked, every fault collected.
struct Validated {
    let registeredIn: MemberState
    let registration: CivilDate
    let isUnaccompaniedMinor: Bool
    let isMinor: Bool
    let determiningState: MemberState?
    let framework: ResponsibilityFramework
    /// AMMR Art 84(2): applications registered before this day keep the Dublin III criteria.
    static let ammrStart = CivilDate(year: 2026, month: 7, day: 1)!

    init(_ facts: ResponsibilityFacts) throws {
        var check = FactChecker()
        let registeredIn = check.state(facts.registeredIn, "registeredIn")
        let registration = check.date(facts.registrationDate, "registrationDate")
        let birth = check.date(facts.applicant?.dateOfBirth, "applicant.dateOfBirth")
        for (i, member) in (facts.familyMembers ?? []).enumerated() {
            _ = check.state(member.state, "familyMembers[\(i)].state")
            if !ResponsibilityEngine.relations.contains(member.relation) {
                check.fail(
                    "familyMembers[\(i)].relation",
                    "must be one of: \(ResponsibilityEngine.relations.joined(separator: ", "))")
            }
            if !ResponsibilityEngine.statuses.contains(member.status) {
                check.fail(
                    "familyMembers[\(i)].status",
                    "must be one of: \(ResponsibilityEngine.statuses.joined(separator: ", "))")
            }
        }
        for (i, member) in (facts.familyProcedure ?? []).enumerated() {
            _ = check.state(member.responsibleState, "familyProcedure[\(i)].responsibleState")
            _ = check.date(member.dateOfBirth, "familyProcedure[\(i)].dateOfBirth")
        }
        for (i, document) in (facts.residenceDocuments ?? []).enumerated() {
            _ = check.state(document.state, "residenceDocuments[\(i)].state")
            _ = check.state(document.onBehalfOf, "residenceDocuments[\(i)].onBehalfOf")
            if !["residence-permit", "visa"].contains(document.kind) {
                check.fail("residenceDocuments[\(i)].kind", "must be residence-permit or visa")
            }
            let issued = check.date(document.issuedOn, "residenceDocuments[\(i)].issuedOn")
            let until = check.date(document.validUntil, "residenceDocuments[\(i)].validUntil")
            if let issued, let until, until < issued {
                check.fail("residenceDocuments[\(i)].validUntil", "is before issuedOn")
            }
        }
        for (i, diploma) in (facts.diplomas ?? []).enumerated() {
            _ = check.state(diploma.state, "diplomas[\(i)].state")
            _ = check.date(diploma.issuedOn, "diplomas[\(i)].issuedOn")
            if let months = diploma.studyMonths, months < 0 {
                check.fail("diplomas[\(i)].studyMonths", "cannot be negative")
            }
        }
        for (event, name) in [
            (facts.irregularEntry, "irregularEntry"), (facts.seaRescueDisembarkation, "seaRescueDisembarkation"),
        ] {
            guard let event else { continue }
            _ = check.state(event.state, "\(name).state")
            if let day = check.date(event.date, "\(name).date"), let registration, day > registration {
                check.fail("\(name).date", "is after the registration date")
            }
        }
        _ = check.state(facts.visaWaivedEntry?.state, "visaWaivedEntry.state")
        _ = check.state(facts.transitAreaApplication?.state, "transitAreaApplication.state")
        _ = check.state(facts.securityThreatFoundBy, "securityThreatFoundBy")
        _ = check.state(facts.relocatedTo, "relocatedTo")
        let determining = check.state(facts.determiningState, "determiningState")
        for (i, stay) in (facts.stays ?? []).enumerated() {
            _ = check.state(stay.state, "stays[\(i)].state")
            let from = check.date(stay.from, "stays[\(i)].from")
            if let from, let until = check.date(stay.until, "stays[\(i)].until"), until < from {
                check.fail("stays[\(i)].until", "is before from")
            }
        }
        for (i, code) in (facts.systemicFlaws ?? []).enumerated() { _ = check.state(code, "systemicFlaws[\(i)]") }
        if let birth, let registration, birth > registration {
            check.fail("applicant.dateOfBirth", "is after the registration date")
        }
        guard check.errors.isEmpty, let registeredIn, let registration else { throw InvalidFacts(errors: check.errors) }
        self.registeredIn = registeredIn
        self.registration = registration
        self.determiningState = determining
        self.framework = registration < Self.ammrStart ? .dublinIII : .ammr
        // Minor: under 18 when the application is registered (AMMR Art 2(10), Art 24; Dublin III
        // Art 7(2): the situation when the application was first lodged).
        let minor =
            birth.map { $0.adding(months: 18 * 12) > registration } ?? (facts.applicant?.unaccompaniedMinor ?? false)
        self.isMinor = minor
        self.isUnaccompaniedMinor = minor && (facts.applicant?.unaccompaniedMinor ?? false)
    }
}
