/// One criterion as the engine weighed it.
public struct CriterionResult: Sendable, Codable, Equatable {
    public var criterion: String
    public var title: String
    public var citation: String
    public var applies: Bool
    /// The state the criterion points to, when it applies.
    public var state: String?
    public var reason: String
}

/// Which Member State is responsible, by which criterion, and why.
public struct ResponsibilityDecision: Sendable, Codable, Equatable {
    /// Nil when the facts leave it to a judgement the engine cannot make (best interests).
    public var responsibleState: String?
    public var decidedBy: String?
    public var citation: String?
    /// Every criterion in the order of AMMR Art 24, with why it did or did not apply.
    public var considered: [CriterionResult]
    /// What must still be proven for the answer to hold.
    public var missingEvidence: [String]
    /// AMMR, or Dublin III for applications registered before 1 July 2026 (AMMR Art 84(2)).
    public var framework: String
    public var notes: [String]
}

/// A fact that cannot be used, named by its JSON path.
public struct FactError: Error, Sendable, Codable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Errors in a facts document.
public struct InvalidFacts: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [FactError]

    public init(errors: [FactError]) { self.errors = errors }
    public var description: String { errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}

/// Readings the texts leave open, as named settings (docs/LAW.md).
public struct ResponsibilitySettings: Sendable, Codable, Equatable {
    /// AMMR Art 2(15) asks for "at least one academic year" of study; read as this many months.
    public var minimumStudyMonths: Int = 9

    public init(minimumStudyMonths: Int = 9) { self.minimumStudyMonths = minimumStudyMonths }
}

/// Applies the criteria of AMMR Part III, Chapter II, in the order of Art 24, with the security
/// override (Art 16(4)), dependent persons (Art 34) and the fallback (Art 16(2)).
public struct ResponsibilityEngine: Sendable {
    public let settings: ResponsibilitySettings

    public init(settings: ResponsibilitySettings = ResponsibilitySettings()) { self.settings = settings }

    static let relations = [
        "spouse", "partner", "child", "parent", "responsible-adult", "sibling", "relative", "adult-child",
    ]
    static let statuses = ["beneficiary", "former-beneficiary", "long-term-resident", "applicant", "legally-present"]
    /// The relations that make a "family member" (AMMR Art 2(8)).
    static let familyMemberRelations: Set<String> = ["spouse", "partner", "child", "parent", "responsible-adult"]

    public func decide(_ facts: ResponsibilityFacts) throws -> ResponsibilityDecision {
        let input = try Validated(facts)
        var run = Run(facts: facts, input: input)
        run.securityOverride()
        if run.decided == nil, input.isUnaccompaniedMinor { run.unaccompaniedMinor() }
        if run.decided == nil { run.familyBeneficiary() }
        if run.decided == nil { run.familyApplicant() }
        if run.decided == nil { run.familyProcedure() }
        if run.decided == nil { run.dependentPersons() }
        if run.decided == nil { run.documents() }
        if run.decided == nil { run.diplomas(minimumMonths: settings.minimumStudyMonths) }
        if run.decided == nil { run.visaWaived() }
        if run.decided == nil { run.transitArea() }
        if run.decided == nil { run.irregularEntry() }
        if run.decided == nil { run.fallback() }
        return run.decision
    }
}

/// The facts, parsed: dates and states checked, every fault collected.
struct Validated {
    let registeredIn: MemberState
    let registration: CivilDate
    let isUnaccompaniedMinor: Bool
    let isMinor: Bool

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
        for (i, code) in (facts.systemicFlaws ?? []).enumerated() { _ = state(code, "systemicFlaws[\(i)]") }
        if let birth, let registration, birth > registration {
            errors.append(.init(field: "applicant.dateOfBirth", message: "is after the registration date"))
        }
        guard errors.isEmpty, let registeredIn, let registration else { throw InvalidFacts(errors: errors) }
        self.registeredIn = registeredIn
        self.registration = registration
        // Minor: under 18 when the application is registered (AMMR Art 2(10), Art 24).
        let minor =
            birth.map { $0.adding(months: 18 * 12) > registration } ?? (facts.applicant?.unaccompaniedMinor ?? false)
        self.isMinor = minor
        self.isUnaccompaniedMinor = minor && (facts.applicant?.unaccompaniedMinor ?? false)
    }
}

