import Foundation
import PactumKernels

/// Exact 1:N search over face templates: every gallery vector is scanned in 8-bit form on all
/// cores, and the best candidates of that scan are re-ranked with their 16-bit floats, which
/// gives the float32 order (cosine similarity) at a quarter of the memory traffic.
public struct FaceGallery: Sendable {
    public let dimension: Int
    /// Candidates of the 8-bit scan re-ranked exactly.
    public var rerank = 128
    private var ids: [String] = []
    private var slot: [String: Int] = [:]
    /// 8-bit codes, `dimension` per template: round(127 · v / max|v|).
    private var codes: [Int8] = []
    /// The scale of each template's codes (max|v| / 127).
    private var scales: [Float] = []
    /// The vectors in half precision, for the re-ranking.
    private var halves: [Float16] = []

    public init(dimension: Int = 512) { self.dimension = dimension }

    public var count: Int { ids.count }

    /// Bytes per template held in memory (codes, half floats, scale), ids aside.
    public var bytesPerTemplate: Int { dimension + 2 * dimension + 4 }

    /// Adds or replaces a template.
    public mutating func insert(_ id: String, _ template: FaceTemplate) {
        precondition(template.vector.count == dimension)
        if slot[id] != nil { erase(id) }
        let v = template.vector
        let peak = max(v.map { abs($0) }.max() ?? 1, .leastNormalMagnitude)
        codes += v.map { Int8((127 * $0 / peak).rounded()) }
        scales.append(peak / 127)
        halves += v.map { Float16($0) }
        slot[id] = ids.count
        ids.append(id)
    }

    /// Removes a template; the last one takes its place.
    public mutating func erase(_ id: String) {
        guard let i = slot.removeValue(forKey: id) else { return }
        if i != ids.count - 1 { slot[ids.last!] = i }
        ids.removeSlot(i)
        scales.removeSlot(i)
        codes.removeSlot(i, width: dimension)
        halves.removeSlot(i, width: dimension)
    }

    /// The `k` most similar templates, best first, with their cosine similarity.
    public func search(_ query: FaceTemplate, k: Int = 10) -> [(id: String, score: Float)] {
        let n = ids.count
        guard n > 0 else { return [] }
        let d = dimension
        let peak = max(query.vector.map { abs($0) }.max() ?? 1, .leastNormalMagnitude)
        let q = query.vector.map { Int8((127 * $0 / peak).rounded()) }
        let keep = min(n, max(k, rerank))
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, max(1, n / 4096))
        let chunk = (n + parts - 1) / parts
        let found = Linker.parallelMap(Array(0..<parts), minimumCount: 0) { part in
            scan(q, from: part * chunk, to: min(n, (part + 1) * chunk), keep: keep)
        }
        // Re-rank the survivors of every part with the half floats.
        let candidates = found.flatMap { $0 }
        var exact: [(id: String, score: Float)] = candidates.map { _, i in
            let base = Int(i) * d
            var s: Float = 0
            for k in 0..<d { s += Float(halves[base + k]) * query.vector[k] }
            return (ids[Int(i)], s)
        }
        exact.sort { $0.score > $1.score }
        return Array(exact.prefix(k))
    }

    /// The best `keep` of a slice of the gallery by the 8-bit scores.
    private func scan(_ q: [Int8], from start: Int, to end: Int, keep: Int) -> [(Float, Int32)] {
        let d = dimension
        var best = TopK(capacity: keep)
        // Blocks of 4,096 templates: their dot products fit the cache on their way to the heap.
        var dots = [Int32](repeating: 0, count: 4096)
        codes.withUnsafeBufferPointer { codes in
            q.withUnsafeBufferPointer { q in
                dots.withUnsafeMutableBufferPointer { dots in
                    var i = start
                    while i < end {
                        let n = min(4096, end - i)
                        pactum_dot_i8(q.baseAddress!, codes.baseAddress! + i * d, d, n, dots.baseAddress!)
                        for k in 0..<n { best.offer(Float(dots[k]) * scales[i + k], Int32(i + k)) }
                        i += n
                    }
                }
            }
        }
        return best.items
    }
}

extension Array {
    /// Removes slot `i` (its `width` elements) by moving the last slot into its place: constant
    /// work, where a gallery does not care about the order of its slots.
    mutating func removeSlot(_ i: Int, width: Int = 1) {
        let last = count / width - 1
        if i != last { for k in 0..<width { self[i * width + k] = self[last * width + k] } }
        removeLast(width)
    }
}

/// The best `capacity` scores seen, as a min-heap.
struct TopK {
    let capacity: Int
    private(set) var items: [(Float, Int32)] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func offer(_ score: Float, _ id: Int32) {
        if items.count < capacity {
            items.append((score, id))
            var c = items.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                guard items[c].0 < items[p].0 else { break }
                items.swapAt(c, p)
                c = p
            }
        } else if score > items[0].0 {
            items[0] = (score, id)
            var p = 0
            while true {
                let l = 2 * p + 1
                guard l < capacity else { break }
                let r = l + 1
                let m = r < capacity && items[r].0 < items[l].0 ? r : l
                guard items[m].0 < items[p].0 else { break }
                items.swapAt(m, p)
                p = m
            }
        }
    }
}
