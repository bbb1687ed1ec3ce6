import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// What recording biometric data answered: the dataset and the candidates found.
struct BiometricsResult: Content {
    var dataset: DatasetView
    var stored: [String]
    var candidates: [CandidateView]
}

extension RegistryService {
    /// Records the biometric data of a dataset of the caller's state and identifies the person:
    /// fingerprints first; the face only where there are no usable fingerprints (EDAC Arts 27,
    /// 28). Candidates go to the experts like biographic ones (EDAC Art 38(4)).
    func recordBiometrics(_ input: BiometricsInput.Valid, dataset id: UUID, by caller: Caller, on db: any Database)
        async throws -> BiometricsResult
    {
        let d = try await dataset(id, by: caller, on: db)
        let now = clock.now()
        var rows: [Biometric] = []
        func row(_ kind: Biometric.Kind, _ format: String, _ data: Data) {
            let b = Biometric()
            b.id = UUID()
            b.datasetID = id
            b.kind = kind.rawValue
            b.format = format
            b.data = data
            b.createdAt = now
            rows.append(b)
        }
        if let f = input.fingerprints { row(.fingerprints, f.format, f.data) }
        if let f = input.face { row(.face, f.template.model, f.data) }
        if let i = input.image { row(.image, i.format, i.data) }
        let stored = rows.map(\.kind)
        let toStore = rows
        let templates = input.fingerprints?.record.templatesByPosition ?? [:]
        // The search runs first (the probe is not in the index yet, and excludes itself), so that
        // the biometric data and their candidates commit in one transaction: after a crash
        // either both are there or neither, and the retry runs the search again.
        let found = try await identify(
            d, fingers: templates.filter { $0.value.count > 0 }, face: input.face?.template, on: db)
        let candidates = try await audit.transaction(on: db) { tx in
            // Checked inside the transaction, which audited writes take one at a time; the
            // unique index (biometrics_one_per_kind) holds it across processes too.
            if try await Biometric.query(on: tx.db).filter(\.$datasetID == id).filter(\.$kind != "image").count() > 0 {
                throw RegistryError.biometricsRecorded(
                    "The dataset's biometric data are recorded; a retake is a new capture of the same dataset.")
            }
            for b in toStore { try await b.create(on: tx.db) }
            try await RegistryChange.record(id, at: now, origin: feed.node, on: tx.db)
            try await tx.append(
                caller.draft(
                    .registryUpdate, "registry.dataset", id, state: d.stateCode,
                    detail: "biometric data recorded: \(stored.joined(separator: ", "))"))
            var candidates: [CandidateView] = []
            for (match, evidence, explanation) in found {
                // One candidate per pair: a name-only one (pending, referred for this very
                // comparison, or dismissed on names alone) takes the fused evidence and waits
                // for the expert again; a pair already confirmed stays as it is.
                let matchID = try match.requireID()
                let existing = try await Candidate.query(on: tx.db).filter(\.$probeID == id)
                    .filter(\.$matchID == matchID).first()
                if let existing, ![.pending, .referred, .dismissed].contains(existing.status) { continue }
                let c = existing ?? Candidate()
                c.probeID = id
                c.matchID = matchID
                c.probeState = d.stateCode
                c.matchState = match.stateCode
                c.probability = evidence.fmr.map { 1 - $0 } ?? evidence.evidence
                c.weight = evidence.decision?.score ?? evidence.evidence
                c.explanation = JSONText(explanation)
                c.source = evidence.kind
                c.evidence = JSONText(evidence)
                c.status = .pending
                (c.reviewedBy, c.reviewedAt) = (nil, nil)
                if c.id == nil { c.createdAt = now }
                try await c.save(on: tx.db)
                try await tx.append(caller.draft(.registryRead, "registry.dataset", match.id, state: match.stateCode))
                candidates.append(try Self.view(c, probe: d, match: match))
            }
            return candidates
        }
        try await feed.catchUp(on: db)
        return BiometricsResult(dataset: try await view(d, on: db), stored: stored, candidates: candidates)
    }

