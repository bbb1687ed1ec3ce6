import Foundation

/// Ten-prints for 1:N identification: one `FingerGallery` per finger position, in an actor of
/// its own, so that a search at a million fingers (a few hundred milliseconds) holds up no
/// other index of its owner.
public actor TenPrintIndex<ID: Hashable & Sendable> {
    public struct Match: Sendable {
        public var id: ID
        /// −log10 of the fused false match rate (`FingerFusion`).
        public var evidence: Double
        public var fingers: [(position: UInt8, score: Double, fmr: Double)]
    }

    private let settings: FingerSearchSettings
    private var galleries: [UInt8: FingerGallery<ID>] = [:]

    public init(settings: FingerSearchSettings = FingerSearchSettings()) { self.settings = settings }

    /// Adds a person's fingers, replacing those of the same positions.
    public func insert(_ fingers: [UInt8: FingerTemplate], of id: ID) {
        for (position, template) in fingers {
            galleries[position, default: FingerGallery(settings: settings)].insert(id, template)
        }
    }

    /// Adds many persons' fingers, their templates extracted on all cores: a registry's start.
    public func insert(contentsOf records: [(id: ID, record: FingerMinutiaeRecord)]) {
        let templates = Linker.parallelMap(records, minimumCount: 64) { $0.record.templatesByPosition }
        for (r, fingers) in zip(records, templates) { insert(fingers, of: r.id) }
    }

    public func erase(_ id: ID) {
        for position in galleries.keys { galleries[position]!.erase(id) }
    }

    public func removeAll() { galleries = [:] }

    /// A person's stored fingers, by position.
    public func fingers(of id: ID) -> [UInt8: FingerTemplate] { galleries.compactMapValues { $0.template(of: id) } }

    /// The persons whose fingers match the probe's, strongest evidence first. The probe's
    /// `searchedFingers` fingers with the most cylinders are searched in the galleries of their
    /// positions (filter, then full comparison); a person with one of them at a false match rate
    /// of 1 % or less is then compared finger by finger, and kept from `minimumEvidence`.
    public func search(_ probe: [UInt8: FingerTemplate], minimumEvidence: Double, excluding own: ID?, limit: Int)
        -> [Match]
    {
        let cut = FingerCalibration.threshold(fmr: 0.01)
        let searched = probe.filter { galleries[$0.key] != nil }
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(settings.searchedFingers)
        var shortlist = Set<ID>()
        for (position, template) in searched {
            for hit in galleries[position]!.search(template) where hit.score > cut { shortlist.insert(hit.id) }
        }
        if let own { shortlist.remove(own) }
        let matcher = MCCMatcher()
        let matches = shortlist.compactMap { id -> Match? in
            let fused = FingerFusion.compare(probe, fingers(of: id), matcher: matcher)
            return fused.evidence >= minimumEvidence
                ? Match(id: id, evidence: fused.evidence, fingers: fused.fingers) : nil
        }
        return Array(matches.sorted { $0.evidence > $1.evidence }.prefix(limit))
    }
}
