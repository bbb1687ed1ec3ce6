/// The links of the chain, in the order a procedure meets them.
extension ChainRun {
    private var ammr: Bool { framework == .ammr }
    private func day(_ text: String?) -> CivilDate? { text.flatMap(CivilDate.init(iso:)) }

    mutating func walk() throws {
        if try exemptedTakeBack() { return }
        if try takeBackCeased() { return }
        guard let acceptance = try request() else { return }
        if try residenceDocumentFirst(before: acceptance) { return }
        try transferDecision(after: acceptance)
        try transfer(after: acceptance)
        try leftTheTerritory()
    }

    /// CFM Art 13(1)-(2): in a mass-arrival crisis the Council may exempt the state from take
    /// back obligations where it was responsible under AMMR Art 16(2); responsibility then
    /// moves to the state where the second application was registered.
    private mutating func exemptedTakeBack() throws -> Bool {
        guard takeBack, crisisOfRequested == .massArrival, facts.crisis?.takeBackExemption == true,
            facts.responsibleUnderFallback == true
        else { return false }
        steps.append(
            DublinStep(
                step: "take-back-exemption", title: "Take back exemption in a mass-arrival crisis", rule: nil,
                citation: "Regulation (EU) 2024/1359, Art. 13(1)-(2)", countedIn: nil, from: nil, due: nil, on: nil,
                status: .met,
                consequence:
                    "\(requested.code) is exempted from taking back; responsibility moves to \(requesting.code)."))
        decide(
            requesting,
            "\(requested.code), in a mass-arrival crisis and responsible under AMMR Art 16(2), is exempted from taking the person back: \(requesting.code), where the second application was registered, is responsible (CFM Art 13(2))."
        )
        return true
    }

    /// AMMR Art 37(2),(3),(5): a take back obligation that ended before the new application.
    /// After a final rejection in the border procedure it lasts 15 months (CES-2); after a removal
    /// under a return decision it ends. A later application starts a new determination.
    private mutating func takeBackCeased() throws -> Bool {
        guard takeBack, ammr else { return false }
        if let removed = day(facts.removedOn), removed < registration {
            steps.append(
                DublinStep(
                    step: "cessation", title: "Removal under a return decision", rule: nil,
                    citation: "Regulation (EU) 2024/1351, Art. 37(5)", countedIn: nil, from: removed.description,
                    due: nil, on: nil, status: .met, consequence: "The take back obligation has ceased."))
            responsibility =
                "The person left on \(removed) under a return decision or removal order: \(requested.code)'s take back obligation ceased, and the application of \(registration) starts a new determination (AMMR Art 37(5))."
            return true
        }
        guard let final = day(facts.borderProcedureFinalOn) else { return false }
        let (due, deadline) = try limit("CES-2", requested, from: final)
        if registration > due {
            steps.append(
                DublinStep(
                    step: "cessation", title: deadline.title, rule: "CES-2", citation: deadline.citation,
                    countedIn: requested.code, from: final.description, due: due.description, on: nil, status: .met,
                    consequence: deadline.consequence))
            responsibility =
                "The border procedure's decision became final on \(final); 15 months ended on \(due), before the application of \(registration): a new determination starts (AMMR Art 37(2))."
            return true
        }
        notes.append(
            "\(requested.code)'s obligations after the border procedure last until \(due); a take back pending then keeps them until it is completed or its transfer period ends (AMMR Art 37(2),(3))."
        )
        return false
    }

    // MARK: Request and reply

