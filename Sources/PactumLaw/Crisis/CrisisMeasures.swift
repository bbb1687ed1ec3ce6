/// A crisis or force-majeure situation and the Council decisions that authorise derogations
/// (CFM Arts 4-5, 10, 11(7), 13).
public struct CrisisFacts: Sendable, Codable, Equatable {
    public struct Decision: Sendable, Codable, Equatable {
        public var adoptedOn: String
        /// Extended once by 3 months (CFM Art 5(1),(2)).
        public var extended: Bool?
    }

    public var state: String
    /// mass-arrival, instrumentalisation or force-majeure.
    public var kind: String
    /// The state's reasoned request (CFM Art 2(1)); the registration derogation may start
    /// before the Council authorises it (Art 10(6)).
    public var requestSubmittedOn: String?
    /// The Council implementing decisions in order; the first is the initial one.
    public var decisions: [Decision]?
    /// An application: the day it was made, to know whether the 4-week registration applies.
    public var applicationMadeOn: String?
    /// For instrumentalisation (CFM Art 11(6)-(8)): the applicant's date of birth and the
    /// option the Council decision chose for children under 12: exclude or release.
    public var applicantDateOfBirth: String?
    public var childrenOption: String?
    /// CFM Art 13(1): the start of the Council's take back exemption window.
    public var exemptionWindowStart: String?
}

public struct CrisisAnswer: Sendable, Codable, Equatable {
    public struct Period: Sendable, Codable, Equatable {
        public var decision: Int
        public var from: String
        public var ends: String
        public var citation: String
    }

    public var periods: [Period]
    /// The last day any measure may apply: the last period, within 12 months in all (CFM Art 5(3)).
    public var measuresEnd: String?
    /// For the application: whether the 4-week registration applies, and by when.
    public var registrationDerogation: Bool?
    public var registerBy: String?
    public var findings: [String]
}

/// Which derogations a crisis allows and when (CFM Arts 5, 10, 11(7), 13).
public struct CrisisMeasures: Sendable {
    public let engine: DeadlineEngine

    public init(engine: DeadlineEngine = DeadlineEngine()) { self.engine = engine }

