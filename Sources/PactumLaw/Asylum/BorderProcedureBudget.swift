/// A case in the asylum border procedure, for its single 12-week budget (APR Art 51(2)).
public struct BorderBudgetFacts: Sendable, Codable, Equatable {
    public struct Allocation: Sendable, Codable, Equatable {
        /// Weeks national law gives the examination, the court's decision on a request to remain
        /// and the appeal (APR Art 51(2), 2nd subpara): together within the budget.
        public var examinationWeeks: Int
        public var requestToRemainWeeks: Int
        public var appealWeeks: Int
    }

    public var state: String
    public var registeredOn: String
    /// Transferred by relocation to a state that applies the border procedure: 16 weeks (Art 51(2), 3rd subpara).
    public var relocated: Bool?
    /// A crisis or force-majeure derogation for applications made in its period: 6 more weeks (CFM Art 11(1)).
    public var crisis: String?
    /// The day the applicant no longer has a right and is not allowed to remain (after a
    /// final rejection, or the court's refusal to let them remain).
    public var rightToRemainEndedOn: String?
    /// Protection granted, so the border procedure ends with entry.
    public var protectionGrantedOn: String?
    public var allocation: Allocation?
    public var asOf: String?
}

public struct BorderBudgetAnswer: Sendable, Codable, Equatable {
    /// The last day of the budget.
    public var ends: String
    public var weeks: Int
    public var citation: String
    public var daysElapsed: Int
    public var daysLeft: Int
    /// running, entry (authorised at the end, or protection granted), or return-border-procedure.
    public var status: String
    public var then: String
    /// For the return border procedure: its end (RBPR Art 4(2), RBP-2).
    public var returnProcedureEnds: String?
    public var reasoning: [String]
}

/// The border procedure's one budget for examination, leave to remain and appeal, and what
/// follows when it runs out: entry (APR Art 51(2)) or the return border procedure (RBPR Art 4).
public struct BorderProcedureBudget: Sendable {
    public let engine: DeadlineEngine

    public init(engine: DeadlineEngine = DeadlineEngine()) { self.engine = engine }

    public func assess(_ facts: BorderBudgetFacts, asOf today: CivilDate) throws -> BorderBudgetAnswer {
        var check = FactChecker()
        let state = MemberState(code: facts.state)
        if state == nil { check.fail("state", "\(facts.state) is not a Member State code") }
        let registered = check.date(facts.registeredOn, "registeredOn")
        let ended = check.date(facts.rightToRemainEndedOn, "rightToRemainEndedOn")
        let granted = check.date(facts.protectionGrantedOn, "protectionGrantedOn")
        let asOf = check.date(facts.asOf, "asOf") ?? today
        let crisis = facts.crisis.flatMap(CrisisKind.init(rawValue:))
        if facts.crisis != nil, crisis == nil {
            check.fail("crisis", "must be one of: \(CrisisKind.list)")
        }
        if ended != nil, granted != nil {
            check.fail("protectionGrantedOn", "cannot be given with rightToRemainEndedOn")
        }
        guard check.errors.isEmpty, let state, let registered else { throw InvalidFacts(errors: check.errors) }

        // CFM Art 11(1): the crisis weeks are not added on top of the relocation case's 16.
        let deadline = try engine.deadline(
            "APR-B5", state: state, from: registered.description, crisis: crisis,
            extension: crisis == nil && facts.relocated == true ? "relocation" : nil)
        let ends = CivilDate(iso: deadline.due)!
        let weeks = crisis != nil ? 18 : facts.relocated == true ? 16 : 12
        var reasoning = deadline.reasoning
        if let allocation = facts.allocation {
            let parts = [allocation.examinationWeeks, allocation.requestToRemainWeeks, allocation.appealWeeks]
            let total = parts.reduce(0) { $0 + min(max($1, 0), weeks + 1) }
            guard total <= weeks, parts.allSatisfy({ (0...weeks).contains($0) }) else {
                throw InvalidFacts(errors: [
                    .init(
                        field: "allocation",
                        message:
                            "the examination, the request to remain and the appeal must fit in the \(weeks) weeks (APR Art 51(2), 2nd subpara); these add up to \(total)"
                    )
                ])
            }
            reasoning.append(
                "National law gives the examination \(allocation.examinationWeeks), the request to remain \(allocation.requestToRemainWeeks) and the appeal \(allocation.appealWeeks) of the \(weeks) weeks (APR Art 51(2), 2nd subpara)."
            )
        }
        let elapsed = max(0, min(asOf, ends).dayNumber - registered.dayNumber)
        let left = max(0, ends.dayNumber - asOf.dayNumber)
        if let granted {
            return BorderBudgetAnswer(
                ends: ends.description, weeks: weeks, citation: deadline.citation, daysElapsed: elapsed, daysLeft: left,
                status: "entry",
                then: "Protection was granted on \(granted): the person enters the territory.",
                returnProcedureEnds: nil,
                reasoning: reasoning)
        }
        if let ended, ended <= ends {
            // RBPR Art 4(1),(2): no entry; 12 weeks at the border from the end of the right to remain.
            let rbp = try engine.deadline("RBP-2", state: state, from: ended.description, crisis: crisis)
            return BorderBudgetAnswer(
                ends: ends.description, weeks: weeks, citation: deadline.citation, daysElapsed: elapsed, daysLeft: left,
                status: "return-border-procedure",
                then:
                    "Rejected in the border procedure and no longer allowed to remain from \(ended): not authorised to enter; the return border procedure holds the person at the border until \(rbp.due) at most (RBPR Art 4(1),(2)); after that, return continues under the Return Directive (Art 4(4)).",
                returnProcedureEnds: rbp.due, reasoning: reasoning + rbp.reasoning)
        }
        let over = asOf > ends
        return BorderBudgetAnswer(
            ends: ends.description, weeks: weeks, citation: deadline.citation, daysElapsed: elapsed, daysLeft: left,
            status: over ? "entry" : "running",
            then: over
                ? "The \(weeks) weeks ended on \(ends) with the applicant still allowed to remain: the applicant is authorised to enter the territory and the examination continues there (APR Art 51(2))."
                : "If the applicant still has a right to remain at the end of \(ends), they are authorised to enter the territory (APR Art 51(2)); if they lose it before, the return border procedure follows (RBPR Art 4).",
            returnProcedureEnds: nil, reasoning: reasoning)
    }
}
