/// One pass through the criteria, collecting what was considered.
struct Run {
    let facts: ResponsibilityFacts
    let input: Validated
    let settings: ResponsibilitySettings
    var considered: [CriterionResult] = []
    var missing: [String] = []
    var notes: [String] = []
    var decided: CriterionResult?
    /// The facts leave the answer to a judgement or to evidence the engine does not have.
    var undetermined = false

    init(facts: ResponsibilityFacts, input: Validated, settings: ResponsibilitySettings) {
        self.facts = facts
        self.input = input
        self.settings = settings
        if input.framework == .dublinIII {
            notes.append(
                "The application was registered before 1 July 2026: the criteria of Regulation (EU) No 604/2013 (Dublin III) apply (AMMR Art 84(2)); its dates are read from the day the application was first lodged (Dublin III Art 20(2))."
            )
        }
    }

    var framework: ResponsibilityFramework { input.framework }
    /// Whether the examination goes on: nothing decided and nothing left to a judgement.
    var open: Bool { decided == nil && !undetermined }

    var decision: ResponsibilityDecision {
        ResponsibilityDecision(
            responsibleState: undetermined ? nil : decided?.state, decidedBy: decided?.criterion,
            citation: decided?.citation, considered: considered, missingEvidence: missing,
            framework: framework.rawValue, notes: notes)
    }

    var family: [ResponsibilityFacts.FamilyMember] { facts.familyMembers ?? [] }

    /// Where the applicant is: the determining state, or else the state of first registration.
    var applicantState: String { (input.determiningState ?? input.registeredIn).code }

    func isFlawed(_ state: String) -> Bool { (facts.systemicFlaws ?? []).contains { $0.uppercased() == state } }

    /// Records a criterion. One that points to a state with systemic flaws is passed over
    /// (AMMR Art 16(3), 1st subpara; Dublin III Art 3(2), 2nd subpara) and the examination goes on.
    mutating func record(
        _ article: ResponsibilityFramework.Article, _ title: String, applies: Bool, state: String? = nil,
        _ reason: String
    ) {
        var result = CriterionResult(
            criterion: article.id, title: title, citation: article.citation, applies: applies,
            state: state?.uppercased(), reason: reason)
        if applies, let state = result.state, isFlawed(state) {
            result.applies = false
            result.reason +=
                " But a transfer to \(state) would risk inhuman or degrading treatment (systemic flaws): the next criterion is examined (\(framework.article("16(3)", "3(2)").short))."
            considered.append(result)
            return
        }
        considered.append(result)
        if applies { decided = result }
    }

    /// No state can be designated without the risk, not even the first state of registration:
    /// the state conducting the determination is responsible (AMMR Art 16(3), 2nd subpara;
    /// Dublin III Art 3(2), 3rd subpara). Never the state a transfer cannot go to.
    mutating func determiningStateResponsible() {
        let article = framework.article("16(3)", "3(2)")
        let title = "Determining Member State"
        guard let state = input.determiningState?.code else {
            missing.append(
                "which Member State is conducting the determination: it becomes responsible when no state can be designated without a risk of inhuman or degrading treatment (\(article.short)); give determiningState"
            )
            considered.append(
                CriterionResult(
                    criterion: article.id, title: title, citation: article.citation, applies: true, state: nil,
                    reason:
                        "Every state the criteria designate, and the first state of registration, is one a transfer cannot go to: the determining Member State is responsible, and it is not given."
                ))
            undetermined = true
            return
        }
        let result = CriterionResult(
            criterion: article.id, title: title, citation: article.citation, applies: true, state: state,
            reason:
                "No state can be designated without a risk of inhuman or degrading treatment, not even the first state of registration: \(state), the Member State conducting the determination, is responsible."
        )
        considered.append(result)
        decided = result
    }

    /// A state that carried out the security check (in the screening, SCR Art 15, or after
    /// registration, AMMR Art 16(4) 1st-2nd subparas) and found reasonable grounds of a threat
    /// to internal security is responsible; Art 39 does not apply (Art 16(4), 3rd subpara).
    mutating func securityOverride() {
        guard let finder = facts.securityThreatFoundBy?.uppercased() else { return }
        record(
            ResponsibilityFramework.ammr.article("16(4)", ""), "Threat to internal security found by a security check",
            applies: true, state: finder,
            "\(finder) carried out the security check (in the screening, SCR Art 15, or after registration) and found reasonable grounds of a threat to internal security: it is responsible and no take charge request is made (AMMR Art 16(4), 3rd subpara)."
        )
    }

    /// The first Member State where the application was registered (AMMR Art 16(2)), or lodged
    /// (Dublin III Art 3(2), 1st subpara).
    mutating func fallback() {
        record(
            framework.article("16(2)", "3(2)"), "First Member State of registration", applies: true,
            state: input.registeredIn.code,
            "No criterion applies: the first Member State where the application was \(framework == .ammr ? "registered" : "lodged"), \(input.registeredIn.code), is responsible."
        )
    }

    /// The adult criteria in the order of AMMR Art 24 (Arts 26-34), or of Dublin III Art 7(1)
    /// (Arts 9-16), each a step of the run.
    static func adultCriteria(_ framework: ResponsibilityFramework) -> [(inout Run) -> Void] {
        switch framework {
        case .ammr:
            [
                { $0.familyBeneficiary() }, { $0.familyApplicant() }, { $0.familyProcedure() },
                { $0.dependentPersons() }, { $0.documents() }, { $0.diplomas() }, { $0.visaWaived() },
                { $0.transitArea() }, { $0.entry() },
            ]
        case .dublinIII:
            [
                { $0.familyBeneficiary() }, { $0.familyApplicant() }, { $0.familyProcedure() },
                { $0.dependentPersons() }, { $0.documents() }, { $0.entry() }, { $0.visaWaived() },
                { $0.transitArea() },
            ]
        }
    }
}
