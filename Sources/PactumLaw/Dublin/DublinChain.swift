/// Follows a take charge or take back procedure from registration to transfer: each limit in
/// the calendar of the state that must act (a request in the requesting state's, a reply in
/// the requested state's), silence as acceptance, the transfer period from acceptance or from
/// the final decision on a suspensive appeal, its extensions, reappearance, the crisis
/// derogations and the shifts and cessations of responsibility that follow.
public struct DublinChain: Sendable {
    public let engine: DeadlineEngine

    public init(engine: DeadlineEngine = DeadlineEngine()) { self.engine = engine }

    public func follow(_ facts: DublinCaseFacts, asOf today: CivilDate) throws -> DublinChainAnswer {
        var run = try ChainRun(facts: facts, today: today, engine: engine)
        try run.walk()
        return run.answer
    }
}

/// The facts, checked, and the answer as it is built.
struct ChainRun {
    let facts: DublinCaseFacts
    let engine: DeadlineEngine
    let asOf: CivilDate
    let registration: CivilDate
    let requesting: MemberState
    let requested: MemberState
    let framework: ResponsibilityFramework
    let takeBack: Bool
    /// The CFM situation each party faces, if it applies Art 12.
    let crisisOfRequesting: CrisisKind?
    let crisisOfRequested: CrisisKind?
    var steps: [DublinStep] = []
    var notes: [String] = []
    var responsible: String?
    var responsibility = ""
    var nextDue: String?

    init(facts: DublinCaseFacts, today: CivilDate, engine: DeadlineEngine) throws {
        var check = FactChecker()
        let requesting = check.state(facts.requestingState, "requestingState")
        let requested = check.state(facts.requestedState, "requestedState")
        if let requesting, requesting == requested {
            check.fail("requestedState", "must differ from requestingState")
        }
        let registration = check.date(facts.registrationDate, "registrationDate")
        let asOf = check.date(facts.asOf, "asOf") ?? today
        let dated: [(String?, String)] = [
            (facts.hit?.receivedOn, "hit.receivedOn"), (facts.detainedOn, "detainedOn"),
            (facts.requestSentOn, "requestSentOn"), (facts.reply?.on, "reply.on"),
            (facts.transferDecisionOn, "transferDecisionOn"), (facts.appeal?.lodgedOn, "appeal.lodgedOn"),
            (facts.appeal?.finalDecisionOn, "appeal.finalDecisionOn"),
            (facts.absconding?.informedOn, "absconding.informedOn"),
            (facts.absconding?.reappearedOn, "absconding.reappearedOn"), (facts.transferredOn, "transferredOn"),
            (facts.crisis?.endedOn, "crisis.endedOn"),
            (facts.residenceDocumentOrArticle35, "residenceDocumentOrArticle35"),
            (facts.leftTerritoryOn, "leftTerritoryOn"),
        ]
        // These precede the new application by nature.
        _ = check.date(facts.borderProcedureFinalOn, "borderProcedureFinalOn")
        _ = check.date(facts.removedOn, "removedOn")
        for (text, field) in dated {
            if let day = check.date(text, field), let registration, day < registration, field != "hit.receivedOn" {
                check.fail(field, "is before the registration date")
            }
        }
        if let hit = facts.hit, !DublinCaseFacts.hitCategories.contains(hit.category) {
            check.fail("hit.category", "must be one of: \(DublinCaseFacts.hitCategories.joined(separator: ", "))")
        }
        if let answer = facts.reply?.answer, !["accepted", "refused", "confirmed"].contains(answer) {
            check.fail("reply.answer", "must be accepted, confirmed or refused")
        }
        // At least a week (AMMR Art 39(2)); longer than the ordinary month would not be urgent.
        if let days = facts.urgentReplyDays, !(7...31).contains(days) {
            check.fail("urgentReplyDays", "must be from 7 to 31 days (AMMR Art 39(2): at least one week)")
        }
        if facts.reply != nil, facts.requestSentOn == nil {
            check.fail("reply", "needs requestSentOn")
        }
        var crisisKind: CrisisKind?
        if let crisis = facts.crisis {
            _ = check.state(crisis.state, "crisis.state")
            crisisKind = CrisisKind(rawValue: crisis.kind)
            if crisisKind == nil {
                check.fail("crisis.kind", "must be one of: \(CrisisKind.list)")
            } else if crisisKind == .instrumentalisation {
                check.fail(
                    "crisis.kind",
                    "has no Dublin derogation: CFM Art 12 applies in a mass-arrival crisis or force majeure only"
                )
            }
        }
        guard check.errors.isEmpty, let requesting, let requested, let registration else {
            throw InvalidFacts(errors: check.errors)
        }
        self.facts = facts
        self.engine = engine
        self.asOf = asOf
        self.registration = registration
        self.requesting = requesting
        self.requested = requested
        self.framework = registration < Validated.ammrStart ? .dublinIII : .ammr
        // Take back follows a hit on an earlier application (EDAC Art 15) or an admission under
        // resettlement (AMMR Art 36(1)(b),(c)); every other hit, or none, is a take charge.
        self.takeBack = ["A", "B"].contains(facts.hit?.category ?? "")
        let crisisState = facts.crisis.flatMap { MemberState(code: $0.state) }
        let usesCFM = framework == .ammr && crisisKind != nil
        self.crisisOfRequesting = usesCFM && crisisState == requesting ? crisisKind : nil
        self.crisisOfRequested = usesCFM && crisisState == requested ? crisisKind : nil
        if framework == .dublinIII, crisisKind != nil {
            notes.append("The CFM derogates from the AMMR only: the crisis does not change Dublin III limits.")
        }
    }

    var answer: DublinChainAnswer {
        DublinChainAnswer(
            framework: framework.rawValue, procedure: takeBack ? "take-back" : "take-charge", asOf: asOf.description,
            steps: steps, responsibleState: responsible, responsibility: responsibility, nextDue: nextDue, notes: notes)
    }

    /// The end of a limit of the catalogue, in a state's calendar.
    func limit(
        _ rule: String, _ state: MemberState, from: CivilDate, crisis: CrisisKind? = nil, extension: String? = nil
    ) throws -> (due: CivilDate, deadline: Deadline) {
        let deadline = try engine.deadline(
            rule, state: state, from: from.description, crisis: crisis, extension: `extension`)
        return (CivilDate(iso: deadline.due)!, deadline)
    }

    /// Records a limit against the day the act was done (or not) and returns its status.
    @discardableResult
    mutating func check(
        _ step: String, _ title: String, rule: String?, citation: String, in state: MemberState, from: CivilDate,
        due: CivilDate, done: CivilDate?, consequence: String
    ) -> DublinStep.Status {
        let status: DublinStep.Status =
            if let done { done <= due ? .met : .late } else { asOf > due ? .missed : .pending }
        steps.append(
            DublinStep(
                step: step, title: title, rule: rule, citation: citation, countedIn: state.code, from: from.description,
                due: due.description, on: done?.description, status: status, consequence: consequence))
        if status == .pending, nextDue == nil { nextDue = due.description }
        return status
    }

    mutating func decide(_ state: MemberState, _ why: String) {
        responsible = state.code
        responsibility = why
    }
}
