import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// The identity registry: registration by Eurodac category with its clocks, identification on
/// every registration, the expert's review, marks, flags and updates with their notices,
/// erasure and the data subject's rights. Each operation is one transaction with its audit
/// entries; the in-memory index follows once the transaction has committed.
struct RegistryService: Sendable {
    let audit: AuditLog
    let law: DeadlineEngine
    let index: RegistryIndex
    /// The index follows the database through the change feed, also for this process's writes.
    let feed: RegistryChangeFeed
    let clock: AppClock
    let clocks: ClockService
    let exchange: ExchangeService
    let settings: RegistrySettings
    /// What is erased together with a dataset in other capabilities (a screening that follows it).
    let erasureFollowers: [any ErasureFollower]
    let exportFollowers: [any ExportFollower]

    // MARK: Registration

    func register(_ input: ValidDataset, by caller: Caller, on db: any Database) async throws
        -> RegistrationResult
    {
        let state = caller.state
        let found = try await eligibleMatches(for: input.identityRecord, category: input.category, on: db)
        guard input.category.isRecorded else {
            // B1: compared, never recorded (EDAC Arts 18(1), 29(2)).
            try await audit.transaction(on: db) { tx in
                try await tx.append(
                    caller.draft(
                        .registryCompare, "registry.dataset", nil, state: state.code,
                        detail:
                            "category B1 compared with \(found.count) matching datasets; not recorded (EDAC Art 29(2))")
                )
                for (match, _) in found {
                    try await tx.append(
                        caller.draft(.registryRead, "registry.dataset", match.id, state: match.stateCode))
                }
            }
            return RegistrationResult(
                dataset: nil, candidates: [],
                matches: try found.map { SearchMatch(dataset: try MatchedDataset($0), explanation: $1) })
        }
        let now = clock.now()
        let dataset = try makeDataset(input, state: state, operator: caller.principal.userID.uuidString, now: now)
        let candidates = try await audit.transaction(on: db) { tx in
            // Inside the transaction, so that of two concurrent registrations one is refused
            // here (and across processes by the unique index on state and reference).
            if try await Dataset.query(on: tx.db).filter(\.$stateCode == state.code)
                .filter(\.$reference == input.reference).first() != nil
            {
                throw RegistryError.duplicateReference(
                    "\(state.code) already holds a dataset with reference \(input.reference).")
            }
            let person = RegistryPerson(createdAt: now)
            try await person.create(on: tx.db)
            dataset.$person.id = try person.requireID()
            try await dataset.create(on: tx.db)
            try await RegistryChange.record(try dataset.requireID(), at: now, origin: feed.node, on: tx.db)
            try await startTransmissionClock(dataset, from: input.eventAt, rule: input.category.clockRule!, on: tx.db)
            if let taken = input.biometricsTakenAt {
                try await recordTransmission(dataset, takenAt: taken, now: now, on: tx.db)
            }
            try await tx.append(
                caller.draft(
                    .registryRegister, "registry.dataset", dataset.id, state: state.code,
                    detail: "category \(input.category.rawValue); \(found.count) candidates"))
            var candidates: [CandidateView] = []
            for (match, explanation) in found {
                let candidate = Candidate()
                candidate.source = .biographic
                candidate.probeID = try dataset.requireID()
                candidate.matchID = try match.requireID()
                candidate.probeState = state.code
                candidate.matchState = match.stateCode
                candidate.probability = explanation.probability
                candidate.weight = explanation.weight
                candidate.explanation = JSONText(explanation)
                candidate.status = .pending
                candidate.createdAt = now
                try await candidate.create(on: tx.db)
                try await tx.append(caller.draft(.registryRead, "registry.dataset", match.id, state: match.stateCode))
                candidates.append(try Self.view(candidate, probe: dataset, match: match))
            }
            return candidates
        }
        try await feed.catchUp(on: db)
        return RegistrationResult(dataset: try await view(dataset, on: db), candidates: candidates, matches: nil)
    }

    private func makeDataset(_ input: ValidDataset, state: MemberState, operator: String, now: Date) throws -> Dataset {
        let d = Dataset()
        d.id = UUID()
        d.stateCode = state.code
        d.category = input.category.rawValue
        d.reference = input.reference
        d.apply(input)
        d.eventPlace = input.eventPlace
        d.eventAt = input.eventAt
        d.resettlementOutcome = input.resettlementOutcome?.rawValue
        d.protectionDecisionDate = input.protectionDecisionDate
        d.operatorID = `operator`
        d.createdAt = now
        d.updatedAt = now
        return d
    }

    /// Starts the transmission limit of the category from PactumLaw (EDAC Arts 15(1), 22(2),
    /// 23(2), 24(2), 26(1)), or the retake's (EDAC Art 15(2)).
    func startTransmissionClock(_ d: Dataset, from: Date, rule: String, on db: any Database) async throws {
        let state = try d.memberState()
        let deadline = try law.deadline(rule, state: state, from: from.iso)
        try await clocks.start(
            ClockStart(
                deadline, owner: .registry, recordType: "registry.dataset", recordID: try d.requireID(), state: state,
                triggeredAt: from), on: db)
    }

