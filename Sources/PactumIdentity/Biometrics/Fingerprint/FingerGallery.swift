import Foundation
import PactumKernels

/// How the 1:N fingerprint search filters (docs/BIOMETRICS.md has the measurements behind the
/// defaults).
public struct FingerSearchSettings: Sendable {
    /// Cylinders per finger in the summary: those with the most valid cells, which are
    /// the ones a second impression most likely covers too.
    public var summaryCylinders = 24
    /// Share of the gallery that gets the full comparison.
    public var penetration = 0.01
    /// Below this many the whole gallery gets the full comparison.
    public var minimumCandidates = 50
    /// Direction difference within which the filter compares two cylinders, in radians:
    /// the impressions' rotation range with room for the angle noise.
    public var window: Float = 0.8
    /// Fingers of a ten-print probe searched through the galleries (`TenPrintIndex`): those with
    /// the most cylinders. The persons they find are compared on every finger. The filter finds
    /// a finger's mate 99 times in 100 (docs/BIOMETRICS.md); were the misses independent, three
    /// fingers would all miss once in a million, at three gallery searches instead of ten.
    public var searchedFingers = 3
    public init() {}
}

/// 1:N fingerprint search in two stages. A filter scans a compact summary of every enrolled
/// finger on all cores, the matcher's own evidence in small: a few of the finger's cylinders
/// (value bits only), each scored against the probe's cylinders of a similar direction, no
/// consolidation. The best share of the gallery by that score (the penetration rate) then gets
/// the full MCC comparison (docs/BIOMETRICS.md gives the measured hit rates).
public struct FingerGallery<ID: Hashable & Sendable>: Sendable {
    public let settings: FingerSearchSettings
    public let matcher: MCCMatcher
    private var ids: [ID] = []
    private var slot: [ID: Int] = [:]
    private var templates: [FingerTemplate] = []
    /// Summary cylinders, `summaryCylinders` per finger: value bits (MCC8b's six words), the
    /// direction (padding gets an angle no window reaches) and √ of the bit count.
    private var summaryBits: [UInt64] = []
    private var summaryAngle: [Float] = []
    private var summaryRoot: [Float] = []
    private static var words: Int { 6 }

    public init(settings: FingerSearchSettings = FingerSearchSettings(), matcher: MCCMatcher = MCCMatcher()) {
        precondition(matcher.parameters.words == Self.words, "the filter reads MCC8b cylinders")
        self.settings = settings
        self.matcher = matcher
    }

    public var count: Int { ids.count }

    /// Bytes per finger held by the filter.
    public var summaryBytes: Int { settings.summaryCylinders * (Self.words * 8 + 8) }

    /// Adds or replaces a finger.
    public mutating func insert(_ id: ID, _ template: FingerTemplate) {
        if slot[id] != nil { erase(id) }
        let k = settings.summaryCylinders
        let w = Self.words
        let order = (0..<template.count).sorted { validCells(template, $0) > validCells(template, $1) }.prefix(k)
        for c in order {
            let values = template.bits[(c * 2 * w)..<(c * 2 * w + w)]
            summaryBits += values
            summaryAngle.append(template.angle[c])
            summaryRoot.append(Float(values.reduce(0) { $0 + $1.nonzeroBitCount }).squareRoot())
        }
        for _ in order.count..<k {
            summaryBits += repeatElement(0, count: w)
            summaryAngle.append(100)
            summaryRoot.append(1)
        }
        slot[id] = ids.count
        ids.append(id)
        templates.append(template)
    }

    /// Removes a finger; the last one takes its place.
    public mutating func erase(_ id: ID) {
        guard let i = slot.removeValue(forKey: id) else { return }
        if i != ids.count - 1 { slot[ids.last!] = i }
        let k = settings.summaryCylinders
        ids.removeSlot(i)
        templates.removeSlot(i)
        summaryAngle.removeSlot(i, width: k)
        summaryRoot.removeSlot(i, width: k)
        summaryBits.removeSlot(i, width: k * Self.words)
    }

    public func template(of id: ID) -> FingerTemplate? { slot[id].map { templates[$0] } }

    /// The fingers that pass the filter at the configured penetration rate, compared in
    /// full on all cores: every one with its MCC score, best first.
    public func search(_ probe: FingerTemplate) -> [(id: ID, score: Double)] {
        let keep = max(settings.minimumCandidates, Int((settings.penetration * Double(count)).rounded(.up)))
        let candidates = keep >= count ? Array(0..<count) : filter(probe, keep: keep).map(\.slot)
        let scored: [(id: ID, score: Double)] = Linker.parallelMap(candidates, minimumCount: 64) { i in
            (ids[i], matcher.score(probe, templates[i]))
        }
        return scored.sorted { $0.score > $1.score }
    }

