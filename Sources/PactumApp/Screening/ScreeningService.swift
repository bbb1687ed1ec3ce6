import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// The readings and limits of screening, with their defaults (docs/SCREENING.md).
public struct ScreeningSettings: Sendable {
    /// Whom the four-day limit of SCR Art 8(3) covers (legal-rules.md open question 1).
    public var fourDayScope = FourDayLimitScope.borderApprehension
    /// The match probability from which a registry dataset of category D or F means the person
    /// was screened before, so that no in-territory screening is opened (SCR Art 7(1)).
    public var alreadyScreenedThreshold = 0.9
    /// The match probability from which a watchlist person alert is a hit.
    public var watchlistThreshold = 0.8
    public init() {}
}

/// Screening (SCR Arts 5-18): opening with its clock, the checks, the minors' safeguards, the
/// form and the referral. Each change is one transaction with its audit entry.
struct ScreeningService: Sendable {
    let audit: AuditLog
    let law: DeadlineEngine
    let clock: AppClock
    let clocks: ClockService
    let registry: RegistryService
    let connectors: [any SecurityConnector]
    let settings: ScreeningSettings

    // MARK: Opening

    func open(_ input: OpenScreeningInput.Valid, by caller: Caller, on db: any Database) async throws
        -> ScreeningResult
    {
        let state = caller.state
        if input.situation == .territoryApprehension { try await refuseIfScreenedBefore(input, by: caller, on: db) }
        let hours = input.startedAt.timeIntervalSince(input.eventAt) / 3600
        let rule = ScreeningRules.clock(input.situation, hoursHeldBeforeStart: hours, scope: settings.fourDayScope)
        let from = rule.fromScreeningStart ? input.startedAt : input.eventAt
        let deadline = try law.deadline(rule.rule, state: state, from: from.iso)
        let now = clock.now()
        let c = ScreeningCase()
        c.id = UUID()
        c.state = state
        c.reference = input.reference
        c.situation = input.situation
        c.eventAt = input.eventAt
        c.eventPlace = input.eventPlace
        c.startedAt = input.startedAt
        c.bio.givenNames = input.givenNames
        c.bio.familyNames = input.familyNames
        c.bio.dateOfBirth = input.dateOfBirth
        c.bio.sex = input.sex
        c.bio.nationalities = input.nationalities
        c.bio.placeOfBirth = input.placeOfBirth
        c.identityConfirmed = false
        c.nationalityConfirmed = false
        c.minor = input.minor
        c.unaccompanied = input.unaccompanied
        c.applied = input.situation == .borderCrossingPoint
        c.officerID = caller.principal.userID.uuidString
        c.createdAt = now
        c.updatedAt = now
        try await audit.transaction(on: db) { tx in
            // Inside the transaction: of two concurrent openings with one reference, one is refused.
            if try await ScreeningCase.query(on: tx.db).filter(\.$state == state)
                .filter(\.$reference == input.reference).first() != nil
            {
                throw ScreeningError.duplicateReference(
                    "\(state.code) already has a screening with reference \(input.reference).")
            }
            try await c.create(on: tx.db)
            c.limit = try await clocks.start(
                ClockStart(
                    deadline, owner: .screening, recordType: "screening", recordID: try c.requireID(), state: state,
                    triggeredAt: from, reason: rule.reason), on: tx.db)
            try await tx.append(
                caller.draft(
                    .screeningOpen, "screening", c.id, state: state.code,
                    detail: "\(input.situation.rawValue); \(rule.rule) due \(deadline.expires)"))
        }
        var warnings: [String] = []
        if c.minor {
            warnings.append(
                "A child: record the safeguards (an accompanying adult, or a representative for an unaccompanied minor) before any check (SCR Art 13)."
            )
        }
        return ScreeningResult(screening: try ScreeningView(c, now: now), warnings: warnings)
    }

    /// SCR Art 7(1): a person found in the territory is screened only if no Member State
    /// screened them before, which the registry shows as a dataset of category D or F.
    private func refuseIfScreenedBefore(_ input: OpenScreeningInput.Valid, by caller: Caller, on db: any Database)
        async throws
    {
        let probe = IdentityRecord(
            givenNames: input.givenNames, familyNames: input.familyNames, dateOfBirth: input.dateOfBirth,
            sex: input.sex, nationalities: input.nationalities, placeOfBirth: input.placeOfBirth, documentNumber: nil)
        let screened = try await registry.eligibleMatches(for: probe, category: nil, on: db).filter { d, e in
            [EurodacCategory.irregularCrosser, .seaRescue].contains(d.eurodacCategory)
                && e.probability >= settings.alreadyScreenedThreshold
        }
        guard !screened.isEmpty else { return }
        let states = Set(screened.map(\.0.stateCode)).sorted().joined(separator: ", ")
        try await audit.transaction(on: db) { tx in
            for (d, _) in screened {
                try await tx.append(
                    Caller(principal: caller.principal, purpose: .identityCheck, requestID: caller.requestID)
                        .draft(.registryRead, "registry.dataset", d.id, state: d.stateCode))
            }
        }
        throw ScreeningError.alreadyScreened(
            "The registry holds an external-border dataset (category D or F) of this person from \(states): no in-territory screening (SCR Art 7(1)). Review the match in the registry."
        )
    }

    // MARK: Reading

    /// A screening of the caller's state (404 otherwise), audited.
    func screening(_ id: UUID, by caller: Caller, on db: any Database) async throws -> ScreeningCase {
        guard let c = try await ScreeningCase.find(id, on: db), c.state == caller.state else {
            throw ScreeningError.notFound("No screening \(id) of \(caller.state.code).")
        }
        try await withLimit(c, on: db)
        try await audit.record(caller.draft(.screeningRead, "screening", id, state: c.stateCode), on: db)
        return c
    }

