import Fluent
import Foundation
import PactumLaw
import Vapor

extension RegistryService {
    /// The expert's queue: pending candidates of the expert's state, most probable first.
    func reviewQueue(by caller: Caller, on db: any Database) async throws -> [CandidateView] {
        let pending = try await Candidate.query(on: db).filter(\.$probeState == caller.state.code)
            .filter(\.$status == .pending).sort(\.$probability, .descending).sort(\.$createdAt)
            .all()
        let ids = pending.flatMap { [$0.probeID, $0.matchID] }
        let datasets = try await Dataset.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: try datasets.map { (try $0.requireID(), $0) })
        try await audit.transaction(on: db) { tx in
            for c in pending {
                try await tx.append(caller.draft(.registryRead, "registry.candidate", c.id, state: c.probeState))
                // The queue shows the stored dataset too: a read of another state's data.
                try await tx.append(caller.draft(.registryRead, "registry.dataset", c.matchID, state: c.matchState))
            }
        }
        return try pending.map { try Self.view($0, probe: byID[$0.probeID], match: byID[$0.matchID]) }
    }

    /// The expert's decision (EDAC Art 38(4)-(6)). A confirmed hit joins the two datasets under
    /// one person and tells the other state; a rejected one is a false hit: its comparison data
    /// are deleted at once and the report to eu-LISA falls due in 3 working days.
    func decide(_ id: UUID, confirm: Bool, by caller: Caller, on db: any Database) async throws -> CandidateView {
        guard let candidate = try await Candidate.find(id, on: db), candidate.probeState == caller.state.code else {
            throw RegistryError.notFound("No candidate \(id) for \(caller.state.code).")
        }
        guard candidate.status == .pending else { throw Self.alreadyDecided }
        guard let probe = try await Dataset.find(candidate.probeID, on: db),
            let match = try await Dataset.find(candidate.matchID, on: db)
        else { throw RegistryError.notFound("A dataset of the candidate no longer exists.") }
        let now = clock.now()
        let status = confirm ? Candidate.Status.confirmed : .falseHit
        try await audit.transaction(on: db) { tx in
            // One decision: of concurrent decisions exactly one moves the candidate from pending.
            guard
                try await tx.db.compareAndSet(
                    Candidate.schema, id: id, "status", from: Candidate.Status.pending.rawValue, to: status.rawValue)
            else { throw Self.alreadyDecided }
            candidate.reviewedBy = caller.principal.email
            candidate.reviewedAt = now
            if confirm {
                candidate.status = .confirmed
                try await merge(probe.$person.id, match.$person.id, on: tx.db)
                try await send(
                    kind: "hit", about: probe, to: [match], by: caller, tx: tx,
                    message:
                        "\(probe.stateCode) registered a category \(probe.category) dataset of the person of your dataset; an expert confirmed the hit.",
                    citation: "EDAC Arts 27(4), 38(4)")
            } else {
                candidate.status = .falseHit
                candidate.explanation = JSONText(nil)
                candidate.evidence = nil
                let today = law.calculator(for: caller.state).localDay(of: now)
                candidate.reportDue = try law.deadline("EDAC-H5", state: caller.state, from: today.description).due
            }
            try await candidate.update(on: tx.db)
            try await tx.append(
                caller.draft(
                    .registryReview, "registry.candidate", candidate.id, state: candidate.probeState,
                    detail: confirm ? "confirmed: hit" : "rejected: false hit (EDAC Art 38(6))"))
        }
        return try Self.view(candidate, probe: probe, match: confirm ? match : nil)
    }

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
