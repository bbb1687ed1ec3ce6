/// The criteria that keep families together: unaccompanied minors (AMMR Art 25; Dublin III
/// Art 8), family members (Arts 26-28; 9-11) and dependent persons (Art 34; Dublin III Art 16).
extension Run {
    enum Presence { case present, unsettled }

    /// "Legally present": an applicant's presence is a reading (ResponsibilitySettings.applicantPresence).
    func presence(_ member: ResponsibilityFacts.FamilyMember) -> Presence {
        member.status != "applicant" || settings.applicantPresence == .legallyPresent ? .present : .unsettled
    }

    // MARK: Unaccompanied minors

    /// AMMR Art 25(1): only Art 25 applies, its paragraphs 2 to 5 in that order; a state passed
    /// over (best interests, systemic flaws) leads to the next paragraph, never to the adult
    /// criteria. Dublin III Art 8(1)-(4) has the same order.
    mutating func unaccompaniedMinor() {
        missing.append("an assessment of the child's best interests (\(framework.article("25", "8").short))")
        let married = facts.applicant?.married == true
        let spousePresent = family.contains {
            ["spouse", "partner"].contains($0.relation) && presence($0) == .present
        }
        // Art 25(2): a family member (Art 2(8)) or a sibling; for a married minor whose spouse is
        // not legally present, the parents, another responsible adult or a sibling.
        let close: Set<String> =
            !married
            ? ["spouse", "partner", "child", "parent", "responsible-adult", "sibling"]
            : spousePresent
                ? ["spouse", "partner", "child", "sibling"] : ["child", "parent", "responsible-adult", "sibling"]
        minorParagraph(
            framework.article("25(2)", "8(1)"), "Unaccompanied minor: family member or sibling legally present",
            family.filter { close.contains($0.relation) }, needsCare: false)
        guard open else { return }
        minorParagraph(
            framework.article("25(3)", "8(2)"), "Unaccompanied minor: relative able to take care",
            family.filter { $0.relation == "relative" }, needsCare: true)
        guard open else { return }
        // AMMR Art 25(5): the state of first registration; Dublin III Art 8(4): where the minor
        // lodged the application and is present (CJEU C-648/11, MA).
        let state = framework == .ammr ? input.registeredIn.code : applicantState
        record(
            framework.article("25(5)", "8(4)"), "Unaccompanied minor: no family present", applies: true, state: state,
            "No family member, sibling or relative can be designated: \(state), where the minor's application was \(framework == .ammr ? "first registered" : "lodged"), if that is in the child's best interests."
        )
    }

    /// One paragraph of Art 25: who it names, who counts, and the state it designates, or the
    /// choice on the child's best interests when they are in several states (Art 25(4)).
    private mutating func minorParagraph(
        _ article: ResponsibilityFramework.Article, _ title: String, _ people: [ResponsibilityFacts.FamilyMember],
        needsCare: Bool
    ) {
        var counted: [String] = []
        var unsettled: [String] = []
        var passed: [String] = []
        for person in people {
            let who = "the \(person.relation) in \(person.state.uppercased())"
            if person.againstBestInterests == true {
                passed.append("\(who): shown to be against the child's best interests")
                continue
            }
            if needsCare, person.ableToCare == false {
                passed.append("\(who): cannot take care of the minor")
                continue
            }
            if needsCare, person.ableToCare == nil {
                missing.append(
                    "whether \(who) can take care of the minor, on an individual examination (\(article.short))")
                unsettled.append(who)
                continue
            }
            if presence(person) == .unsettled {
                missing.append(
                    "whether \(who), an applicant, is legally present there (\(article.short)); ResponsibilitySettings.applicantPresence"
                )
                unsettled.append(who)
                continue
            }
            counted.append(person.state.uppercased())
        }
        let states = Set(counted).sorted()
        let usable = states.filter { !isFlawed($0) }
        let after = passed.isEmpty ? "" : " Passed over: \(passed.joined(separator: "; "))."
        if states.count == 1 {
            record(
                article, title, applies: true, state: states[0],
                "\(needsCare ? "A relative able to take care of the minor" : "A family member or sibling of the minor") is legally present in \(states[0]).\(after)"
            )
            if decided != nil, !unsettled.isEmpty {
                notes.append(
                    "Not yet shown: \(unsettled.joined(separator: "; ")); if they count in another state, the choice is on the child's best interests (\(framework.article("25(4)", "8(3)").short))."
                )
            }
            return
        }
        if usable.count > 1 {
            record(
                framework.article("25(4)", "8(3)"), "Unaccompanied minor: family in several states", applies: true,
                state: nil,
                "Family or relatives are present in \(usable.joined(separator: ", ")): the responsible state is chosen on the child's best interests.\(after)"
            )
            undetermined = true
            return
        }
        if usable.count == 1 {
            record(
                article, title, applies: true, state: usable[0],
                "Present in \(states.joined(separator: ", ")); a transfer to \(states.filter(isFlawed).joined(separator: ", ")) would risk inhuman or degrading treatment, which leaves \(usable[0]).\(after)"
            )
            return
        }
        if !unsettled.isEmpty {
            // Never "no family present" while their presence or care is unproven.
            record(
                article, title, applies: false,
                "Not yet shown: \(unsettled.joined(separator: "; ")). The next paragraph is examined only once they are shown not to count.\(after)"
            )
            undetermined = true
            return
        }
        record(
            article, title, applies: false,
            people.isEmpty
                ? "No \(needsCare ? "relative" : "family member or sibling") of the minor is known."
                : states.isEmpty
                    ? "No one this paragraph names can be designated.\(after)"
                    : "Every state this paragraph designates is one a transfer cannot go to.\(after)")
    }

