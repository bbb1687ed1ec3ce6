import Foundation

/// Compares two finger templates: the similarity of every pair of cylinders (AND, XOR and
/// popcount over the common valid cells), then Local Similarity Sort with Relaxation (LSSR):
/// the best one-to-one pairs are re-weighted by how well their distances, directions and radial
/// angles agree with the other pairs, and the score is the mean of the nP most efficient.
public struct MCCMatcher: Sendable {
    public let parameters: MCCParameters
    /// √n for every bit count a cylinder can have: a load instead of a square root in the
    /// innermost loop.
    private let roots: [Float]

    public init(parameters: MCCParameters = MCCParameters()) {
        self.parameters = parameters
        roots = (0...parameters.cells).map { Float($0).squareRoot() }
    }

    /// The matched minutiae pairs behind a score, for the expert's view.
    public struct Result: Sendable {
        public var score: Double
        /// Indices into the two templates' minutiae, best first.
        public var pairs: [(a: Int, b: Int)]
    }

    /// The similarity of two fingers in [0, 1].
    public func score(_ a: FingerTemplate, _ b: FingerTemplate) -> Double { compare(a, b).score }

    public func compare(_ a: FingerTemplate, _ b: FingerTemplate) -> Result {
        let p = parameters
        let nA = a.count
        let nB = b.count
        guard nA > 0, nB > 0, a.words == b.words else { return Result(score: 0, pairs: []) }
        let w = a.words
        let minCommon = Int((p.minMatchableCells * Double(p.cells)).rounded(.up))
        let maxAngle = Float(p.maxDirectionDifference)
        // The best two cylinders of B for each cylinder of A: enough to choose the one-to-one
        // pairs from, without sorting the whole nA × nB matrix.
        var candidates: [(Float, Int32, Int32)] = []
        candidates.reserveCapacity(2 * nA)
        roots.withUnsafeBufferPointer { root in
            a.bits.withUnsafeBufferPointer { ab in
                b.bits.withUnsafeBufferPointer { bb in
                    b.angle.withUnsafeBufferPointer { angleB in
                        for i in 0..<nA {
                            let va = ab.baseAddress! + i * 2 * w
                            var best: (Float, Int32) = (0, -1)
                            var runnerUp: (Float, Int32) = (0, -1)
                            // B's cylinders are sorted by direction: those within δθ of this
                            // one are one run, or two where the window wraps around 0.
                            let (first, second) = Self.directionWindows(a.angle[i], maxAngle)
                            for (from, to) in [first, second] {
                                var j = Self.lowerBound(angleB, from)
                                while j < nB, angleB[j] <= to {
                                    let vb = bb.baseAddress! + j * 2 * w
                                    let (common, na, nb, nx) = Self.counts(va, va + w, vb, vb + w)
                                    if common >= minCommon, na + nb > 0 {
                                        let s = 1 - root[nx] / (root[na] + root[nb])
                                        if s > best.0 {
                                            runnerUp = best
                                            best = (s, Int32(j))
                                        } else if s > runnerUp.0 {
                                            runnerUp = (s, Int32(j))
                                        }
                                    }
                                    j += 1
                                }
                            }
                            if best.1 >= 0 { candidates.append((best.0, Int32(i), best.1)) }
                            if runnerUp.1 >= 0 { candidates.append((runnerUp.0, Int32(i), runnerUp.1)) }
                        }
                    }
                }
            }
        }
        candidates.sort { $0.0 > $1.0 }
        // One-to-one pairs, best first, at most min(nA, nB).
        let nR = min(nA, nB, p.relaxationPairs)
        var usedA = [Bool](repeating: false, count: nA)
        var usedB = [Bool](repeating: false, count: nB)
        var pairs: [(Double, Int, Int)] = []
        for (s, i, j) in candidates where !usedA[Int(i)] && !usedB[Int(j)] {
            usedA[Int(i)] = true
            usedB[Int(j)] = true
            pairs.append((Double(s), Int(i), Int(j)))
            if pairs.count == nR { break }
        }
        let nP = min(
            pairs.count,
            p.minNP
                + Int((MCCParameters.sigmoid(Double(min(nA, nB)), p.muP, p.tauP) * Double(p.maxNP - p.minNP)).rounded())
        )
        guard nP > 0 else { return Result(score: 0, pairs: []) }
        let relaxed = relax(pairs, a, b)
        // Efficiency: how much of its similarity a pair kept through the relaxation.
        let order = relaxed.indices.sorted {
            relaxed[$0] / max(pairs[$0].0, 1e-9) > relaxed[$1] / max(pairs[$1].0, 1e-9)
        }
        let chosen = order.prefix(nP)
        let score = chosen.reduce(0) { $0 + relaxed[$1] } / Double(nP)
        return Result(score: score, pairs: chosen.map { (pairs[$0].1, pairs[$0].2) })
    }

    /// The direction windows within `maxAngle` of `angle` on [0, 2π): one, or two where it
    /// wraps around 0 (the second empty otherwise).
    @inline(__always)
    static func directionWindows(_ angle: Float, _ maxAngle: Float) -> ((Float, Float), (Float, Float)) {
        let turn: Float = 2 * .pi
        let (lo, hi) = (angle - maxAngle, angle + maxAngle)
        if lo < 0 { return ((0, hi), (lo + turn, turn)) }
        if hi >= turn { return ((lo, turn), (0, hi - turn)) }
        return ((lo, hi), (1, 0))
    }