    /// The request or notification, then the reply or confirmation. Returns the day of
    /// acceptance (explicit, or the last day of the reply limit when silence accepts).
    private mutating func request() throws -> CivilDate? {
        let hitDay = day(facts.hit?.receivedOn)
        let detained = day(facts.detainedOn)
        let sent = day(facts.requestSentOn)
        let category = facts.hit?.category ?? ""
        let hitBased = ["D", "F"].contains(category) || (ammr && category == "VIS")
        if takeBack, hitDay == nil {
            throw InvalidFacts(errors: [.init(field: "hit.receivedOn", message: "is required for a take back")])
        }
        let (rule, from, ext, crisis): (String, CivilDate, String?, CrisisKind?) =
            if ammr {
                if takeBack {
                    ("DUB-9", hitDay!, nil, crisisOfRequesting)
                } else if hitBased, let hitDay {
                    // CFM Art 12(2)(a): in a crisis, 4 months from registration instead.
                    crisisOfRequesting == nil
                        ? ("DUB-3", hitDay, nil, nil) : ("DUB-3", registration, nil, crisisOfRequesting)
                } else {
                    ("DUB-2", registration, nil, crisisOfRequesting)
                }
            } else if takeBack {
                ("D3-23", hitDay!, nil, nil)
            } else if hitBased, let hitDay {
                ("D3-21", hitDay, "eurodac-hit", nil)
            } else {
                ("D3-21", registration, nil, nil)
            }
        let what = takeBack ? "Take back \(ammr ? "notification" : "request")" : "Take charge request"
        if let detained {
            // AMMR Art 45(1) / Dublin III Art 28(3): shorter limits while detained; missing them
            // ends the detention, and the ordinary limits go on (Art 45(4)).
            let later = ammr && detained > registration
            let (rule, ext) = ammr ? ("DUB-19-REQ", later ? "detained-later" : nil) : ("D3-28-REQ", nil)
            let (due, deadline) = try limit(rule, requesting, from: later ? detained : registration, extension: ext)
            let status = check(
                "request", "\(what) for a detained person", rule: rule, citation: deadline.citation, in: requesting,
                from: later ? detained : registration, due: due, done: sent,
                consequence: deadline.consequence)
            if status == .late || status == .missed {
                notes.append(
                    "The limit for a detained person was missed: the detention ends (\(ammr ? "AMMR Art 45(4)" : "Dublin III Art 28(3)")); the ordinary limit still applies."
                )
            }
        }
        let (due, deadline) = try limit(rule, requesting, from: from, crisis: crisis, extension: ext)
        var status = check(
            "request", what, rule: rule, citation: deadline.citation, in: requesting, from: from, due: due, done: sent,
            consequence: deadline.consequence)
        if status == .late || status == .missed, ammr, !takeBack, facts.unaccompaniedMinor == true,
            facts.firstMeritsDecision != true
        {
            // AMMR Art 39(1), 4th subpara: for an unaccompanied minor, at any time before the
            // first decision on the merits, if in the child's best interests.
            steps[steps.count - 1].status = .waived
            status = .waived
            notes.append(
                "An unaccompanied minor: the request may be made at any time before the first decision on the merits, if in the child's best interests (AMMR Art 39(1), 4th subpara)."
            )
        }
        switch status {
        case .late, .missed:
            if takeBack, ammr {
                notes.append(
                    "A late take back notification leaves the responsible state's obligation unaffected (AMMR Art 41(1))."
                )
                guard sent != nil else {
                    responsibility =
                        "The take back notification is overdue; \(requested.code) remains obliged to take the person back once notified (AMMR Art 41(1))."
                    responsible = requested.code
                    return nil
                }
            } else {
                decide(
                    requesting,
                    "The \(what.lowercased()) was not made within the limit (\(due)): \(requesting.code), where the application was \(ammr ? "registered" : "lodged"), is responsible (\(ammr ? "AMMR Art 39(1), 3rd subpara" : takeBack ? "Dublin III Art 23(3)" : "Dublin III Art 21(1), 3rd subpara"))."
                )
                return nil
            }
        case .pending:
            responsibility = "The \(what.lowercased()) is due by \(due), in \(requesting.code)'s calendar."
            return nil
        case .met, .waived, .tacit, .suspended:
            break
        }
        guard let sent else {
            responsibility = "The \(what.lowercased()) may still be made (the limit does not bind here)."
            return nil
        }
        return try reply(to: sent, hitBased: hitBased)
    }

