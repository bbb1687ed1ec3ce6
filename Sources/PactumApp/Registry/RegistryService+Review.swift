import Fluent
import Foundation
import PactumLaw
import Vapor

/// The two queues of the expert: candidates from a fingerprint or face comparison (EDAC Arts
/// 27, 38(4)-(5)), and candidates found by names and dates alone, which are not Eurodac hits.
enum ReviewQueueKind: String, CaseIterable, Sendable {
    case biometric, biographic
}

/// One page of a queue and how many candidates it holds in all.
struct ReviewQueuePage: Sendable {
    var candidates: [CandidateView]
    var total: Int
}

extension RegistryService {
    /// The expert's queue: pending candidates of the expert's state, most probable first, one
    /// page of it. Each candidate shown is one audit entry, on the stored dataset it shows (a
    /// read of another state's data, which that state's monitors see).
    func reviewQueue(
        by caller: Caller, kind: ReviewQueueKind? = nil, offset: Int = 0, limit: Int = 500, on db: any Database
    ) async throws -> ReviewQueuePage {
        let query = pending(of: caller, kind: kind, on: db)
        let total = try await query.count()
        let pending = try await query.sort(\.$probability, .descending).sort(\.$createdAt).sort(\.$id)
            .range(offset..<(offset + limit)).all()
        return ReviewQueuePage(candidates: try await shown(pending, by: caller, on: db), total: total)
    }

    /// The candidates of the caller's state that wait for an expert, of one queue or both.
    func pending(of caller: Caller, kind: ReviewQueueKind?, on db: any Database) -> QueryBuilder<Candidate> {
        let query = Candidate.query(on: db).filter(\.$probeState == caller.state.code).filter(\.$status == .pending)
        switch kind {
        case .biometric: query.filter(\.$source != .biographic)
        case .biographic: query.filter(\.$source == .biographic)
        case nil: break
        }
        return query
    }

    /// One candidate of the expert's state, decided or not: the comparison page.
    func candidate(_ id: UUID, by caller: Caller, on db: any Database) async throws -> CandidateView {
        guard let c = try await Candidate.find(id, on: db), c.probeState == caller.state.code else {
            throw RegistryError.notFound("No candidate \(id) for \(caller.state.code).")
        }
        return try await shown([c], by: caller, on: db)[0]
    }

    private func shown(_ candidates: [Candidate], by caller: Caller, on db: any Database) async throws
        -> [CandidateView]
    {
        let ids = candidates.flatMap { [$0.probeID, $0.matchID] }
        let datasets = try await Dataset.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: try datasets.map { (try $0.requireID(), $0) })
        try await audit.transaction(on: db) { tx in
            for c in candidates {
                try await tx.append(
                    caller.draft(
                        .registryRead, "registry.dataset", c.matchID, state: c.matchState,
                        detail: "candidate \(c.id?.uuidString ?? "")"))
            }
        }
        return try candidates.map { try Self.view($0, probe: byID[$0.probeID], match: byID[$0.matchID]) }
    }

    /// The expert's decision (EDAC Art 38(4)-(6)). A confirmed hit joins the two datasets under
    /// one person and tells the other state; a rejected one is a false hit: its comparison data
    /// are deleted at once and the report to eu-LISA falls due in 3 working days. A name-only
    /// candidate is no Eurodac result (Arts 27, 28 compare biometric data): it is referred for a
    /// fingerprint comparison, or dismissed with its comparison data deleted and no report.
    func decide(_ id: UUID, _ decision: CandidateDecision, by caller: Caller, on db: any Database) async throws
        -> CandidateView
    {
        guard let candidate = try await Candidate.find(id, on: db), candidate.probeState == caller.state.code else {
            throw RegistryError.notFound("No candidate \(id) for \(caller.state.code).")
        }
        guard candidate.status == .pending else { throw Self.alreadyDecided }
        let biometric = candidate.source != .biographic
        switch (decision, biometric) {
        case (.confirm, false):
            throw InvalidInput([
                .init(
                    field: "decision",
                    message:
                        "a name-only candidate is not a hit (EDAC Arts 27, 38(4)): refer it for a fingerprint comparison or reject it"
                )
            ])
        case (.refer, true):
            throw InvalidInput([
                .init(field: "decision", message: "a fingerprint or face candidate is confirmed or rejected")
            ])
        default: break
        }
        guard let probe = try await Dataset.find(candidate.probeID, on: db),
            let match = try await Dataset.find(candidate.matchID, on: db)
        else { throw RegistryError.notFound("A dataset of the candidate no longer exists.") }
        let now = clock.now()
        let status: Candidate.Status =
            switch decision {
            case .confirm: .confirmed
            case .refer: .referred
            case .reject: biometric ? .falseHit : .dismissed
            }
        try await audit.transaction(on: db) { tx in
            // One decision: of concurrent decisions exactly one moves the candidate from pending.
            guard
                try await tx.db.compareAndSet(
                    Candidate.schema, id: id, "status", from: Candidate.Status.pending.rawValue, to: status.rawValue)
            else { throw Self.alreadyDecided }
            candidate.reviewedBy = caller.principal.email
            candidate.reviewedAt = now
            candidate.status = status
            switch status {
            case .confirmed:
                try await merge(probe.$person.id, match.$person.id, on: tx.db)
                try await send(
                    kind: "hit", about: probe, to: [match], by: caller, tx: tx,
                    message:
                        "\(probe.stateCode) registered a category \(probe.category) dataset of the person of your dataset; an expert confirmed the hit.",
                    citation: "EDAC Arts 27(4), 38(4)")
            case .falseHit, .dismissed:
                candidate.explanation = JSONText(nil)
                candidate.evidence = nil
                if status == .falseHit {
                    let today = law.calculator(for: caller.state).localDay(of: now)
                    candidate.reportDue = try law.deadline("EDAC-H5", state: caller.state, from: today.description).due
                }
            case .pending, .referred: break
            }
            try await candidate.update(on: tx.db)
            try await tx.append(
                caller.draft(
                    .registryReview, "registry.candidate", candidate.id, state: candidate.probeState,
                    detail: Self.auditDetail[status] ?? status.rawValue))
        }
        return try Self.view(candidate, probe: probe, match: status == .confirmed || status == .referred ? match : nil)
    }

    private static let auditDetail: [Candidate.Status: String] = [
        .confirmed: "confirmed: hit", .falseHit: "rejected: false hit (EDAC Art 38(6))",
        .referred: "name-only candidate referred for a fingerprint comparison",
        .dismissed: "name-only candidate dismissed: another person",
    ]

    static let alreadyDecided = RegistryError.alreadyDecided("An expert has already decided on this candidate.")

    /// Joins two persons: the older id stays (ids are stable), the other's datasets move to it.
    private func merge(_ a: UUID, _ b: UUID, on db: any Database) async throws {
        guard a != b, let pa = try await RegistryPerson.find(a, on: db),
            let pb = try await RegistryPerson.find(b, on: db)
        else { return }
        let (keep, drop) =
            (pa.createdAt, a.uuidString) <= (pb.createdAt, b.uuidString) ? (pa, pb) : (pb, pa)
        let keepID = try keep.requireID()
        let dropID = try drop.requireID()
        try await Dataset.query(on: db).filter(\.$person.$id == dropID).set(\.$person.$id, to: keepID).update()
        try await drop.delete(on: db)
    }
}