/// One pass through the criteria, collecting what was considered.
struct Run {
    let facts: ResponsibilityFacts
    let input: Validated
    var considered: [CriterionResult] = []
    var missing: [String] = []
    var notes: [String] = []
    var decided: CriterionResult?
    var undetermined = false

    init(facts: ResponsibilityFacts, input: Validated) {
        self.facts = facts
        self.input = input
        if input.registration < CivilDate(year: 2026, month: 7, day: 1)! {
            notes.append(
                "The application was registered before 1 July 2026: the Dublin III criteria (Regulation (EU) No 604/2013) apply, not these (AMMR Art 84(2))."
            )
        }
    }

    var decision: ResponsibilityDecision {
        ResponsibilityDecision(
            responsibleState: undetermined ? nil : decided?.state, decidedBy: decided?.criterion,
            citation: decided?.citation,
            considered: considered, missingEvidence: missing,
            framework: input.registration < CivilDate(year: 2026, month: 7, day: 1)!
                ? "Regulation (EU) No 604/2013 (Dublin III)" : "Regulation (EU) 2024/1351 (AMMR)", notes: notes)
    }

    private var family: [ResponsibilityFacts.FamilyMember] { facts.familyMembers ?? [] }

    /// Records a criterion. One that points to a state with systemic flaws is passed over
    /// (AMMR Art 16(3)) and the examination goes on.
    mutating func record(
        _ criterion: String, _ title: String, _ citation: String, applies: Bool, state: String? = nil, _ reason: String
    ) {
        var result = CriterionResult(
            criterion: criterion, title: title, citation: citation, applies: applies, state: state?.uppercased(),
            reason: reason)
        if applies, let state = result.state, (facts.systemicFlaws ?? []).contains(where: { $0.uppercased() == state })
        {
            result.applies = false
            result.reason +=
                " But a transfer to \(state) would risk inhuman or degrading treatment (systemic flaws): the next criterion is examined (AMMR Art 16(3))."
            considered.append(result)
            return
        }
        considered.append(result)
        if applies { decided = result }
    }

    mutating func securityOverride() {
        guard let finder = facts.securityThreatFoundBy?.uppercased() else { return }
        let first = finder == input.registeredIn.code
        record(
            "AMMR-16(4)", "Security threat found by the first state of registration",
            "Regulation (EU) 2024/1351, Art. 16(4)",
            applies: first, state: finder,
            first
                ? "\(finder), the first state of registration, found reasonable grounds of a threat to internal security: it is responsible and makes no take charge request."
                : "The threat was found by \(finder), not by the first state of registration (\(input.registeredIn.code)); the criteria apply."
        )
    }