    private mutating func reply(to sent: CivilDate, hitBased: Bool) throws -> CivilDate? {
        let detained = facts.detainedOn != nil
        let (rule, ext): (String?, String?) =
            if ammr {
                takeBack
                    ? ("DUB-10", nil)
                    : detained
                        ? ("DUB-19-REPLY", nil)
                        : facts.urgentReplyDays != nil
                            ? (crisisOfRequested == nil ? nil : "DUB-8", nil)
                            : hitBased ? ("DUB-7", nil) : ("DUB-6", nil)
            } else {
                takeBack
                    ? ("D3-25", facts.hit != nil ? "eurodac-hit" : nil)
                    : detained
                        ? ("D3-28-REPLY", nil)
                        : facts.urgentReplyDays != nil ? (nil, nil) : ("D3-22", nil)
            }
        let crisis = rule.flatMap(ClockRule.named)?.crisis == nil ? nil : crisisOfRequested
        let due: CivilDate
        let citation: String
        let consequence: String
        if let rule {
            let found = try limit(rule, requested, from: sent, crisis: crisis, extension: ext)
            (due, citation, consequence) = (found.due, found.deadline.citation, found.deadline.consequence)
        } else {
            // The requester set the urgent deadline (AMMR Art 39(2), 40(7); Dublin III Art 21(2), 22(6)).
            let days = facts.urgentReplyDays!
            due = try engine.calculator(for: requested).end(
                of: .days(days), fromDay: sent, regime: ammr ? .pact : .dublinIII
            )
            .lastDay
            citation = ammr ? "Regulation (EU) 2024/1351, Art. 40(7)" : "Regulation (EU) No 604/2013, Art. 22(6)"
            consequence =
                "No reply within the deadline set is acceptance (\(ammr ? "AMMR Art 40(8)" : "Dublin III Art 22(7)"))."
        }
        let what =
            takeBack
            ? (ammr ? "Confirmation of the take back notification" : "Reply to the take back request")
            : "Reply to the take charge request"
        let answered = day(facts.reply?.on)
        let replied = answered.map { $0 <= due } ?? false
        var status = check(
            "reply", what, rule: rule, citation: citation, in: requested, from: sent, due: due,
            done: replied ? answered : nil, consequence: consequence)
        if !replied, status == .missed || answered != nil {
            // Silence until the end of the limit is the acceptance (AMMR Arts 40(8), 41(4);
            // Dublin III Arts 22(7), 25(2)); a reply after it changes nothing.
            steps[steps.count - 1].status = .tacit
            steps[steps.count - 1].on = answered?.description
            status = .tacit
            if let answered {
                notes.append(
                    "The reply of \(answered) came after the limit (\(due)): the request was already accepted by silence."
                )
            }
        }
        switch status {
        case .pending:
            responsibility =
                "\(requested.code) must reply by \(due), in its calendar; silence until then is acceptance."
            return nil
        case .tacit:
            return due
        default:
            if facts.reply?.answer == "refused" {
                responsibility =
                    "\(requested.code) refused with reasons on \(answered!). \(requesting.code) continues the determination: it is responsible unless another criterion designates another state (\(ammr ? "AMMR Art 16(2)" : "Dublin III Art 3(2)"))."
                return nil
            }
            return answered
        }
    }

    // MARK: After acceptance

    /// AMMR Art 37(1): a residence document issued, or Art 35 applied, by the requesting state
    /// before the transfer makes it responsible.
    private mutating func residenceDocumentFirst(before acceptance: CivilDate) throws -> Bool {
        guard let issued = day(facts.residenceDocumentOrArticle35),
            day(facts.transferredOn).map({ issued < $0 }) ?? true
        else { return false }
        decide(
            requesting,
            "\(requesting.code) issued a residence document or applied the discretionary clause on \(issued), before any transfer: it becomes responsible (\(ammr ? "AMMR Art 37(1)" : "Dublin III Art 19(1)"))."
        )
        return true
    }

    /// AMMR Art 42(1): the transfer decision within 2 weeks of acceptance (none in Dublin III).
    private mutating func transferDecision(after acceptance: CivilDate) throws {
        guard ammr else { return }
        let (due, deadline) = try limit("DUB-11", requesting, from: acceptance)
        let status = check(
            "transfer-decision", "Transfer decision", rule: "DUB-11", citation: deadline.citation, in: requesting,
            from: acceptance, due: due, done: day(facts.transferDecisionOn), consequence: deadline.consequence)
        if facts.detainedOn != nil, status == .late || status == .missed {
            notes.append("The transfer decision was late: the detention ends (AMMR Art 45(4)).")
        }
    }