    /// Reads the screening's limit into it.
    func withLimit(_ c: ScreeningCase, on db: any Database) async throws {
        c.limit = try await clocks.latest(record: try c.requireID(), rules: ScreeningClock.rules, on: db)
        _ = try c.requireLimit()
    }

    /// Open screenings of the caller's state by time left.
    func worklist(by caller: Caller, on db: any Database) async throws -> [ScreeningView] {
        let open = try await running(of: caller.state, on: db)
        try await audit.record(
            caller.draft(
                .screeningRead, "screening.worklist", nil, state: caller.state.code, detail: "\(open.count) open"),
            on: db)
        return open
    }

    /// The screenings of a state whose limit runs, nearest limit first; no audit entry (the
    /// callers write the one their read is).
    func running(of state: MemberState, on db: any Database) async throws -> [ScreeningView] {
        let now = clock.now()
        let running = try await clocks.worklist(.screening, state: state, rules: ScreeningClock.rules, on: db)
        let cases = try await ScreeningCase.query(on: db).filter(\.$id ~~ running.map(\.recordID))
            .filter(\.$referredAt == nil).all()
        let byID = Dictionary(uniqueKeysWithValues: try cases.map { (try $0.requireID(), $0) })
        return try running.compactMap { limit in
            byID[limit.recordID].map {
                $0.limit = limit
                return $0
            }
        }.map { try ScreeningView($0, now: now) }
    }

    /// The screenings of the caller's state referred most recently, newest first: a finished
    /// screening stays findable until its retention ends (SCR Art 18(7)).
    func referred(by caller: Caller, limit: Int = 50, on db: any Database) async throws -> [ScreeningView] {
        let now = clock.now()
        let cases = try await ScreeningCase.query(on: db).filter(\.$state == caller.state)
            .filter(\.$referredAt != nil).sort(\.$referredAt, .descending).limit(limit).all()
        let ids = try cases.map { try $0.requireID() }
        let limits = try await clocks.clocks(records: ids, on: db)
        for c in cases {
            c.limit = LegalClock.latest(
                of: (limits[try c.requireID()] ?? []).filter { ScreeningClock.rules.contains($0.rule) })
        }
        try await audit.record(
            caller.draft(
                .screeningRead, "screening.worklist", nil, state: caller.state.code, detail: "\(cases.count) referred"),
            on: db)
        return try cases.filter { $0.limit != nil }.map { try ScreeningView($0, now: now) }
    }

    /// The form, whole, or as the person's own copy without the hit field (SCR Art 17(3)).
    func form(_ id: UUID, personalCopy: Bool, by caller: Caller, on db: any Database) async throws -> ScreeningForm {
        let c = try await screening(id, by: caller, on: db)
        if let snapshot = c.formSnapshot, !personalCopy {
            return snapshot.value
        }
        return ScreeningForm(c, personalCopy: personalCopy)
    }

    // MARK: Changing

    enum Step {
        /// A check of SCR Art 8(5)(a)-(e): only while the limit runs, and for a child only once
        /// the safeguards are recorded.
        case check
        /// The form and the person's flags: until the referral.
        case form
    }

    /// Loads a screening of the caller's state, refuses what the step does not allow, applies
    /// `change` and saves it with its audit entry in one transaction.
    func change<T: Sendable>(
        _ id: UUID, _ step: Step, by caller: Caller, on db: any Database, action: AuditAction = .screeningRecord,
        detail: String, _ change: @escaping @Sendable (ScreeningCase, any Database) async throws -> T
    ) async throws -> (ScreeningCase, T) {
        let now = clock.now()
        // Read and admitted inside the transaction, which audited writes take one at a time: of
        // two concurrent referrals one refers and the other finds the screening referred (409).
        return try await audit.transaction(on: db) { tx in
            guard let c = try await ScreeningCase.find(id, on: tx.db), c.state == caller.state else {
                throw ScreeningError.notFound("No screening \(id) of \(caller.state.code).")
            }
            try await withLimit(c, on: tx.db)
            try admit(c, step)
            let result = try await change(c, tx.db)
            c.updatedAt = now
            try await c.save(on: tx.db)
            try await tx.append(caller.draft(action, "screening", id, state: c.stateCode, detail: detail))
            return (c, result)
        }
    }

    /// Refuses what the step does not allow on this screening.
    func admit(_ c: ScreeningCase, _ step: Step) throws {
        let now = clock.now()
        if c.isReferred {
            throw ScreeningError.referred("The screening ended with its referral on \(c.referredAt!.iso) (SCR Art 18).")
        }
        let limit = try c.requireLimit()
        if step == .check, limit.dueAt < now {
            throw ScreeningError.screeningEnded(
                "The limit of \(limit.rule) passed at \(limit.dueAt.iso): the screening has ended and the person must be referred (SCR Art 18(5))."
            )
        }
        if step == .check, c.minor, c.safeguardsAt == nil {
            throw ScreeningError.safeguardsMissing(
                "A child is screened only with the safeguards recorded: an accompanying adult family member, or a representative for an unaccompanied minor (SCR Art 13)."
            )
        }
    }

    func result(_ c: ScreeningCase, warnings: [String] = []) throws -> ScreeningResult {
        ScreeningResult(screening: try ScreeningView(c, now: clock.now()), warnings: warnings)
    }
}