    mutating func unaccompaniedMinor() {
        let citation = "Regulation (EU) 2024/1351, Art. 25"
        missing.append("an assessment of the child's best interests (AMMR Art 25)")
        let present = family.filter {
            ["parent", "responsible-adult", "sibling", "spouse"].contains($0.relation) && $0.status != "applicant"
        }
        let relatives = family.filter { $0.relation == "relative" && $0.status != "applicant" }
        let candidates = Set(present.map { $0.state.uppercased() })
        if candidates.count == 1 {
            record(
                "AMMR-25(1)", "Unaccompanied minor: family member or sibling legally present", citation, applies: true,
                state: candidates.first,
                "A family member or sibling of the unaccompanied minor is legally present in \(candidates.first!).")
            return
        }
        let caring = Set(relatives.filter { $0.ableToCare ?? false }.map { $0.state.uppercased() })
        if candidates.isEmpty, caring.count == 1 {
            record(
                "AMMR-25(3)", "Unaccompanied minor: relative able to take care", citation, applies: true,
                state: caring.first,
                "A relative able to take care of the minor is legally present in \(caring.first!).")
            return
        }
        if candidates.count > 1 || (candidates.isEmpty && caring.count > 1) {
            let states = (candidates.isEmpty ? caring : candidates).sorted().joined(separator: ", ")
            record(
                "AMMR-25(4)", "Unaccompanied minor: family in several states", citation, applies: true, state: nil,
                "Family or relatives are present in \(states): the responsible state is chosen on the child's best interests."
            )
            undetermined = true
            return
        }
        if relatives.contains(where: { $0.ableToCare == nil }) {
            missing.append("whether the relative can take care of the minor (AMMR Art 25(3))")
        }
        record(
            "AMMR-25(5)", "Unaccompanied minor: no family present", citation, applies: true,
            state: input.registeredIn.code,
            "No family member, sibling or relative is present: the state where the minor's application was first registered, \(input.registeredIn.code), if in the child's best interests."
        )
    }

    /// Family members in the sense of AMMR Art 2(8) with a given status.
    private func familyMembers(_ statuses: Set<String>) -> [ResponsibilityFacts.FamilyMember] {
        family.filter { member in
            statuses.contains(member.status)
                && (Run.isFamilyMember(member.relation) || (member.relation == "parent" && input.isMinor))
        }
    }

    private static func isFamilyMember(_ relation: String) -> Bool {
        ["spouse", "partner", "child"].contains(relation)
    }

    mutating func familyBeneficiary() {
        let citation = "Regulation (EU) 2024/1351, Art. 26"
        let title = "Family member who is a beneficiary of international protection or a long-term resident"
        let members = familyMembers(["beneficiary", "former-beneficiary", "long-term-resident"])
        guard let member = members.first else {
            record(
                "AMMR-26", title, citation, applies: false,
                "No family member holds protection or long-term residence in a Member State.")
            return
        }
        familyCriterion("AMMR-26", title, citation, member)
    }

    mutating func familyApplicant() {
        let citation = "Regulation (EU) 2024/1351, Art. 27"
        let title = "Family member who is an applicant without a first-instance decision"
        let members = familyMembers(["applicant"]).filter { $0.firstInstanceDecision != true }
        guard let member = members.first else {
            record(
                "AMMR-27", title, citation, applies: false,
                "No family member is an applicant awaiting a first-instance decision on the merits.")
            return
        }
        if member.firstInstanceDecision == nil {
            missing.append(
                "whether the \(member.relation) in \(member.state) has had a first-instance decision (AMMR Art 27)")
        }
        familyCriterion("AMMR-27", title, citation, member)
    }

    /// Arts 26 and 27 need the family formed before arrival and everyone's written consent.
    private mutating func familyCriterion(
        _ id: String, _ title: String, _ citation: String, _ member: ResponsibilityFacts.FamilyMember
    ) {
        if member.formedBeforeArrival == false {
            record(id, title, citation, applies: false, "The family was formed after arrival (AMMR Art 2(8)).")
            return
        }
        if member.formedBeforeArrival == nil {
            missing.append("that the family existed before arrival (AMMR Art 2(8))")
        }
        guard member.consentInWriting == true else {
            if member.consentInWriting == nil {
                missing.append("the written consent of the persons concerned (\(citation))")
            }
            record(
                id, title, citation, applies: false,
                "The \(member.relation) in \(member.state.uppercased()) qualifies, but the persons concerned have \(member.consentInWriting == false ? "not consented" : "not yet given consent") in writing."
            )
            return
        }
        record(
            id, title, citation, applies: true, state: member.state,
            "The applicant's \(member.relation) is \(member.status == "applicant" ? "an applicant" : "a \(member.status)") in \(member.state.uppercased()), and the persons concerned consented in writing."
        )
    }

