import Fluent
import Foundation
import PactumLaw
import Vapor

extension ScreeningService {
    // MARK: The form

    /// The form's other fields (SCR Art 17(1)(f),(g),(i) and 17(2)).
    func updateForm(_ input: FormInput, on id: UUID, by caller: Caller, on db: any Database) async throws
        -> ScreeningResult
    {
        var check = FieldValidator()
        let texts = [
            ("familyMembers", input.familyMembers), ("arrivalReason", input.arrivalReason),
            ("departurePoint", input.departurePoint), ("previousResidences", input.previousResidences),
            ("transitCountries", input.transitCountries), ("protectionSoughtIn", input.protectionSoughtIn),
            ("intendedDestination", input.intendedDestination), ("documentsHeld", input.documentsHeld),
            ("remarks", input.remarks),
        ].map { ($0.0, check.text($0.1, $0.0)) }
        let cooperated = input.cooperated.given?.lowercased()
        check.require(
            cooperated == nil || ["yes", "no", "true", "false"].contains(cooperated!), "cooperated", "must be yes or no"
        )
        try check.throwIfInvalid()
        let value = Dictionary(uniqueKeysWithValues: texts)
        let applied = input.applied.isYes
        let (c, _) = try await change(id, .form, by: caller, on: db, detail: "form updated") { c, _ in
            c.applied = c.situation == .borderCrossingPoint || applied
            c.familyMembers = value["familyMembers"]!
            c.cooperated = cooperated.map { $0 == "yes" || $0 == "true" }
            c.arrivalReason = value["arrivalReason"]!
            c.departurePoint = value["departurePoint"]!
            c.previousResidences = value["previousResidences"]!
            c.transitCountries = value["transitCountries"]!
            c.protectionSoughtIn = value["protectionSoughtIn"]!
            c.intendedDestination = value["intendedDestination"]!
            c.documentsHeld = value["documentsHeld"]!
            c.remarks = value["remarks"]!
        }
        return try result(c)
    }

    /// What the person says is inaccurate, recorded before transmission (SCR Art 17(3)).
    func flagInaccuracies(_ input: InaccuracyInput, on id: UUID, by caller: Caller, on db: any Database)
        async throws -> ScreeningResult
    {
        var check = FieldValidator()
        let text = check.requiredText(input.inaccuracies, "inaccuracies")
        try check.throwIfInvalid()
        let now = clock.now()
        let (c, _) = try await change(id, .form, by: caller, on: db, detail: "inaccuracies flagged by the person") {
            c, _ in
            c.inaccuracies = text
            c.inaccuraciesAt = now
        }
        return try result(c)
    }

    // MARK: Referral

    /// The outcome (SCR Art 18): checks done, or the limit passed (Art 18(5)), or interrupted
    /// for criminal proceedings (Art 18(6)); the form goes to the receiving authority.
    func refer(_ input: ReferralInput, on id: UUID, by caller: Caller, on db: any Database) async throws
        -> ScreeningResult
    {
        var check = FieldValidator()
        let referral: ScreeningReferral? = check.choice(input.referral, "referral", citation: "SCR Art 18")
        let relocation = input.relocationState.given.map { $0.uppercased() }
        let relocationState = relocation.flatMap(MemberState.init(rawValue:))
        check.require(
            relocation == nil || relocationState != nil, "relocationState", "must be a Member State code (DE, FR …)")
        let reason = check.text(input.reason, "reason")
        try check.throwIfInvalid()
        let now = clock.now()
        let (c, _) = try await change(
            id, .form, by: caller, on: db, action: .screeningRefer, detail: referral!.rawValue
        ) {
            c, db in
            let limit = try c.requireLimit()
            if let refusal = ScreeningRules.refusal(
                of: referral!, applied: c.applied, relocationState: relocationState, screeningState: c.state,
                interruptionReason: reason)
            {
                throw InvalidInput([.init(field: "referral", message: refusal)])
            }
            // Before the limit, a screening ends when its checks are done; an interruption and
            // the end of the limit refer it as it stands (SCR Art 18(5),(6)).
            if referral != .interruption, limit.dueAt > now, !c.missingChecks.isEmpty {
                throw ScreeningError.checksIncomplete(
                    "Checks not done: \(c.missingChecks.joined(separator: ", ")). Refer once they are done or the limit of \(limit.rule) has passed (SCR Arts 8(5), 18(5))."
                )
            }
            if c.minor, c.safeguardsAt == nil {
                throw ScreeningError.safeguardsMissing(
                    "A child is referred only with the safeguards recorded (SCR Art 13).")
            }
            c.referral = referral!
            c.receivingAuthority = referral!.receivingAuthority(applied: c.applied).rawValue
            c.receivingState = (referral == .relocation ? relocationState! : c.state).code
            c.referralReason = reason
            c.referredAt = now
            c.formSnapshot = JSONText(ScreeningForm(c, personalCopy: false))
            // The referral ends the screening's limit and, without a dataset to follow, starts
            // its retention (SCR Arts 18, 18(7)).
            let id = try c.requireID()
            try await clocks.stop(record: id, rules: ScreeningClock.rules, event: "refer", at: now, on: db)
            c.limit = try await clocks.latest(record: id, rules: ScreeningClock.rules, on: db)
            if c.datasetID == nil,
                let retention = RetentionClocks(law: law).screening(
                    id, state: c.state, situation: c.situation, referredAt: now)
            {
                try await clocks.start(retention, on: db)
            }
        }
        return try result(c)
    }