    // MARK: Family members

    /// Family members in the sense of AMMR Art 2(8) (Dublin III Art 2(g)) with a given status:
    /// the spouse or partner, a minor unmarried child, and for a minor unmarried applicant the
    /// father, mother or another responsible adult (Art 2(8)(c)).
    func familyMembers(_ statuses: Set<String>) -> [ResponsibilityFacts.FamilyMember] {
        let minorUnmarried = input.isMinor && facts.applicant?.married != true
        return family.filter { member in
            statuses.contains(member.status)
                && (["spouse", "partner", "child"].contains(member.relation)
                    || (minorUnmarried && ["parent", "responsible-adult"].contains(member.relation)))
        }
    }

    mutating func familyBeneficiary() {
        let article = framework.article("26", "9")
        let title =
            framework == .ammr
            ? "Family member who is a beneficiary of international protection or a long-term resident"
            : "Family member who is a beneficiary of international protection"
        // Dublin III Art 9 names beneficiaries only; AMMR Art 26 adds long-term residents and
        // naturalised former beneficiaries.
        let statuses: Set<String> =
            framework == .ammr ? ["beneficiary", "former-beneficiary", "long-term-resident"] : ["beneficiary"]
        familyCriterion(
            article, title, familyMembers(statuses),
            none:
                "No family member holds \(framework == .ammr ? "protection or long-term residence" : "international protection") in a Member State."
        )
    }

    mutating func familyApplicant() {
        let article = framework.article("27", "10")
        let members = familyMembers(["applicant"]).filter { $0.firstInstanceDecision != true }
        for member in members where member.firstInstanceDecision == nil {
            missing.append(
                "whether the \(member.relation) in \(member.state.uppercased()) has had a first-instance decision on the merits (\(article.short))"
            )
        }
        familyCriterion(
            article, "Family member who is an applicant without a first-instance decision", members,
            none: "No family member is an applicant awaiting a first-instance decision on the merits.")
    }

    /// Every family member is examined in turn; the first who qualifies in a state a transfer
    /// can go to decides. Each needs the family formed before arrival (Art 2(8)), or for Art 26
    /// a child born after the family member arrived (Art 26(3)), and everyone's written wish.
    private mutating func familyCriterion(
        _ article: ResponsibilityFramework.Article, _ title: String, _ members: [ResponsibilityFacts.FamilyMember],
        none: String
    ) {
        guard !members.isEmpty else {
            record(article, title, applies: false, none)
            return
        }
        var qualifying: [(member: ResponsibilityFacts.FamilyMember, reason: String)] = []
        var reasons: [String] = []
        for member in members {
            let who = "The \(member.relation) in \(member.state.uppercased())"
            let bornAfter = article.id == "AMMR-26" && member.bornAfterArrival == true
            if member.formedBeforeArrival == false, !bornAfter {
                reasons.append(
                    "\(who): the family was formed after arrival (\(framework.article("2(8)", "2(g)").short)).")
                continue
            }
            if member.formedBeforeArrival == nil, !bornAfter {
                missing.append(
                    "that the family with the \(member.relation) in \(member.state.uppercased()) existed before arrival (\(framework.article("2(8)", "2(g)").short))"
                )
            }
            guard member.consentInWriting == true else {
                if member.consentInWriting == nil {
                    missing.append("the written consent of the persons concerned (\(article.short))")
                }
                reasons.append(
                    "\(who) qualifies, but the persons concerned have \(member.consentInWriting == false ? "not consented" : "not yet given consent") in writing."
                )
                continue
            }
            let status = member.status == "applicant" ? "an applicant" : "a \(member.status)"
            qualifying.append(
                (
                    member,
                    "The applicant's \(member.relation) is \(status) in \(member.state.uppercased()), and the persons concerned consented in writing\(bornAfter ? "; the child was born after the family member arrived (AMMR Art 26(3))" : "")."
                ))
        }
        guard let chosen = qualifying.first(where: { !isFlawed($0.member.state.uppercased()) }) ?? qualifying.first
        else {
            record(article, title, applies: false, reasons.joined(separator: " "))
            return
        }
        record(article, title, applies: true, state: chosen.member.state, chosen.reason)
    }