    mutating func familyProcedure() {
        let citation = "Regulation (EU) 2024/1351, Art. 28"
        let title = "Family procedure"
        let members = facts.familyProcedure ?? []
        let states = Set(members.map { $0.responsibleState.uppercased() })
        guard states.count > 1 else {
            record(
                "AMMR-28", title, citation, applies: false, "No family members applying together would be separated.")
            return
        }
        var counts: [String: Int] = [:]
        for member in members { counts[member.responsibleState.uppercased(), default: 0] += 1 }
        let top = counts.values.max()!
        let largest = counts.filter { $0.value == top }.map(\.key)
        if largest.count == 1 {
            record(
                "AMMR-28", title, citation, applies: true, state: largest[0],
                "Family members applying together would be separated: \(largest[0]) is responsible for the largest number of them (AMMR Art 28(a))."
            )
            return
        }
        let dated = members.compactMap { member in member.dateOfBirth.flatMap(CivilDate.init(iso:)).map { (member, $0) }
        }
        guard dated.count == members.count, let oldest = dated.min(by: { $0.1 < $1.1 }) else {
            missing.append("the dates of birth of the family members applying together (AMMR Art 28(b))")
            record(
                "AMMR-28", title, citation, applies: true, state: nil,
                "Equal numbers: the state responsible for the oldest decides, and their ages are missing.")
            undetermined = true
            return
        }
        record(
            "AMMR-28", title, citation, applies: true, state: oldest.0.responsibleState,
            "Equal numbers in several states: the state responsible for the oldest family member, \(oldest.0.responsibleState.uppercased()) (AMMR Art 28(b))."
        )
    }

    mutating func dependentPersons() {
        let citation = "Regulation (EU) 2024/1351, Art. 34"
        let title = "Dependent persons"
        guard facts.applicant?.dependent == true else {
            record(
                "AMMR-34", title, citation, applies: false,
                "The applicant is not stated to be dependent, nor a relative dependent on the applicant.")
            return
        }
        let carers = family.filter {
            ["child", "adult-child", "sibling", "parent"].contains($0.relation) && $0.status != "applicant"
        }
        guard let carer = carers.first else {
            record(
                "AMMR-34", title, citation, applies: false,
                "No child, sibling or parent is legally resident in a Member State.")
            return
        }
        if carer.formedBeforeArrival == false || carer.ableToCare == false || carer.consentInWriting == false {
            record(
                "AMMR-34", title, citation, applies: false,
                "The ties did not exist before arrival, the relative cannot care, or consent was refused.")
            return
        }
        if carer.ableToCare == nil {
            missing.append("that the \(carer.relation) can take care of the dependent person (AMMR Art 34(1))")
        }
        if carer.consentInWriting == nil {
            missing.append("the written consent of the persons concerned (AMMR Art 34(1))")
        }
        record(
            "AMMR-34", title, citation, applies: true, state: carer.state,
            "A dependent applicant and their \(carer.relation) legally resident in \(carer.state.uppercased()) are normally kept or brought together there."
        )
    }