    public func assess(_ facts: CrisisFacts) throws -> CrisisAnswer {
        var check = FactChecker()
        let state = MemberState(code: facts.state)
        if state == nil { check.fail("state", "\(facts.state) is not a Member State code") }
        let kind = CrisisKind(rawValue: facts.kind)
        if kind == nil { check.fail("kind", "must be one of: \(CrisisKind.list)") }
        let request = check.date(facts.requestSubmittedOn, "requestSubmittedOn")
        let made = check.date(facts.applicationMadeOn, "applicationMadeOn")
        let born = check.date(facts.applicantDateOfBirth, "applicantDateOfBirth")
        let window = check.date(facts.exemptionWindowStart, "exemptionWindowStart")
        let adopted = (facts.decisions ?? []).enumerated().map { i, d in
            check.date(d.adoptedOn, "decisions[\(i)].adoptedOn")
        }
        for (i, day) in adopted.enumerated() where i > 0 {
            if let day, let before = adopted[i - 1], day < before {
                check.fail("decisions[\(i)].adoptedOn", "is before the previous decision")
            }
        }
        for (field, day) in [("requestSubmittedOn", request), ("decisions[0].adoptedOn", adopted.first ?? nil)] {
            if let day, day < CrisisKind.appliesFrom {
                check.fail(field, "is before 1 July 2026, when the CFM starts to apply (CFM Art 20)")
            }
        }
        if let option = facts.childrenOption, !["exclude", "release"].contains(option) {
            check.fail("childrenOption", "must be exclude or release (CFM Art 11(7)(a),(b))")
        }
        guard check.errors.isEmpty, let state, let kind else { throw InvalidFacts(errors: check.errors) }

        var findings: [String] = []
        var periods: [CrisisAnswer.Period] = []
        for (i, decision) in (facts.decisions ?? []).enumerated() {
            let from = adopted[i]!
            let end = try engine.deadline(
                "CFM-5", state: state, from: from.description, extension: decision.extended == true ? "extended" : nil)
            periods.append(.init(decision: i + 1, from: from.description, ends: end.due, citation: end.citation))
        }
        var measuresEnd: String?
        if let first = adopted.first ?? nil, let last = periods.last {
            let cap = try engine.deadline("CFM-TOTAL", state: state, from: first.description)
            measuresEnd = min(cap.due, last.ends)
            if cap.due < last.ends {
                findings.append(
                    "The decisions run to \(last.ends), but all measures together stop after \(cap.due): 12 months from the first decision (CFM Art 5(3))."
                )
            }
        }

        // CFM Art 10: the 4-week registration for applications made in its period.
        var applies: Bool?
        var registerBy: String?
        if let made {
            let initial = periods.first
            // The initial decision's own 3 months, without its extension (Art 10(4)).
            let initialEnd = try initial.map {
                CivilDate(iso: try engine.deadline("CFM-5", state: state, from: $0.from).due)!
            }
            let inInitial = initial.map { made >= CivilDate(iso: $0.from)! && made <= initialEnd! } ?? false
            let inAny =
                periods.contains { made >= CivilDate(iso: $0.from)! && made <= CivilDate(iso: $0.ends)! }
                && measuresEnd.map { made <= CivilDate(iso: $0)! } ?? false
            var early = false
            if let request, initial.map({ made < CivilDate(iso: $0.from)! }) ?? true {
                let tenth = try engine.deadline("CFM-10-6", state: state, from: request.description)
                early = made > request && made <= CivilDate(iso: tenth.due)!
                findings.append(
                    early
                        ? "Made on \(made), within 10 days from the day after the request (to \(tenth.due)) and before the Council's decision: the 4-week registration may already apply (CFM Art 10(6))."
                        : "Made on \(made), before any Council decision and outside the 10 days after the request (to \(tenth.due)): the ordinary 5 days apply (CFM Art 10(6))."
                )
            }
            if kind == .massArrival {
                applies = inInitial || early
                if inAny, !inInitial {
                    findings.append(
                        "A mass-arrival crisis: the 4-week registration holds only during the initial decision's period, not its extensions or later decisions (CFM Art 10(4))."
                    )
                }
            } else {
                applies = inAny || early
            }
            if applies == true {
                registerBy = try engine.deadline("APR-R1", state: state, from: made.description, crisis: kind).due
                findings.append(
                    "Register within 4 weeks of the making: by \(registerBy!) (CFM Art 10(1)); priority to persons with special reception needs, minors and their families (Art 10(2))."
                )
            } else if periods.isEmpty == false || request != nil {
                findings.append("The ordinary registration limit applies (APR Art 27(1), APR-R1).")
            }
        }

        // CFM Art 11(7): in instrumentalisation, children under 12 and their families.
        if kind == .instrumentalisation, let born, let on = made {
            let under12 = born.adding(months: 12 * 12) > on
            if under12 {
                findings.append(
                    facts.childrenOption == "release"
                        ? "A child under 12 (with the family): released from the border procedure where the application is likely well-founded on an individual assessment (CFM Art 11(7)(b))."
                        : facts.childrenOption == "exclude"
                            ? "A child under 12 (with the family): excluded from the border procedure (CFM Art 11(7)(a))."
                            : "A child under 12 (with the family): excluded, or released if likely well-founded, as the Council decision specifies (CFM Art 11(7),(8)); give childrenOption."
                )
            } else {
                findings.append("Twelve or older on the day of the application: Art 11(7) does not apply by age.")
            }
        }

        // CFM Art 13(1): the take back exemption window starts at most 4 months before the decision.
        if let window, let first = adopted.first ?? nil {
            let earliest = first.adding(months: -4)
            findings.append(
                window >= earliest
                    ? "The take back exemption covers applications registered from \(window) (no earlier than 4 months before the decision, \(earliest)) (CFM Art 13(1)); only in a mass-arrival crisis."
                    : "The exemption window may start no earlier than \(earliest), 4 months before the decision (CFM Art 13(1)); \(window) is too early."
            )
            if kind != .massArrival {
                findings.append("The take back exemption exists only in a mass-arrival crisis (CFM Art 13(1)).")
            }
        }
        return CrisisAnswer(
            periods: periods, measuresEnd: measuresEnd, registrationDerogation: applies, registerBy: registerBy,
            findings: findings)
    }
}