    /// Extends the running transmission limit on technical grounds (EDAC Art 15(1), 2nd subparagraph).
    func extendTransmissionClock(_ running: LegalClock, grounds: String, on db: any Database) async throws {
        let deadline = try law.deadline(
            running.rule, state: running.state, from: running.triggeredAt.iso, extension: "technical")
        running.dueAt = try Date(deadline.expires, strategy: .iso8601)
        running.variant = deadline.variant
        running.variantGrounds = grounds
        running.citation = deadline.citation
        running.updatedAt = clock.now()
        try await running.save(on: db)
    }

    /// The dataset's transmission limit: the running one, or the last one that ran.
    func transmissionClock(of id: UUID, on db: any Database) async throws -> LegalClock {
        guard let c = try await clocks.latest(record: id, rules: EurodacCategory.transmissionRules, on: db) else {
            throw StorageFault(description: "dataset \(id) has no transmission clock")
        }
        return c
    }

    /// Records the transmission: it stops the transmission limit and starts the retention
    /// period (EDAC Art 29).
    func recordTransmission(_ d: Dataset, takenAt: Date, now: Date, on db: any Database) async throws {
        let state = try d.memberState()
        let id = try d.requireID()
        d.biometricsTakenAt = takenAt
        d.transmittedAt = now
        let day = law.calculator(for: state).localDay(of: now)
        let end = EurodacRules.erasureDate(
            category: try d.readCategory(), outcome: try d.readResettlementOutcome(),
            transmitted: day, protectionDecision: d.protectionDecisionDate.flatMap(CivilDate.init(iso:)))
        d.eraseOn = end?.description
        try await clocks.stop(record: id, rules: EurodacCategory.transmissionRules, event: "transmit", at: now, on: db)
        if let end {
            try await clocks.start(
                RetentionClocks(law: law).dataset(id, state: state, transmitted: now, eraseOn: end), on: db)
        }
    }

    /// Dataset views with their transmission limits, read in one query.
    func views(_ datasets: [Dataset], on db: any Database) async throws -> [DatasetView] {
        let clocks = try await clocks.clocks(records: try datasets.map { try $0.requireID() }, on: db)
        let now = clock.now()
        return try datasets.map { d in
            let id = try d.requireID()
            guard
                let c = LegalClock.latest(
                    of: (clocks[id] ?? []).filter { EurodacCategory.transmissionRules.contains($0.rule) })
            else {
                throw StorageFault(description: "dataset \(id) has no transmission clock")
            }
            return try DatasetView(d, transmission: c, now: now)
        }
    }

    func view(_ d: Dataset, on db: any Database) async throws -> DatasetView {
        try await views([d], on: db)[0]
    }

    // MARK: Identification

    /// Stored datasets the probe may be compared with under EDAC Art 27(1),(2), above the
    /// candidate threshold: never restricted ones, B1 probes only against marked applicants.
    func eligibleMatches(for probe: IdentityRecord, category: EurodacCategory?, on db: any Database) async throws
        -> [(Dataset, MatchExplanation)]
    {
        if let category, !category.isProbe { return [] }
        let found = await index.search(probe, limit: settings.maxCandidates)
        guard !found.isEmpty else { return [] }
        let datasets = try await Dataset.query(on: db).filter(\.$id ~~ found.map(\.id)).all()
        let byID = Dictionary(uniqueKeysWithValues: try datasets.map { (try $0.requireID(), $0) })
        return found.compactMap { id, explanation in
            guard let d = byID[id], comparable(d, with: category) else { return nil }
            return (d, explanation)
        }
    }

    /// Whether a stored dataset may be compared with a probe of this category (EDAC Art 27(1),
    /// (2)): never a restricted one; B1 probes only against marked applicants.
    func comparable(_ d: Dataset, with category: EurodacCategory?) -> Bool {
        guard !d.isRestricted, let c = d.eurodacCategory else { return false }
        if let category {
            guard category.isProbe, let rule = category.comparedWith.first(where: { $0.category == c }) else {
                return false
            }
            if rule.protectionMarkedOnly, d.protectionMarkedAt == nil { return false }
        }
        return true
    }

    /// A search without registration, for a purpose the policy allows (EDAC Art 27(4): no
    /// candidate above the threshold, nothing returned). Every dataset returned is audited.
    func search(_ probe: IdentityRecord, by caller: Caller, on db: any Database) async throws -> SearchResult {
        let found = try await eligibleMatches(for: probe, category: nil, on: db)
        try await audit.transaction(on: db) { tx in
            try await tx.append(
                caller.draft(
                    .registrySearch, "registry.search", nil, state: caller.state.code,
                    detail: "\(found.count) matches"))
            for (match, _) in found {
                try await tx.append(caller.draft(.registryRead, "registry.dataset", match.id, state: match.stateCode))
            }
        }
        return SearchResult(
            purpose: caller.purpose.rawValue,
            matches: try found.map { SearchMatch(dataset: try MatchedDataset($0), explanation: $1) })
    }