    mutating func documents() {
        let citation = "Regulation (EU) 2024/1351, Art. 29"
        let title = "Residence documents and visas"
        let registration = input.registration
        let documents = (facts.residenceDocuments ?? []).map { document in
            (document, CivilDate(iso: document.issuedOn)!, CivilDate(iso: document.validUntil)!)
        }
        let valid = documents.filter { $0.2 >= registration && $0.1 <= registration }
        // Expired less than 3 years (residence documents) or 18 months (visas) before registration.
        let recentlyExpired = documents.filter { document, _, until in
            until < registration
                && registration < until.adding(months: document.kind == "visa" ? 18 : 36)
        }
        typealias Candidate = (document: ResponsibilityFacts.ResidenceDocument, issued: CivilDate, until: CivilDate)
        /// Longer validity first, then the later expiry.
        func longer(_ a: Candidate, _ b: Candidate) -> Bool {
            let (la, lb) = (a.until.dayNumber - a.issued.dayNumber, b.until.dayNumber - b.issued.dayNumber)
            return la != lb ? la < lb : a.until < b.until
        }
        /// The state a set of documents designates, and the document, in words (Art 29(2),(3)).
        func choose(_ candidates: [Candidate]) -> (state: String, what: String, kind: String)? {
            let permits = candidates.filter { $0.document.kind == "residence-permit" }
            if let best = permits.max(by: longer) {
                return (
                    best.document.state, "residence document issued by \(best.document.state.uppercased())",
                    "residence-permit"
                )
            }
            let visas = candidates.filter { $0.document.kind == "visa" }
            let sameType = Set(visas.map { $0.document.visaType ?? "" }).count == 1
            guard let best = sameType ? visas.max(by: { $0.until < $1.until }) : visas.max(by: longer) else {
                return nil
            }
            // A visa issued under representation binds the represented state (Art 29(2)).
            let state = best.document.onBehalfOf ?? best.document.state
            let behalf = best.document.onBehalfOf.map { " on behalf of \($0.uppercased())" } ?? ""
            return (state, "visa issued by \(best.document.state.uppercased())\(behalf)", "visa")
        }
        if let (state, what, _) = choose(valid) {
            record(
                "AMMR-29", title, citation, applies: true, state: state,
                "The applicant holds a valid \(what) (AMMR Art 29(1),(2)).")
        } else if let (state, what, kind) = choose(recentlyExpired) {
            record(
                "AMMR-29", title, citation, applies: true, state: state,
                "The \(what) expired less than \(kind == "visa" ? "18 months" : "3 years") before registration (AMMR Art 29(4))."
            )
        } else {
            record(
                "AMMR-29", title, citation, applies: false,
                documents.isEmpty
                    ? "No residence document or visa."
                    : "No document was valid at registration, and none expired within 3 years (residence documents) or 18 months (visas) before it."
            )
        }
    }

    mutating func diplomas(minimumMonths: Int) {
        let citation = "Regulation (EU) 2024/1351, Art. 30"
        let title = "Diplomas and qualifications"
        let all = facts.diplomas ?? []
        // Issued less than 6 years before registration, after at least one academic year (Art 2(15)).
        let recent = all.filter { diploma in
            let issued = CivilDate(iso: diploma.issuedOn)!
            return issued <= input.registration && input.registration < issued.adding(months: 72)
        }
        let qualifying = recent.filter { ($0.studyMonths ?? minimumMonths) >= minimumMonths }
        if recent.contains(where: { $0.studyMonths == nil }) {
            missing.append("the length of study for each diploma (at least one academic year, AMMR Art 2(15))")
        }
        guard
            let best = qualifying.max(by: { a, b in
                (a.studyMonths ?? 0) != (b.studyMonths ?? 0)
                    ? (a.studyMonths ?? 0) < (b.studyMonths ?? 0) : a.issuedOn < b.issuedOn
            })
        else {
            record(
                "AMMR-30", title, citation, applies: false,
                all.isEmpty
                    ? "No diploma."
                    : "No diploma issued less than 6 years before registration after at least one academic year of study."
            )
            return
        }
        record(
            "AMMR-30", title, citation, applies: true, state: best.state,
            "A diploma issued in \(best.state.uppercased()) on \(best.issuedOn), less than 6 years before registration\(qualifying.count > 1 ? "; of several, the longest study (then the most recent)" : "")."
        )
    }