    /// The forms referred to the caller's authority in the caller's state, each read audited.
    func referrals(by caller: Caller, on db: any Database) async throws -> [ReferralItem] {
        let cases = try await referredTo(caller, on: db).sort(\.$referredAt, .descending).all()
        try await audit.transaction(on: db) { tx in
            for c in cases {
                try await tx.append(caller.draft(.referralRead, "screening", c.id, state: c.stateCode))
            }
        }
        return try cases.map(Self.item)
    }

    /// One form referred to the caller's authority: what the receiving authority works from,
    /// the needs recorded at screening among it (SCR Art 18).
    func referral(_ id: UUID, by caller: Caller, on db: any Database) async throws -> ReferralItem {
        guard let c = try await referredTo(caller, on: db).filter(\.$id == id).first() else {
            throw ScreeningError.notFound("No screening form \(id) referred to your authority.")
        }
        try await audit.record(caller.draft(.referralRead, "screening", id, state: c.stateCode), on: db)
        return try Self.item(c)
    }

    /// The screenings referred to the authorities of the caller's roles in the caller's state.
    func referredTo(_ caller: Caller, on db: any Database) -> QueryBuilder<ScreeningCase> {
        let authorities = caller.principal.roles.compactMap { role -> String? in
            switch role {
            case .asylumCaseworker: ReceivingAuthority.asylumRegistration.rawValue
            case .returnOfficer: ReceivingAuthority.returnAuthority.rawValue
            default: nil
            }
        }
        return ScreeningCase.query(on: db).filter(\.$receivingState == caller.state.code)
            .filter(\.$receivingAuthority ~~ authorities)
    }

    /// Acknowledges a referred form; the first receipt is kept.
    func acknowledge(_ id: UUID, by caller: Caller, on db: any Database) async throws -> ReferralItem {
        let listed = try await referral(id, by: caller, on: db)
        guard listed.receivedAt == nil else { return listed }
        // The first receipt is kept, also when two arrive at once.
        return try await audit.transaction(on: db) { tx in
            guard let c = try await ScreeningCase.find(id, on: tx.db) else {
                throw ScreeningError.notFound("No screening form \(id) referred to your authority.")
            }
            guard c.receivedAt == nil else { return try Self.item(c) }
            c.receivedAt = clock.now()
            try await c.save(on: tx.db)
            try await tx.append(caller.draft(.referralRead, "screening", id, state: c.stateCode, detail: "received"))
            return try Self.item(c)
        }
    }

    static func item(_ c: ScreeningCase) throws -> ReferralItem {
        let r = try c.requireReferral()
        guard let referredAt = c.referredAt else {
            throw StorageFault(description: "screening \(c.id?.uuidString ?? "") is listed as referred but is not")
        }
        return ReferralItem(
            id: try c.requireID(), fromState: c.stateCode, reference: c.reference, referral: r.rawValue, title: r.title,
            referredAt: referredAt, receivedAt: c.receivedAt, form: c.formSnapshot?.value)
    }

    // MARK: Representatives and watchlists

    func representatives(by caller: Caller, on db: any Database) async throws -> [RepresentativeView] {
        let all = try await Representative.query(on: db).filter(\.$stateCode == caller.state.code).sort(\.$name).all()
        let open = try await ScreeningCase.query(on: db).filter(\.$state == caller.state)
            .filter(\.$referredAt == nil).filter(\.$unaccompanied == true).all()
        let load = Dictionary(grouping: open.compactMap(\.representativeID)) { $0 }.mapValues(\.count)
        // Representatives are people too: the list is a read of their names.
        try await audit.record(
            caller.draft(
                .screeningRead, "screening.representatives", nil, state: caller.state.code,
                detail: "\(all.count) representatives"), on: db)
        return try all.map {
            let n = load[try $0.requireID()] ?? 0
            return RepresentativeView(
                id: try $0.requireID(), name: $0.name, organisation: $0.organisation, load: n,
                overLimit: n > ScreeningRules.unaccompaniedMinorsPerRepresentative)
        }
    }