    private mutating func transfer(after acceptance: CivilDate) throws {
        var start = acceptance
        if let appeal = facts.appeal, appeal.suspensive {
            guard let final = day(appeal.finalDecisionOn) else {
                steps.append(
                    DublinStep(
                        step: "transfer", title: "Transfer", rule: nil,
                        citation: ammr
                            ? "Regulation (EU) 2024/1351, Art. 46(1)" : "Regulation (EU) No 604/2013, Art. 29(1)",
                        countedIn: requesting.code, from: nil, due: nil, on: nil, status: .suspended,
                        consequence: "The transfer period starts on the final decision on the appeal."))
                decide(
                    requested,
                    "\(requested.code) accepted; an appeal with suspensive effect is pending, and the transfer period starts from its final decision (\(ammr ? "AMMR Art 46(1)" : "Dublin III Art 29(1)"))."
                )
                return
            }
            // The 6 months restart from the final decision on a suspensive appeal (Art 46(1)).
            start = final
            notes.append(
                "An appeal with suspensive effect: the transfer period runs from its final decision on \(final).")
        }
        let transferred = day(facts.transferredOn)
        if facts.detainedOn != nil {
            let rule = ammr ? "DUB-19-TRANSFER" : "D3-28-TRANSFER"
            let (due, deadline) = try limit(rule, requesting, from: start)
            let status = check(
                "transfer", "Transfer of a detained person", rule: rule, citation: deadline.citation, in: requesting,
                from: start, due: due, done: transferred, consequence: deadline.consequence)
            if status == .met { return transferredTo() }
            if status != .pending {
                notes.append(
                    "The transfer of a detained person was late: the detention ends, and the ordinary limit still applies (\(ammr ? "AMMR Art 45(4)" : "Dublin III Art 28(3)"))."
                )
            }
        }
        let base = ammr ? "DUB-14" : "D3-29"
        var (due, deadline) = try limit(base, requesting, from: start, crisis: crisisOfRequesting)
        var rule = base
        if facts.imprisoned == true {
            (due, deadline) = try limit(base, requesting, from: start, extension: "imprisonment")
        }
        if let informed = day(facts.absconding?.informedOn) {
            // AMMR: 3 years from the information; Dublin III: 18 months from acceptance.
            let extended = try limit(base, requesting, from: ammr ? informed : start, extension: "absconding")
            if extended.due > due { (due, deadline) = extended }
        }
        if ammr, let back = day(facts.absconding?.reappearedOn) {
            // Art 46(2), 2nd subpara: back with less than 3 months of the 6 left, the transferring
            // state has 3 months from then: the later of that and the end so far.
            let sixMonths = try limit(base, requesting, from: start).due
            let three = try limit("DUB-17", requesting, from: back)
            if three.due > sixMonths, three.due > due {
                (due, deadline) = three
                rule = "DUB-17"
            }
        }
        if let crisis = crisisOfRequested, facts.crisis.flatMap({ day($0.endedOn) }).map({ $0 > asOf }) ?? true {
            // CFM Art 12(4): no transfer to the responsible state while it faces the situation.
            (due, deadline) = try limit(base, requesting, from: start, crisis: crisis)
            notes.append(
                "\(requested.code) faces a \(crisis.rawValue) situation: transfers to it wait until it ends; if none happens within a year of acceptance, responsibility shifts to \(requesting.code) (CFM Art 12(4))."
            )
        }
        let status = check(
            "transfer", rule == "DUB-17" ? "Transfer after the person reappeared" : "Transfer", rule: rule,
            citation: deadline.citation, in: requesting, from: start, due: due, done: transferred,
            consequence: deadline.consequence)
        switch status {
        case .met: transferredTo()
        case .late, .missed:
            decide(
                requesting,
                "The transfer was not carried out by \(due): \(requested.code) is relieved and responsibility shifts to \(requesting.code), the transferring state (\(ammr ? "AMMR Art 46(2), Art 37(1)" : "Dublin III Art 29(2)"))."
            )
        default:
            decide(
                requested,
                "\(requested.code) accepted; the transfer is due by \(due), in \(requesting.code)'s calendar.")
        }
    }

    private mutating func transferredTo() {
        decide(requested, "\(requested.code) accepted and the person was transferred on \(facts.transferredOn!).")
    }

    /// AMMR Art 37(4): obligations cease once the person has left the Member States for at
    /// least 9 months (Dublin III Art 19(2): 3 months).
    private mutating func leftTheTerritory() throws {
        guard let left = day(facts.leftTerritoryOn), let holder = responsible.flatMap(MemberState.init(code:)) else {
            return
        }
        let due: CivilDate
        let citation: String
        if ammr {
            let found = try limit("CES-3", holder, from: left)
            (due, citation) = (found.due, found.deadline.citation)
        } else {
            due = try engine.calculator(for: holder).end(of: .months(3), fromDay: left, regime: .dublinIII).lastDay
            citation = "Regulation (EU) No 604/2013, Art. 19(2)"
        }
        guard asOf > due else {
            notes.append(
                "The person left the Member States on \(left): \(holder.code)'s obligations cease after \(due) unless they return (\(ammr ? "AMMR Art 37(4)" : "Dublin III Art 19(2)"))."
            )
            return
        }
        steps.append(
            DublinStep(
                step: "cessation", title: "Absence from the territory", rule: ammr ? "CES-3" : nil, citation: citation,
                countedIn: holder.code, from: left.description, due: due.description, on: nil, status: .met,
                consequence: "A later application starts a new determination."))
        responsible = nil
        responsibility =
            "The person left the Member States on \(left) and stayed away \(ammr ? "9" : "3") months: \(holder.code)'s obligations have ceased, and an application registered later starts a new determination (\(ammr ? "AMMR Art 37(4)" : "Dublin III Art 19(2)"))."
    }
}
