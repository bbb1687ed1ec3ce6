/// What happened, for the implicit withdrawal of an application (APR Art 41).
public struct WithdrawalFacts: Sendable, Codable, Equatable {
    /// The circumstance of APR Art 41(1), by letter a to f.
    public var ground: String
    /// The applicant had a valid reason or good cause, or the failure was due to circumstances
    /// beyond their control (Art 41(1)(a),(d),(e)).
    public var justified: Bool?
    /// Another competent authority found the circumstance (Art 41(2)).
    public var foundByOtherAuthority: Bool?
    /// The applicant is present (Art 41(3)).
    public var applicantPresent: Bool?
    /// The authority already established that the applicant does not qualify (Art 41(5)).
    public var alreadyFoundNotQualifying: Bool?
}

public struct WithdrawalAnswer: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        public var step: String
        public var citation: String
        public var required: Bool
    }

    /// implicit-withdrawal, rejection (Art 41(5)), or none (a justified circumstance).
    public var decision: String
    public var ground: String
    public var steps: [Step]
    /// No automatic right to remain on appeal (APR Art 68(3)(c)).
    public var appeal: String
}

public enum ImplicitWithdrawal {
    static let grounds: [String: String] = [
        "a": "did not lodge the application despite an effective opportunity, without valid reason (Art 41(1)(a))",
        "b": "refuses to cooperate: no name, date of birth or biometric data (Art 41(1)(b))",
        "c": "refuses to give an address (unless housed by the authorities) (Art 41(1)(c))",
        "d": "did not attend the personal interview, or refused to answer, without good cause (Art 41(1)(d))",
        "e": "repeatedly failed to report, or is not available to the authorities (Art 41(1)(e))",
        "f": "lodged in another Member State than Art 17(1),(2) AMMR require and did not stay there (Art 41(1)(f))",
    ]

    public static func assess(_ facts: WithdrawalFacts) throws -> WithdrawalAnswer {
        guard let text = grounds[facts.ground] else {
            throw InvalidFacts(errors: [.init(field: "ground", message: "must be a letter of APR Art 41(1): a to f")])
        }
        // Grounds (a), (d) and (e) hold only without a valid reason or beyond-control cause.
        if facts.justified == true, ["a", "d", "e"].contains(facts.ground) {
            return WithdrawalAnswer(
                decision: "none", ground: "Art 41(1)(\(facts.ground))",
                steps: [
                    .init(
                        step: "The circumstance is justified: no implicit withdrawal.",
                        citation: "APR Art 41(1)(\(facts.ground))", required: true)
                ],
                appeal: "No decision, no appeal.")
        }
        var steps: [WithdrawalAnswer.Step] = [
            .init(
                step: "Establish the circumstance: the applicant \(text).", citation: "APR Art 41(1)(\(facts.ground))",
                required: true)
        ]
        if facts.foundByOtherAuthority == true {
            steps.append(
                .init(
                    step: "The authority that found it informs the determining authority, which alone decides.",
                    citation: "APR Art 41(2)", required: true))
        }
        steps.append(
            .init(
                step: "The procedure may be suspended so the applicant can justify or rectify the omission.",
                citation: "APR Art 41(4)", required: false))
        if facts.applicantPresent != false {
            steps.append(
                .init(
                    step:
                        "Inform the applicant, in a language they understand, of every procedural consequence of the withdrawal.",
                    citation: "APR Art 41(3), Art 8(2)(c)", required: true))
        }
        let rejection = facts.alreadyFoundNotQualifying == true
        steps.append(
            .init(
                step: rejection
                    ? "The determining authority already found that the applicant does not qualify: it may reject the application as unfounded or manifestly unfounded."
                    : "The determining authority decides that the application is implicitly withdrawn.",
                citation: rejection ? "APR Art 41(5)" : "APR Art 41(2)", required: true))
        return WithdrawalAnswer(
            decision: rejection ? "rejection" : "implicit-withdrawal", ground: "Art 41(1)(\(facts.ground))",
            steps: steps,
            appeal: rejection
                ? "An appeal lies (APR Art 67(1)(b)); see pactum law appeal for its window and effect."
                : "An appeal lies (APR Art 67(1)(c)), without an automatic right to remain (Art 68(3)(c)); a later application is a subsequent one whose earlier elements count (Art 55(5))."
        )
    }
}
