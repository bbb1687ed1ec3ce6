/// The criteria of documents and entry: residence documents and visas (AMMR Art 29; Dublin
/// III Art 12), diplomas (Art 30), visa-waived entry (Art 31; 14), transit areas (Art 32; 15)
/// and irregular entry (Art 33; 13).
extension Run {
    mutating func documents() {
        let article = framework.article("29", "12")
        let title = "Residence documents and visas"
        let registration = input.registration
        let documents = (facts.residenceDocuments ?? []).map { document in
            (
                document: document, issued: CivilDate(iso: document.issuedOn)!,
                until: CivilDate(iso: document.validUntil)!
            )
        }
        typealias Candidate = (document: ResponsibilityFacts.ResidenceDocument, issued: CivilDate, until: CivilDate)
        // A document "valid until" a day is valid to the end of that day and has expired from the
        // next (docs/LAW.md, Art 29(4) boundary).
        let valid = documents.filter { $0.issued <= registration && registration <= $0.until }
        // Expired less than 3 years (permits) or 18 months (visas) before registration (AMMR Art
        // 29(4)); 2 years and 6 months under Dublin III Art 12(4).
        let (permitMonths, visaMonths) = framework == .ammr ? (36, 18) : (24, 6)
        func recent(_ c: Candidate) -> Bool {
            c.until < registration
                && registration
                    < c.until.adding(days: 1).adding(months: c.document.kind == "visa" ? visaMonths : permitMonths)
        }
        let recentlyExpired = documents.filter(recent)
        /// Longer validity first, then the later expiry.
        func longer(_ a: Candidate, _ b: Candidate) -> Bool {
            let (la, lb) = (a.until.dayNumber - a.issued.dayNumber, b.until.dayNumber - b.issued.dayNumber)
            return la != lb ? la < lb : a.until < b.until
        }
        /// The state a set of documents designates, and the document, in words (Art 29(2),(3)).
        func choose(_ candidates: [Candidate]) -> (state: String, what: String)? {
            let permits = candidates.filter { $0.document.kind == "residence-permit" }
            if let best = permits.max(by: longer) {
                return (best.document.state, "residence document issued by \(best.document.state.uppercased())")
            }
            let visas = candidates.filter { $0.document.kind == "visa" }
            let sameType = Set(visas.map { $0.document.visaType ?? "" }).count == 1
            guard let best = sameType ? visas.max(by: { $0.until < $1.until }) : visas.max(by: longer) else {
                return nil
            }
            // A visa issued under representation binds the represented state (Art 29(2)).
            let state = best.document.onBehalfOf ?? best.document.state
            let behalf = best.document.onBehalfOf.map { " on behalf of \($0.uppercased())" } ?? ""
            return (state, "visa issued by \(best.document.state.uppercased())\(behalf)")
        }
        let limits =
            "\(framework == .ammr ? "3 years" : "2 years") (residence documents) or \(framework == .ammr ? "18 months" : "6 months") (visas)"
        if let (state, what) = choose(valid) {
            record(
                article, title, applies: true, state: state,
                "The applicant holds a \(what), valid on the day of registration (\(article.short)(1),(2)).")
            return
        }
        // Dublin III Art 12(4) holds only while the applicant has not left the Member States.
        let left = framework == .dublinIII ? facts.applicant?.leftTerritory : false
        if let (state, what) = choose(recentlyExpired) {
            if left == true {
                record(
                    article, title, applies: false,
                    "The \(what) expired less than \(limits) before, but the applicant left the territory of the Member States since (Dublin III Art 12(4))."
                )
                return
            }
            if left == nil {
                missing.append(
                    "whether the applicant left the territory of the Member States after entering with the expired document (Dublin III Art 12(4))"
                )
            }
            record(
                article, title, applies: true, state: state,
                "The \(what) expired less than \(limits) before registration (\(article.short)(4)).")
            return
        }
        // Dublin III Art 12(4), 2nd subpara: expired longer ago, and the applicant never left:
        // the state where the application is lodged.
        if framework == .dublinIII, !documents.isEmpty, documents.allSatisfy({ $0.until < registration }) {
            if left == false {
                record(
                    article, title, applies: true, state: input.registeredIn.code,
                    "Only documents expired more than \(limits) before; the applicant has not left the Member States: the state where the application was lodged, \(input.registeredIn.code) (Dublin III Art 12(4), 2nd subpara)."
                )
                return
            }
            if left == nil {
                missing.append(
                    "whether the applicant left the territory of the Member States after entering with the expired document (Dublin III Art 12(4))"
                )
            }
        }
        record(
            article, title, applies: false,
            documents.isEmpty
                ? "No residence document or visa."
                : "No document was valid at registration, and none expired less than \(limits) before it.")
    }