    static func lowerBound(_ sorted: UnsafeBufferPointer<Float>, _ value: Float) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Common valid cells, value bits of each on them, and bits that differ, over MCC8b's six
    /// words (its cell counts are constants), unrolled: the compiler keeps all in registers.
    @inline(__always)
    static func counts(
        _ va: UnsafePointer<UInt64>, _ ma: UnsafePointer<UInt64>, _ vb: UnsafePointer<UInt64>,
        _ mb: UnsafePointer<UInt64>
    ) -> (Int, Int, Int, Int) {
        let c0 = ma[0] & mb[0], c1 = ma[1] & mb[1], c2 = ma[2] & mb[2]
        let c3 = ma[3] & mb[3], c4 = ma[4] & mb[4], c5 = ma[5] & mb[5]
        let x0 = va[0] & c0, x1 = va[1] & c1, x2 = va[2] & c2, x3 = va[3] & c3, x4 = va[4] & c4, x5 = va[5] & c5
        let y0 = vb[0] & c0, y1 = vb[1] & c1, y2 = vb[2] & c2, y3 = vb[3] & c3, y4 = vb[4] & c4, y5 = vb[5] & c5
        let common =
            c0.nonzeroBitCount &+ c1.nonzeroBitCount &+ c2.nonzeroBitCount &+ c3.nonzeroBitCount
            &+ c4.nonzeroBitCount &+ c5.nonzeroBitCount
        let na =
            x0.nonzeroBitCount &+ x1.nonzeroBitCount &+ x2.nonzeroBitCount &+ x3.nonzeroBitCount
            &+ x4.nonzeroBitCount &+ x5.nonzeroBitCount
        let nb =
            y0.nonzeroBitCount &+ y1.nonzeroBitCount &+ y2.nonzeroBitCount &+ y3.nonzeroBitCount
            &+ y4.nonzeroBitCount &+ y5.nonzeroBitCount
        let nx =
            (x0 ^ y0).nonzeroBitCount &+ (x1 ^ y1).nonzeroBitCount &+ (x2 ^ y2).nonzeroBitCount
            &+ (x3 ^ y3).nonzeroBitCount &+ (x4 ^ y4).nonzeroBitCount &+ (x5 ^ y5).nonzeroBitCount
        return (common, na, nb, nx)
    }

    /// LSSR: each pair's similarity is mixed with the others', weighted by the geometric
    /// compatibility ρ of the two pairs.
    private func relax(_ pairs: [(Double, Int, Int)], _ a: FingerTemplate, _ b: FingerTemplate) -> [Double] {
        let p = parameters
        let n = pairs.count
        guard n > 1 else { return pairs.map(\.0) }
        var rho = [Double](repeating: 0, count: n * n)
        let (mu1, tau1) = (Float(p.mu1), Float(p.tau1))
        let (mu2, tau2) = (Float(p.mu2), Float(p.tau2))
        let (mu3, tau3) = (Float(p.mu3), Float(p.tau3))
        func z(_ v: Float, _ mu: Float, _ tau: Float) -> Float { 1 / (1 + expf(-tau * (v - mu))) }
        // Beyond these the sigmoids are below e^-12: the pair is incompatible, ρ stays 0.
        let cut1 = mu1 + 12 / abs(tau1)
        let cut2 = mu2 + 12 / abs(tau2)
        let cut3 = mu3 + 12 / abs(tau3)
        a.x.withUnsafeBufferPointer { ax in
            a.y.withUnsafeBufferPointer { ay in
                b.x.withUnsafeBufferPointer { bx in
                    b.y.withUnsafeBufferPointer { by in
                        for r in 0..<n {
                            let (ia, ib) = (pairs[r].1, pairs[r].2)
                            let (ta, tb) = (a.angle[ia], b.angle[ib])
                            for c in (r + 1)..<n {
                                let (ja, jb) = (pairs[c].1, pairs[c].2)
                                let (dxa, dya) = (ax[ja] - ax[ia], ay[ja] - ay[ia])
                                let (dxb, dyb) = (bx[jb] - bx[ib], by[jb] - by[ib])
                                let d1 = abs(
                                    (dxa * dxa + dya * dya).squareRoot() - (dxb * dxb + dyb * dyb).squareRoot())
                                guard d1 < cut1 else { continue }
                                let d2 = abs(
                                    floatAngleDifference(
                                        floatAngleDifference(ta, a.angle[ja]), floatAngleDifference(tb, b.angle[jb])))
                                guard d2 < cut2 else { continue }
                                // Radial angles θi − ∠(i→j) in each print; their difference is
                                // (θa − θb) − (∠vA − ∠vB), one atan2 instead of two. In pixels
                                // (y down) the ISO angle from vB to vA is atan2(vA × vB, vA · vB).
                                let between = atan2f(dxa * dyb - dya * dxb, dxa * dxb + dya * dyb)
                                let d3 = abs(floatAngleDifference(floatAngleDifference(ta, tb), between))
                                guard d3 < cut3 else { continue }
                                let value = Double(z(d1, mu1, tau1) * z(d2, mu2, tau2) * z(d3, mu3, tau3))
                                rho[r * n + c] = value
                                rho[c * n + r] = value
                            }
                        }
                    }
                }
            }
        }
        var lambda = pairs.map(\.0)
        var next = lambda
        for _ in 0..<p.relaxations {
            for r in 0..<n {
                var sum = 0.0
                for c in 0..<n where c != r { sum += rho[r * n + c] * lambda[c] }
                next[r] = p.relaxationWeight * lambda[r] + (1 - p.relaxationWeight) * sum / Double(n - 1)
            }
            swap(&lambda, &next)
        }
        return lambda
    }
}

@inline(__always)
func floatAngleDifference(_ a: Float, _ b: Float) -> Float {
    var d = a - b
    if d < -.pi { d += 2 * .pi } else if d >= .pi { d -= 2 * .pi }
    return d
}