    // MARK: Reading

    /// A dataset of the caller's own state (404 for another state's or an unknown id, so that
    /// ids of other states cannot be probed). A restricted dataset is shown to the DPO only.
    func dataset(_ id: UUID, by caller: Caller, on db: any Database) async throws -> Dataset {
        guard let d = try await Dataset.find(id, on: db), d.stateCode == caller.state.code else {
            throw RegistryError.notFound("No dataset \(id) of \(caller.state.code).")
        }
        if d.isRestricted, caller.purpose != .dataSubjectRequest {
            throw RegistryError.restricted(
                "The dataset is restricted (EDAC Art 43; GDPR Art 18): only the data-protection officer may process it."
            )
        }
        try await audit.record(caller.draft(.registryRead, "registry.dataset", id, state: d.stateCode), on: db)
        return d
    }

    /// The person page: the caller's datasets, what hits returned of other states' datasets,
    /// the candidates, notices and rectifications that concern the caller's datasets.
    func person(_ id: UUID, by caller: Caller, on db: any Database) async throws -> PersonView {
        let all = try await Dataset.query(on: db).filter(\.$person.$id == id).all()
        let own = all.filter { $0.stateCode == caller.state.code }
        let visible = own.filter { !$0.isRestricted || caller.purpose == .dataSubjectRequest }
        guard !visible.isEmpty else {
            throw RegistryError.notFound("No person \(id) with datasets of \(caller.state.code).")
        }
        let ids = try visible.map { try $0.requireID() }
        let candidates = try await Candidate.query(on: db).filter(\.$probeID ~~ ids).all()
        // Another state's restricted dataset is not processed, so not shown either.
        let matched = try await Dataset.query(on: db).filter(\.$id ~~ candidates.map(\.matchID)).all()
            .filter { !$0.isRestricted }
        let otherStates = all.filter { $0.stateCode != caller.state.code && !$0.isRestricted }
        let notices = try await noticeViews(try await exchange.messages(about: ids, on: db), on: db)
        let rectifications = try await Rectification.query(on: db).filter(\.$datasetID ~~ ids).sort(\.$at).all()
        // Every dataset the page shows is a read: the caller's own, and what hits and
        // candidates show of other datasets.
        let shown = Dictionary(try (visible + otherStates + matched).map { (try $0.requireID(), $0) }) { first, _ in
            first
        }
        try await audit.transaction(on: db) { tx in
            for (_, d) in shown.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                try await tx.append(caller.draft(.registryRead, "registry.dataset", d.id, state: d.stateCode))
            }
        }
        return PersonView(
            id: id, datasets: try await views(visible, on: db), otherStates: try otherStates.map(MatchedDataset.init),
            candidates: try candidates.map { try Self.view($0, probe: shown[$0.probeID], match: shown[$0.matchID]) },
            notices: notices, rectifications: rectifications.map(RectificationView.init))
    }

    /// Datasets of the caller's state whose biometrics are not yet transmitted, by time left.
    func worklist(by caller: Caller, on db: any Database) async throws -> [WorklistItem] {
        let now = clock.now()
        let running = try await clocks.worklist(
            .registry, state: caller.state, rules: EurodacCategory.transmissionRules, on: db)
        let datasets = try await Dataset.query(on: db).filter(\.$id ~~ running.map(\.recordID))
            .filter(\.$restrictionReason == nil).all()
        let byID = Dictionary(uniqueKeysWithValues: try datasets.map { (try $0.requireID(), $0) })
        let open = running.compactMap { c in byID[c.recordID].map { (c, $0) } }
        try await audit.record(
            caller.draft(
                .registryRead, "registry.worklist", nil, state: caller.state.code, detail: "\(open.count) datasets"),
            on: db)
        return try open.map { c, d in
            WorklistItem(
                datasetId: try d.requireID(), reference: d.reference, category: d.category, eventAt: d.eventAt,
                dueAt: c.dueAt, rule: c.rule, variant: c.variant, status: c.status(at: now).rawValue,
                hoursLeft: c.position.hoursLeft(at: now), clock: ClockView(c, now: now))
        }
    }

    static func view(_ c: Candidate, probe: Dataset?, match: Dataset?) throws -> CandidateView {
        let evidence = c.evidence?.value
        let best = evidence?.fingers.first { $0.position == evidence?.drawing?.position }
        return CandidateView(
            id: try c.requireID(), status: c.status.rawValue, probability: c.probability,
            probe: try probe.map(MatchedDataset.init), match: try match.map(MatchedDataset.init),
            explanation: c.explanation.value, source: c.source.rawValue, evidence: evidence,
            drawing: evidence?.drawing?.svg(score: best?.score, fmr: best?.fmr),
            reviewedBy: c.reviewedBy, reviewedAt: c.reviewedAt, reportDue: c.reportDue)
    }

}
