/// One person identified for relocation (AMMR Arts 67-68).
public struct RelocationFacts: Sendable, Codable, Equatable {
    public var benefittingState: String
    public var relocationState: String
    /// applicant or beneficiary (of international protection).
    public var person: String
    /// Reasonable grounds that the person is a risk to internal security (Art 67(2)).
    public var securityRisk: Bool?
    /// A beneficiary is relocated only with written consent (Art 67(4), 3rd subpara).
    public var consentInWriting: Bool?
    /// The benefitting state may be responsible under Arts 25-28 or 34, not 25(5) (Art 67(5), 2nd subpara).
    public var responsibleByFamilyCriteria: Bool?
    /// The benefitting state was responsible on other grounds (Art 68(3)).
    public var benefittingStateResponsible: Bool?
    public var informationSentOn: String?
    /// The relocation state notified, within the first week, that it defers its reply (Art 67(9), 3rd subpara).
    public var deferralNotified: Bool?
    public var confirmedOn: String?
    public var transferDecisionOn: String?
    /// The day the transfer is planned or happened.
    public var transferOn: String?
    public var decisionNotifiedOn: String?
    public var asOf: String?
}

public struct RelocationAnswer: Sendable, Codable, Equatable {
    public var eligible: Bool
    public var reasons: [String]
    public var steps: [DublinStep]
    /// The latest day the transfer decision must be notified: 2 days (applicant) or a week
    /// (beneficiary) before the transfer (Art 67(10)).
    public var notifyBy: String?
    /// What follows the relocation (Art 68(2)-(4)).
    public var after: String
}

/// Eligibility and the limits of a relocation, each in the calendar of the state that must act.
public struct Relocation: Sendable {
    public let engine: DeadlineEngine

    public init(engine: DeadlineEngine = DeadlineEngine()) { self.engine = engine }

    public func assess(_ facts: RelocationFacts, asOf today: CivilDate) throws -> RelocationAnswer {
        var check = FactChecker()
        let benefitting = MemberState(code: facts.benefittingState)
        let relocation = MemberState(code: facts.relocationState)
        if benefitting == nil {
            check.fail("benefittingState", "\(facts.benefittingState) is not a Member State code")
        }
        if relocation == nil {
            check.fail("relocationState", "\(facts.relocationState) is not a Member State code")
        }
        if !["applicant", "beneficiary"].contains(facts.person) {
            check.fail("person", "must be applicant or beneficiary")
        }
        let sent = check.date(facts.informationSentOn, "informationSentOn")
        let confirmed = check.date(facts.confirmedOn, "confirmedOn")
        let decided = check.date(facts.transferDecisionOn, "transferDecisionOn")
        let transfer = check.date(facts.transferOn, "transferOn")
        let notified = check.date(facts.decisionNotifiedOn, "decisionNotifiedOn")
        let asOf = check.date(facts.asOf, "asOf") ?? today
        guard check.errors.isEmpty, let benefitting, let relocation else { throw InvalidFacts(errors: check.errors) }

        let applicant = facts.person == "applicant"
        var reasons: [String] = []
        if facts.securityRisk == true {
            reasons.append(
                "Reasonable grounds of a risk to internal security: no relocation, now or later; for an applicant, the benefitting state is responsible (Art 67(2))."
            )
        }
        if applicant, facts.responsibleByFamilyCriteria == true {
            reasons.append(
                "The benefitting state may be responsible under Arts 25 to 28 or 34 (not 25(5)): not eligible (Art 67(5), 2nd subpara)."
            )
        }
        if !applicant, facts.consentInWriting != true {
            reasons.append("A beneficiary is relocated only with written consent (Art 67(4), 3rd subpara).")
        }
        let eligible = reasons.isEmpty
        if eligible {
            reasons.append("Eligible for relocation (Art 67(1)-(5)); family members go to the same state (Art 67(6)).")
        }
        var steps: [DublinStep] = []
        func limit(
            _ step: String, _ title: String, _ rule: String, in state: MemberState, from: CivilDate, ext: String? = nil,
            done: CivilDate?
        )
            throws -> (DublinStep.Status, CivilDate)
        {
            let d = try engine.deadline(rule, state: state, from: from.description, extension: ext)
            let due = CivilDate(iso: d.due)!
            let status: DublinStep.Status = done.map { $0 <= due ? .met : .late } ?? (asOf > due ? .missed : .pending)
            steps.append(
                DublinStep(
                    step: step, title: title, rule: rule, citation: d.citation, countedIn: state.code,
                    from: from.description,
                    due: d.due, on: done?.description, status: status, consequence: d.consequence))
            return (status, due)
        }
        var notifyBy: String?
        if eligible, let sent {
            let (status, due) = try limit(
                "confirmation", "Relocation state confirms", "REL-CONFIRM", in: relocation, from: sent,
                ext: facts.deferralNotified == true ? "complex" : nil, done: confirmed)
            // Silence to the end of the week (or the deferred two) is the confirmation (Art 67(9), 4th subpara).
            var confirmation = confirmed
            if confirmed.map({ $0 > due }) ?? (status == .missed) {
                steps[steps.count - 1].status = .tacit
                confirmation = due
            }
            if let confirmation {
                _ = try limit(
                    "transfer-decision", "Transfer decision", "REL-DECISION", in: benefitting, from: confirmation,
                    done: decided)
                _ = try limit(
                    "transfer", "Transfer", "REL-TRANSFER", in: benefitting, from: confirmation, done: transfer)
            }
        }
        if let transfer {
            let notice = applicant ? 2 : 7
            let latest = transfer.adding(days: -notice)
            notifyBy = latest.description
            if let notified, notified > latest {
                reasons.append(
                    "The transfer decision was notified on \(notified), later than \(notice) days before the transfer (\(latest)) (Art 67(10))."
                )
            }
        }
        let after =
            !applicant
            ? "The relocation state grants international protection automatically, respecting the status the benefitting state granted (Art 68(4))."
            : facts.benefittingStateResponsible == true
                ? "Responsibility for the application, and for any further representations or subsequent applications, transfers to the relocation state (Art 68(3))."
                : "The relocation state determines the responsible state under Part III without Arts 16(2), 17(1)-(2), 25(5), 29, 30 and 33(1)-(2); if none can be determined, it is responsible (Art 68(2))."
        return RelocationAnswer(eligible: eligible, reasons: reasons, steps: steps, notifyBy: notifyBy, after: after)
    }
}