    /// The `keep` fingers the filter ranks highest, best first, with its score.
    public func candidates(_ probe: FingerTemplate, keep: Int) -> [(id: ID, score: Float)] {
        filter(probe, keep: keep).map { (ids[$0.slot], $0.score) }
    }

    private func filter(_ probe: FingerTemplate, keep: Int) -> [(slot: Int, score: Float)] {
        let n = count
        guard n > 0, keep > 0 else { return [] }
        let query = FilterProbe(probe, window: settings.window)
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, max(1, n / 4096))
        let chunk = (n + parts - 1) / parts
        let found = Linker.parallelMap(Array(0..<parts), minimumCount: 0) { part in
            scan(query, from: part * chunk, to: min(n, (part + 1) * chunk), keep: keep)
        }
        return found.flatMap { $0 }.sorted { $0.0 > $1.0 }.prefix(keep).map { (Int($0.1), $0.0) }
    }

    private func scan(_ q: FilterProbe, from start: Int, to end: Int, keep: Int) -> [(Float, Int32)] {
        var best = TopK(capacity: keep)
        for (k, total) in scores(q, from: start, to: end).enumerated() { best.offer(total, Int32(start + k)) }
        return best.items
    }

    /// The filter scores of the fingers in slots [start, end) (PactumKernels).
    func scores(_ q: FilterProbe, from start: Int, to end: Int, portable: Bool = false) -> [Float] {
        var totals = [Float](repeating: 0, count: end - start)
        summaryBits.withUnsafeBufferPointer { gBits in
            summaryAngle.withUnsafeBufferPointer { gAngle in
                summaryRoot.withUnsafeBufferPointer { gRoot in
                    q.bits.withUnsafeBufferPointer { pBits in
                        q.root.withUnsafeBufferPointer { pRoot in
                            q.ranges.withUnsafeBufferPointer { ranges in
                                var probe = pactum_filter_probe(
                                    bits: pBits.baseAddress, root: pRoot.baseAddress, count: Int32(q.root.count),
                                    ranges: ranges.baseAddress, bins: Int32(FilterProbe.bins),
                                    bins_per_radian: FilterProbe.binsPerRadian)
                                var gallery = pactum_filter_gallery(
                                    bits: gBits.baseAddress, angle: gAngle.baseAddress, root: gRoot.baseAddress,
                                    per_finger: Int64(settings.summaryCylinders))
                                if portable {
                                    pactum_filter_scan_portable(&probe, &gallery, Int64(start), Int64(end), &totals)
                                } else {
                                    pactum_filter_scan(&probe, &gallery, Int64(start), Int64(end), &totals)
                                }
                            }
                        }
                    }
                }
            }
        }
        return totals
    }

    private func validCells(_ t: FingerTemplate, _ c: Int) -> Int {
        t.bits[(c * 2 * Self.words + Self.words)..<((c + 1) * 2 * Self.words)].reduce(0) { $0 + $1.nonzeroBitCount }
    }
}

/// The probe as the filter reads it: its cylinders' value bits in order of direction, copied
/// across 0 and 2π so that every direction window is one run, and that run for each of 256
/// direction bins.
struct FilterProbe {
    static let bins = 256
    static let binsPerRadian = Float(bins) / (2 * .pi)
    var bits: [UInt64] = []
    var root: [Float] = []
    /// Two per bin: the run's start and end.
    var ranges: [Int32] = []

    init(_ t: FingerTemplate, window: Float) {
        let w = 6
        let turn: Float = 2 * .pi
        var angles: [(Float, Int)] = []
        for c in 0..<t.count {
            let a = t.angle[c]
            angles.append((a, c))
            if a < window { angles.append((a + turn, c)) }
            if a > turn - window { angles.append((a - turn, c)) }
        }
        angles.sort { $0.0 < $1.0 }
        for (_, c) in angles {
            let values = t.bits[(c * 2 * w)..<(c * 2 * w + w)]
            bits += values
            root.append(Float(values.reduce(0) { $0 + $1.nonzeroBitCount }).squareRoot())
        }
        let sorted = angles.map(\.0)
        func lowerBound(_ v: Float) -> Int32 { Int32(sorted.firstIndex { $0 >= v } ?? sorted.count) }
        ranges = (0..<Self.bins).flatMap { b in
            [
                lowerBound(Float(b) / Self.binsPerRadian - window),
                lowerBound(Float(b + 1) / Self.binsPerRadian + window),
            ]
        }
    }
}