    func addRepresentative(_ input: RepresentativeInput, by caller: Caller, on db: any Database) async throws
        -> RepresentativeView
    {
        var check = FieldValidator()
        let name = check.requiredText(input.name, "name", max: 200)
        let organisation = check.requiredText(input.organisation, "organisation", max: 200)
        try check.throwIfInvalid()
        let r = Representative()
        r.id = UUID()
        r.stateCode = caller.state.code
        r.name = name
        r.organisation = organisation
        r.createdAt = clock.now()
        try await audit.transaction(on: db) { tx in
            try await r.create(on: tx.db)
            try await tx.append(caller.draft(.screeningRecord, "screening.representative", r.id, state: r.stateCode))
        }
        return RepresentativeView(
            id: try r.requireID(), name: r.name, organisation: r.organisation, load: 0, overLimit: false)
    }

    /// Loads a watchlist from CSV, replacing the list of that name; a bad row loads nothing.
    func loadWatchlist(_ text: String, list: String, by caller: Caller, on db: any Database) async throws -> Int {
        let entries = try WatchlistFile.entries(text, list: list, state: caller.state, now: clock.now())
        try await audit.transaction(on: db) { tx in
            try await WatchlistEntry.query(on: tx.db).filter(\.$stateCode == caller.state.code).filter(\.$list == list)
                .delete()
            for e in entries { try await e.create(on: tx.db) }
            try await tx.append(
                caller.draft(
                    .watchlistLoad, "screening.watchlist", nil, state: caller.state.code,
                    detail: "\(list): \(entries.count) alerts"))
        }
        return entries.count
    }

    /// The lists of the caller's state with their number of alerts.
    func watchlists(by caller: Caller, on db: any Database) async throws -> [String: Int] {
        let entries = try await WatchlistEntry.query(on: db).filter(\.$stateCode == caller.state.code).all()
        return Dictionary(grouping: entries, by: \.list).mapValues(\.count)
    }

    // MARK: Retention

    /// The consequence of a referred screening's retention clock (SCR Art 18(7)): a screening
    /// without a dataset is kept as long as a dataset of its category would be, from its referral.
    var retention: ClockConsequence {
        ClockConsequence(
            rules: [RetentionClocks.screeningRule],
            apply: { c, tx in
                try await ScreeningErasure.erase([c.recordID], tx: tx)
                return "erased"
            }, afterCommit: nil)
    }

    /// Runs the retention clocks of screenings that are due now (the scheduler does this at
    /// every sweep). Returns how many screenings it erased.
    func eraseExpired(on db: any Database) async throws -> Int {
        try await ClockScheduler(consequences: [retention], audit: audit, clock: clock).sweep(on: db)[
            RetentionClocks.screeningRule] ?? 0
    }
}

/// A screening with a dataset goes with its dataset (SCR Art 18(7)): erased in the dataset's
/// erasure, once referred. One still open loses the link and gets its own retention at referral.
struct ScreeningErasure: ErasureFollower {
    func erase(following dataset: UUID, tx: AuditTransaction) async throws -> Int {
        let linked = try await ScreeningCase.query(on: tx.db).filter(\.$datasetID == dataset).all()
        for open in linked where !open.isReferred {
            open.datasetID = nil
            try await open.save(on: tx.db)
        }
        let ids = try linked.filter(\.isReferred).map { try $0.requireID() }
        try await Self.erase(ids, tx: tx)
        return ids.count
    }

    /// Erases screenings with their clocks; the monitors' records keep no link to them.
    static func erase(_ ids: [UUID], tx: AuditTransaction) async throws {
        guard !ids.isEmpty else { return }
        try await SpotCheck.query(on: tx.db).filter(\.$screeningID ~~ ids).set(\.$screeningID, to: nil).update()
        try await Allegation.query(on: tx.db).filter(\.$screeningID ~~ ids).set(\.$screeningID, to: nil).update()
        try await LegalClock.query(on: tx.db).filter(\.$recordID ~~ ids).delete()
        try await ScreeningCase.query(on: tx.db).filter(\.$id ~~ ids).delete()
        try await tx.append(
            AuditDraft(
                actor: "system:retention", action: .screeningErase,
                detail: "\(ids.count) screenings erased with their retention (SCR Art 18(7))"))
    }
}

/// The person's export includes the screenings registered under their datasets, as the
/// form (SCR Art 17), each an audited read.
struct ScreeningExport: ExportFollower {
    func screenings(following datasets: [UUID], by caller: Caller, tx: AuditTransaction) async throws
        -> [ScreeningForm]
    {
        guard !datasets.isEmpty else { return [] }
        let cases = try await ScreeningCase.query(on: tx.db).filter(\.$datasetID ~~ datasets)
            .filter(\.$state == caller.state).sort(\.$startedAt).all()
        for c in cases {
            try await tx.append(caller.draft(.screeningRead, "screening", c.id, state: c.stateCode, detail: "export"))
        }
        return cases.map { $0.formSnapshot?.value ?? ScreeningForm($0, personalCopy: false) }
    }
}
