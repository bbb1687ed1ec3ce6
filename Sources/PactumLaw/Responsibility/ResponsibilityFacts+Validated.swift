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
        var errors: [FactError] = []
        func state(_ code: String?, _ field: String) -> MemberState? {
            guard let code else { return nil }
            let state = MemberState(code: code)
            if state == nil { errors.append(.init(field: field, message: "\(code) is not a Member State code")) }
            return state
        }
        func date(_ text: String?, _ field: String) -> CivilDate? {
            guard let text else { return nil }
            let date = CivilDate(iso: text)
            if date == nil { errors.append(.init(field: field, message: "\(text) is not a date (YYYY-MM-DD)")) }
            return date
        }
        let registeredIn = state(facts.registeredIn, "registeredIn")
        let registration = date(facts.registrationDate, "registrationDate")
        let birth = date(facts.applicant?.dateOfBirth, "applicant.dateOfBirth")
        for (i, member) in (facts.familyMembers ?? []).enumerated() {
            _ = state(member.state, "familyMembers[\(i)].state")
            if !ResponsibilityEngine.relations.contains(member.relation) {
                errors.append(
                    .init(
                        field: "familyMembers[\(i)].relation",
                        message: "must be one of: \(ResponsibilityEngine.relations.joined(separator: ", "))"))
            }
            if !ResponsibilityEngine.statuses.contains(member.status) {
                errors.append(
                    .init(
                        field: "familyMembers[\(i)].status",
                        message: "must be one of: \(ResponsibilityEngine.statuses.joined(separator: ", "))"))
            }
        }
        for (i, member) in (facts.familyProcedure ?? []).enumerated() {
            _ = state(member.responsibleState, "familyProcedure[\(i)].responsibleState")
            _ = date(member.dateOfBirth, "familyProcedure[\(i)].dateOfBirth")
        }
        for (i, document) in (facts.residenceDocuments ?? []).enumerated() {
            _ = state(document.state, "residenceDocuments[\(i)].state")
            _ = state(document.onBehalfOf, "residenceDocuments[\(i)].onBehalfOf")
            if !["residence-permit", "visa"].contains(document.kind) {
                errors.append(
                    .init(field: "residenceDocuments[\(i)].kind", message: "must be residence-permit or visa"))
            }
            let issued = date(document.issuedOn, "residenceDocuments[\(i)].issuedOn")
            let until = date(document.validUntil, "residenceDocuments[\(i)].validUntil")
            if let issued, let until, until < issued {
                errors.append(.init(field: "residenceDocuments[\(i)].validUntil", message: "is before issuedOn"))
            }
        }
        for (i, diploma) in (facts.diplomas ?? []).enumerated() {
            _ = state(diploma.state, "diplomas[\(i)].state")
            _ = date(diploma.issuedOn, "diplomas[\(i)].issuedOn")
            if let months = diploma.studyMonths, months < 0 {
                errors.append(.init(field: "diplomas[\(i)].studyMonths", message: "cannot be negative"))
            }
        }
        for (event, name) in [
            (facts.irregularEntry, "irregularEntry"), (facts.seaRescueDisembarkation, "seaRescueDisembarkation"),
        ] {
            guard let event else { continue }
            _ = state(event.state, "\(name).state")
            if let day = date(event.date, "\(name).date"), let registration, day > registration {
                errors.append(.init(field: "\(name).date", message: "is after the registration date"))
            }
        }
        _ = state(facts.visaWaivedEntry?.state, "visaWaivedEntry.state")
        _ = state(facts.transitAreaApplication?.state, "transitAreaApplication.state")
        _ = state(facts.securityThreatFoundBy, "securityThreatFoundBy")
        _ = state(facts.relocatedTo, "relocatedTo")
        let determining = state(facts.determiningState, "determiningState")
        for (i, stay) in (facts.stays ?? []).enumerated() {
            _ = state(stay.state, "stays[\(i)].state")
            let from = date(stay.from, "stays[\(i)].from")
            if let from, let until = date(stay.until, "stays[\(i)].until"), until < from {
                errors.append(.init(field: "stays[\(i)].until", message: "is before from"))
            }
        }
        for (i, code) in (facts.systemicFlaws ?? []).enumerated() { _ = state(code, "systemicFlaws[\(i)]") }
        if let birth, let registration, birth > registration {
            errors.append(.init(field: "applicant.dateOfBirth", message: "is after the registration date"))
        }
        guard errors.isEmpty, let registeredIn, let registration else { throw InvalidFacts(errors: errors) }
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