    /// Fingerprints against every comparable dataset, the face only without usable fingers,
    /// each fused with the biographic comparison into one decision (IdentificationFusion):
    /// the hits, best first.
    private func identify(
        _ d: Dataset, fingers probe: [UInt8: FingerTemplate], face: FaceTemplate?, on db: any Database
    ) async throws -> [(Dataset, BiometricEvidence, MatchExplanation?)] {
        let id = try d.requireID()
        let child = isChild(d)
        let fusion = IdentificationFusion(settings: settings.fusion)
        let names = d.identityRecords.first
        var found: [UUID: (BiometricEvidence, MatchExplanation?)] = [:]
        func decide(_ match: UUID, _ e: IdentificationFusion.Evidence) async -> (
            IdentificationFusion.Decision, MatchExplanation?
        ) {
            var e = e
            let explanation: MatchExplanation? =
                if let names { await index.explain(names, against: match) } else { nil }
            e.biographicWeight = explanation?.weight
            e.biographicProbability = explanation?.probability
            return (fusion.decide(e, child: child), explanation)
        }
        if !probe.isEmpty {
            // Fingers short of the threshold by no more than biographic data may add.
            let needed = child ? settings.fusion.childFingerEvidence : settings.fusion.fingerEvidence
            let minimum = needed - settings.fusion.biographicCeiling
            let hits = await index.fingers.search(
                probe, minimumEvidence: minimum, excluding: id, limit: settings.maxCandidates)
            for hit in hits {
                let (decision, explanation) = await decide(
                    hit.id, .init(fingers: hit.evidence, fingersCompared: hit.fingers.count))
                guard decision.hit else { continue }
                let stored = await index.fingers.fingers(of: hit.id)
                found[hit.id] = (
                    BiometricEvidence(
                        kind: .fingerprints, evidence: hit.evidence, fmr: pow(10, -hit.evidence),
                        fingers: hit.fingers.map { .init(position: $0.position, score: $0.score, fmr: $0.fmr) },
                        drawing: Self.drawing(probe, stored, best: hit.fingers.max { $0.score < $1.score }?.position),
                        decision: decision), explanation
                )
            }
        } else if let face {
            for hit in await index.searchFace(face, excluding: id, minimumSimilarity: settings.fusion.faceSimilarity) {
                let (decision, explanation) = await decide(hit.id, .init(face: hit.score))
                guard decision.hit else { continue }
                found[hit.id] = (
                    BiometricEvidence(
                        kind: .face, evidence: Double(hit.score), fmr: nil, fingers: [], drawing: nil,
                        decision: decision), explanation
                )
            }
        }
        guard !found.isEmpty else { return [] }
        let datasets = try await Dataset.query(on: db).filter(\.$id ~~ Array(found.keys)).all()
        let hits = try datasets.filter { comparable($0, with: d.eurodacCategory) }.map { match in
            let (evidence, explanation) = found[try match.requireID()]!
            return ((match, evidence, explanation), evidence.decision!)
        }
        return IdentificationFusion.rank(hits).map(\.0)
    }

    /// What biometric data a dataset has, as "kind: format", for its page (the dataset's read
    /// is audited by `dataset(_:by:on:)`).
    func biometricsHeld(of id: UUID, on db: any Database) async throws -> [String] {
        // Only the two columns: the templates and images themselves stay in the database.
        try await Biometric.query(on: db).filter(\.$datasetID == id).field(\.$kind).field(\.$format).all()
            .map { "\($0.kind): \($0.format)" }
    }

    /// A child aged 6 to 14 at the event: stricter fingerprint evidence.
    func isChild(_ d: Dataset) -> Bool {
        guard let birth = d.bio.dateOfBirth.flatMap(PartialDate.init), let year = birth.year else { return false }
        let event = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: d.eventAt)
        var age = event.year! - year
        if let month = birth.month, month > event.month! { age -= 1 }
        return (6...14).contains(age)
    }

    /// The matched minutiae of the best finger, for the expert's drawing.
    static func drawing(_ probe: [UInt8: FingerTemplate], _ stored: [UInt8: FingerTemplate], best: UInt8?)
        -> BiometricEvidence.Drawing?
    {
        guard let best, let a = probe[best], let b = stored[best] else { return nil }
        let result = MCCMatcher().compare(a, b)
        func points(_ t: FingerTemplate) -> [[Float]] { (0..<t.count).map { [t.x[$0], t.y[$0], t.angle[$0]] } }
        return .init(position: best, probe: points(a), match: points(b), pairs: result.pairs.map { [$0.a, $0.b] })
    }
}