    mutating func visaWaived() {
        let citation = "Regulation (EU) 2024/1351, Art. 31"
        let title = "Visa-waived entry"
        guard let entry = facts.visaWaivedEntry else {
            record(
                "AMMR-31", title, citation, applies: false,
                "The applicant did not enter a Member State under a visa waiver.")
            return
        }
        let elsewhere = entry.state.uppercased() != input.registeredIn.code
        if elsewhere, entry.exemptInRegisteringState == true {
            record(
                "AMMR-31", title, citation, applies: true, state: input.registeredIn.code,
                "The application was registered in \(input.registeredIn.code), where the applicant is also visa-exempt (AMMR Art 31(2))."
            )
            return
        }
        if elsewhere, entry.exemptInRegisteringState == nil {
            missing.append(
                "whether the applicant is visa-exempt in \(input.registeredIn.code) as well (AMMR Art 31(2))")
        }
        record(
            "AMMR-31", title, citation, applies: true, state: entry.state,
            "The applicant entered \(entry.state.uppercased()) without a visa: that state is responsible (AMMR Art 31(1))."
        )
    }

    mutating func transitArea() {
        let citation = "Regulation (EU) 2024/1351, Art. 32"
        let title = "Application in an international transit area"
        guard let transit = facts.transitAreaApplication else {
            record(
                "AMMR-32", title, citation, applies: false,
                "The application was not made in an airport's international transit area.")
            return
        }
        record(
            "AMMR-32", title, citation, applies: true, state: transit.state,
            "The application was made in the international transit area of an airport of \(transit.state.uppercased())."
        )
    }

    mutating func irregularEntry() {
        let citation = "Regulation (EU) 2024/1351, Art. 33"
        let title = "Irregular entry or disembarkation after search and rescue"
        if let relocation = facts.relocatedTo, facts.irregularEntry != nil || facts.seaRescueDisembarkation != nil {
            record(
                "AMMR-33(3)", title, citation, applies: true, state: relocation,
                "The applicant was relocated to \(relocation.uppercased()) after crossing: the relocation state, not the state of entry (AMMR Art 33(3))."
            )
            return
        }
        // Irregular crossing: ceases more than 20 months after; SAR disembarkation: more than 12 months.
        var candidates: [(state: String, date: CivilDate, reason: String)] = []
        var reasons: [String] = []
        for (event, months, kind, paragraph) in [
            (facts.irregularEntry, 20, "irregular crossing into", "33(1)"),
            (facts.seaRescueDisembarkation, 12, "disembarkation after search and rescue in", "33(2)"),
        ] {
            guard let event else { continue }
            let day = CivilDate(iso: event.date)!
            let limit = day.adding(months: months)
            if input.registration <= limit {
                candidates.append(
                    (
                        event.state, day,
                        "The \(kind) \(event.state.uppercased()) on \(event.date) was at most \(months) months before registration (AMMR Art \(paragraph))."
                    ))
            } else {
                reasons.append(
                    "The \(kind) \(event.state.uppercased()) on \(event.date) was more than \(months) months before registration (after \(limit)): responsibility ceased (AMMR Art \(paragraph))."
                )
            }
        }
        if let first = candidates.min(by: { $0.date < $1.date }) {
            record("AMMR-33", title, citation, applies: true, state: first.state, first.reason)
        } else {
            record(
                "AMMR-33", title, citation, applies: false,
                reasons.isEmpty ? "No irregular crossing or disembarkation is known." : reasons.joined(separator: " "))
        }
    }

    mutating func fallback() {
        record(
            "AMMR-16(2)", "First Member State of registration", "Regulation (EU) 2024/1351, Art. 16(2)", applies: true,
            state: input.registeredIn.code,
            "No criterion applies: the first Member State where the application was registered, \(input.registeredIn.code), is responsible."
        )
        if decided == nil {
            // Every criterion pointed to a state with systemic flaws, including the first
            // state of registration: the determining state is responsible (Art 16(3)).
            decided = CriterionResult(
                criterion: "AMMR-16(3)", title: "Determining Member State",
                citation: "Regulation (EU) 2024/1351, Art. 16(3)",
                applies: true, state: input.registeredIn.code,
                reason:
                    "No state can be designated without a risk of inhuman or degrading treatment: the determining Member State is responsible."
            )
        }
    }
}
