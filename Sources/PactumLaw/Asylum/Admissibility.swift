/// The facts that bear on admissibility (APR Art 38).
public struct AdmissibilityFacts: Sendable, Codable, Equatable {
    public struct ReturnDecision: Sendable, Codable, Equatable {
        public var receivedOn: String
        /// The person was informed of the consequences of not applying within 7 working days.
        public var informedOfConsequences: Bool?
        /// New relevant elements arose after the 7 working days.
        public var newElements: Bool?
    }

    /// The Member State examining the application, whose calendar counts the 7 working days.
    public var state: String
    /// The day the application was made.
    public var madeOn: String
    /// A first country of asylum (Art 58) or a safe third country (Art 59), unless it is
    /// clear the applicant will not be admitted or readmitted there.
    public var firstCountryOfAsylum: Bool?
    public var safeThirdCountry: Bool?
    public var clearlyNotReadmitted: Bool?
    /// Another Member State granted international protection (Art 38(1)(c)).
    public var protectionGrantedBy: String?
    /// An international criminal court provided for safe relocation (Art 38(1)(d)).
    public var internationalCourtRelocation: Bool?
    public var returnDecision: ReturnDecision?
    /// A subsequent application with no new elements (Art 38(2)).
    public var subsequentWithoutNewElements: Bool?
}

public struct AdmissibilityAnswer: Sendable, Codable, Equatable {
    public struct Ground: Sendable, Codable, Equatable {
        public var ground: String
        /// may (national law may authorise it, Art 38(1)) or must (Art 38(2)).
        public var force: String
        public var reason: String
    }

    public var grounds: [Ground]
    public var notConsidered: [String]
    public var missing: [String]
}

/// Which inadmissibility grounds a case meets (APR Art 38); the decision, and its appeal
/// (`AppealRights`), follow.
public struct Admissibility: Sendable {
    public let engine: DeadlineEngine

    public init(engine: DeadlineEngine = DeadlineEngine()) { self.engine = engine }

    public func assess(_ facts: AdmissibilityFacts) throws -> AdmissibilityAnswer {
        var check = FactChecker()
        let state = check.state(facts.state, "state")
        _ = check.state(facts.protectionGrantedBy, "protectionGrantedBy")
        let made = check.date(facts.madeOn, "madeOn")
        let received = check.date(facts.returnDecision?.receivedOn, "returnDecision.receivedOn")
        try check.throwIfAny()
        guard let state, let made else { return AdmissibilityAnswer(grounds: [], notConsidered: [], missing: []) }

        var grounds: [AdmissibilityAnswer.Ground] = []
        var not: [String] = []
        var missing: [String] = []
        let readmitted = facts.clearlyNotReadmitted != true
        if facts.firstCountryOfAsylum == true {
            readmitted
                ? grounds.append(.init(ground: "38(1)(a)", force: "may", reason: "A first country of asylum (Art 58)."))
                : not.append("38(1)(a): it is clear the applicant will not be admitted or readmitted there.")
        }
        if facts.safeThirdCountry == true {
            readmitted
                ? grounds.append(.init(ground: "38(1)(b)", force: "may", reason: "A safe third country (Art 59)."))
                : not.append("38(1)(b): it is clear the applicant will not be admitted or readmitted there.")
        }
        if let granted = facts.protectionGrantedBy {
            grounds.append(
                .init(
                    ground: "38(1)(c)", force: "may",
                    reason: "\(granted.uppercased()) granted international protection."))
        }
        if facts.internationalCourtRelocation == true {
            grounds.append(
                .init(
                    ground: "38(1)(d)", force: "may",
                    reason: "An international criminal court provided for safe relocation."))
        }
        if let decision = facts.returnDecision, let received {
            // 7 working days from receipt of the return decision, in the state's calendar (APR-A5).
            let deadline = try engine.deadline("APR-A5", state: state, from: received.description)
            let late = made > CivilDate(iso: deadline.due)!
            if !late {
                not.append(
                    "38(1)(e): the application was made on \(made), within the 7 working days ending \(deadline.due).")
            } else if decision.informedOfConsequences != true {
                decision.informedOfConsequences == nil
                    ? missing.append(
                        "whether the person was informed of the consequences of not applying within 7 working days (APR Art 38(1)(e))"
                    )
                    : not.append("38(1)(e): the person was not informed of the consequences of applying late.")
            } else if decision.newElements == true {
                not.append("38(1)(e): new relevant elements arose after the 7 working days.")
            } else {
                grounds.append(
                    .init(
                        ground: "38(1)(e)", force: "may",
                        reason:
                            "Made on \(made), after the 7 working days from the return decision (they ended \(deadline.due)), informed of the consequences, and no new relevant element since."
                    ))
            }
        }
        if facts.subsequentWithoutNewElements == true {
            grounds.append(
                .init(
                    ground: "38(2)", force: "must",
                    reason:
                        "A subsequent application without new relevant elements must be rejected as inadmissible (Art 38(2), 55(7))."
                ))
        }
        return AdmissibilityAnswer(grounds: grounds, notConsidered: not, missing: missing)
    }
}