    mutating func diplomas() {
        let article = framework.article("30", "")
        let title = "Diplomas and qualifications"
        let minimumMonths = settings.minimumStudyMonths
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
                article, title, applies: false,
                all.isEmpty
                    ? "No diploma."
                    : "No diploma issued less than 6 years before registration after at least one academic year of study."
            )
            return
        }
        record(
            article, title, applies: true, state: best.state,
            "A diploma issued in \(best.state.uppercased()) on \(best.issuedOn), less than 6 years before registration\(qualifying.count > 1 ? "; of several, the longest study (then the most recent)" : "")."
        )
    }

    mutating func visaWaived() {
        let article = framework.article("31", "14")
        let title = "Visa-waived entry"
        guard let entry = facts.visaWaivedEntry else {
            record(article, title, applies: false, "The applicant did not enter a Member State under a visa waiver.")
            return
        }
        let elsewhere = entry.state.uppercased() != input.registeredIn.code
        if elsewhere, entry.exemptInRegisteringState == true {
            record(
                article, title, applies: true, state: input.registeredIn.code,
                "The application was registered in \(input.registeredIn.code), where the applicant is also visa-exempt (\(article.short)(2))."
            )
            return
        }
        if elsewhere, entry.exemptInRegisteringState == nil {
            missing.append(
                "whether the applicant is visa-exempt in \(input.registeredIn.code) as well (\(article.short)(2))")
        }
        record(
            article, title, applies: true, state: entry.state,
            "The applicant entered \(entry.state.uppercased()) without a visa: that state is responsible (\(article.short)(1))."
        )
    }

    mutating func transitArea() {
        let article = framework.article("32", "15")
        let title = "Application in an international transit area"
        guard let transit = facts.transitAreaApplication else {
            record(
                article, title, applies: false,
                "The application was not made in an airport's international transit area.")
            return
        }
        record(
            article, title, applies: true, state: transit.state,
            "The application was made in the international transit area of an airport of \(transit.state.uppercased())."
        )
    }

    mutating func entry() {
        if framework == .ammr { ammrEntry() } else { dublinEntry() }
    }

    /// AMMR Art 33. Relocation after crossing decides (33(3)). A disembarkation after search and
    /// rescue is governed by 33(2) "notwithstanding" 33(1): it ceases after 12 months, and the
    /// same arrival recorded also as an irregular crossing (same state, same day) does not
    /// revive it through the 20 months of 33(1). A distinct irregular crossing keeps 33(1).
    private mutating func ammrEntry() {
        let title = "Irregular entry or disembarkation after search and rescue"
        if let relocation = facts.relocatedTo, facts.irregularEntry != nil || facts.seaRescueDisembarkation != nil {
            record(
                framework.article("33(3)", ""), title, applies: true, state: relocation,
                "The applicant was relocated to \(relocation.uppercased()) after crossing: the relocation state, not the state of entry (AMMR Art 33(3))."
            )
            return
        }
        var reasons: [String] = []
        let rescue = facts.seaRescueDisembarkation
        if let rescue,
            entered(rescue, within: 12, "33(2)", "disembarkation after search and rescue in", title, &reasons)
        {
            return
        }
        if let crossing = facts.irregularEntry {
            let sameArrival =
                rescue.map { $0.state.uppercased() == crossing.state.uppercased() && $0.date == crossing.date } ?? false
            if sameArrival {
                reasons.append(
                    "The irregular entry on \(crossing.date) is that disembarkation: Art 33(2) applies notwithstanding Art 33(1), so its 20 months do not apply."
                )
            } else if entered(crossing, within: 20, "33(1)", "irregular crossing into", title, &reasons) {
                return
            }
        }
        record(
            framework.article("33", ""), title, applies: false,
            reasons.isEmpty ? "No irregular crossing or disembarkation is known." : reasons.joined(separator: " "))
    }

    /// One arrival under AMMR Art 33(1) or (2): responsible up to and including `months` after
    /// it; later, the reason why it ceased.
    private mutating func entered(
        _ event: ResponsibilityFacts.Event, within months: Int, _ paragraph: String, _ kind: String, _ title: String,
        _ reasons: inout [String]
    ) -> Bool {
        let limit = CivilDate(iso: event.date)!.adding(months: months)
        let what = "The \(kind) \(event.state.uppercased()) on \(event.date)"
        guard input.registration <= limit else {
            reasons.append(
                "\(what) was more than \(months) months before registration (after \(limit)): responsibility ceased (AMMR Art \(paragraph))."
            )
            return false
        }
        record(
            framework.article(paragraph, ""), title, applies: true, state: event.state,
            "\(what) was at most \(months) months before registration (AMMR Art \(paragraph)).")
        return true
    }

    /// Dublin III Art 13. (1) The state of irregular entry (by land, sea or air, so a
    /// disembarkation too) for 12 months after the crossing; (2) when that does not apply or has
    /// ceased, a continuous stay of at least 5 months before the application was lodged, the
    /// most recent of several.
    private mutating func dublinEntry() {
        let title = "Irregular entry or stay"
        var reasons: [String] = []
        let crossings = [facts.irregularEntry, facts.seaRescueDisembarkation].compactMap { $0 }
        if let first = crossings.min(by: { $0.date < $1.date }) {
            let limit = CivilDate(iso: first.date)!.adding(months: 12)
            if input.registration <= limit {
                record(
                    framework.article("", "13(1)"), title, applies: true, state: first.state,
                    "The irregular crossing into \(first.state.uppercased()) on \(first.date) was at most 12 months before the application was lodged (Dublin III Art 13(1))."
                )
                return
            }
            reasons.append(
                "The irregular crossing into \(first.state.uppercased()) on \(first.date) was more than 12 months before the application (after \(limit)): responsibility ceased (Dublin III Art 13(1))."
            )
        }
        let long = (facts.stays ?? []).filter { stay in
            let from = CivilDate(iso: stay.from)!
            let until = min(CivilDate(iso: stay.until)!, input.registration)
            return from.adding(months: 5) <= until
        }
        if let latest = long.max(by: { $0.until < $1.until }) {
            record(
                framework.article("", "13(2)"), title, applies: true, state: latest.state,
                "The applicant lived in \(latest.state.uppercased()) continuously for at least 5 months (\(latest.from) to \(latest.until)) before lodging the application\(long.count > 1 ? "; of several such stays, the most recent" : "") (Dublin III Art 13(2))."
            )
            return
        }
        record(
            framework.article("", "13"), title, applies: false,
            reasons.isEmpty && (facts.stays ?? []).isEmpty
                ? "No irregular crossing or stay of 5 months is known."
                : (reasons + ["No continuous stay of at least 5 months before the application (Dublin III Art 13(2))."])
                    .joined(separator: " "))
    }
}