    mutating func familyProcedure() {
        let article = framework.article("28", "11")
        let title = "Family procedure"
        let members = facts.familyProcedure ?? []
        let states = Set(members.map { $0.responsibleState.uppercased() })
        guard states.count > 1 else {
            record(article, title, applies: false, "No family members applying together would be separated.")
            return
        }
        var counts: [String: Int] = [:]
        for member in members { counts[member.responsibleState.uppercased(), default: 0] += 1 }
        let top = counts.values.max()!
        let largest = counts.filter { $0.value == top }.map(\.key)
        if largest.count == 1 {
            record(
                article, title, applies: true, state: largest[0],
                "Family members applying together would be separated: \(largest[0]) is responsible for the largest number of them (\(article.short)(a))."
            )
            return
        }
        let dated = members.compactMap { member in member.dateOfBirth.flatMap(CivilDate.init(iso:)).map { (member, $0) }
        }
        guard dated.count == members.count, let oldest = dated.min(by: { $0.1 < $1.1 }) else {
            missing.append("the dates of birth of the family members applying together (\(article.short)(b))")
            record(
                article, title, applies: true, state: nil,
                "Equal numbers: the state responsible for the oldest decides, and their ages are missing.")
            undetermined = true
            return
        }
        record(
            article, title, applies: true, state: oldest.0.responsibleState,
            "Equal numbers in several states: the state responsible for the oldest family member, \(oldest.0.responsibleState.uppercased()) (\(article.short)(b))."
        )
    }

    /// AMMR Art 34 (Dublin III Art 16): every child, sibling or parent legally resident is
    /// examined; the first who can care, with the ties from before arrival and the written wish,
    /// decides. If that carer is in another state and the applicant's health prevents travel for
    /// a significant period, the state where the applicant is (Art 34(2)).
    mutating func dependentPersons() {
        let article = framework.article("34", "16")
        let title = "Dependent persons"
        guard facts.applicant?.dependent == true else {
            record(
                article, title, applies: false,
                "The applicant is not stated to be dependent, nor a relative dependent on the applicant.")
            return
        }
        let carers = family.filter {
            ["child", "adult-child", "sibling", "parent"].contains($0.relation) && $0.status != "applicant"
        }
        var reasons: [String] = []
        var eligible: [ResponsibilityFacts.FamilyMember] = []
        for carer in carers {
            let who = "The \(carer.relation) in \(carer.state.uppercased())"
            if carer.formedBeforeArrival == false {
                reasons.append("\(who): the ties did not exist before arrival.")
            } else if carer.ableToCare == false {
                reasons.append("\(who) cannot provide the care.")
            } else if carer.consentInWriting == false {
                reasons.append("\(who): the persons concerned did not consent in writing.")
            } else {
                eligible.append(carer)
            }
        }
        guard let carer = eligible.first(where: { !isFlawed($0.state.uppercased()) }) ?? eligible.first else {
            record(
                article, title, applies: false,
                carers.isEmpty
                    ? "No child, sibling or parent is legally resident in a Member State."
                    : reasons.joined(separator: " "))
            return
        }
        let who = "the \(carer.relation) in \(carer.state.uppercased())"
        if carer.ableToCare == nil {
            missing.append("that \(who) can take care of the dependent person (\(article.short)(1))")
        }
        if carer.consentInWriting == nil {
            missing.append("the written consent of the persons concerned (\(article.short)(1))")
        }
        if carer.formedBeforeArrival == nil {
            missing.append("that the ties with \(who) existed before arrival (\(article.short)(1))")
        }
        let elsewhere = carer.state.uppercased() != applicantState
        if elsewhere, facts.applicant?.cannotTravel == true {
            record(
                article, title, applies: true, state: applicantState,
                "A dependent applicant and \(who): the applicant's health prevents travel there for a significant period, so \(applicantState), where the applicant is, is responsible (\(article.short)(2))."
            )
            return
        }
        if elsewhere, facts.applicant?.cannotTravel == nil {
            missing.append(
                "whether the applicant's health prevents travel to \(carer.state.uppercased()) for a significant period (\(article.short)(2))"
            )
        }
        record(
            article, title, applies: true, state: carer.state,
            "A dependent applicant and \(who), legally resident there, are normally kept or brought together there (\(article.short)(\(elsewhere ? "2" : "1")))."
        )
    }
}
