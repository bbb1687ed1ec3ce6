import Foundation
import PactumKernels

/// Compares two finger templates: the similarity of every pair of cylinders (AND, XOR and
/// popcount over the common valid cells), then Local Similarity Sort with Relaxation (LSSR):
/// the best one-to-one pairs are re-weighted by how well their distances, directions and radial
/// angles agree with the other pairs, and the score is the mean of the nP most efficient.
public struct MCCMatcher: Sendable {
    public let parameters: MCCParameters

    public init(parameters: MCCParameters = MCCParameters()) {
        precondition(parameters.words == 6, "the kernel compares MCC8b cylinders")
        self.parameters = parameters
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
        let minCommon = Int((p.minMatchableCells * Double(p.cells)).rounded(.up))
        let maxAngle = Float(p.maxDirectionDifference)
        // The best two cylinders of B for each cylinder of A: enough to choose the one-to-one
        // pairs from, without sorting the whole nA × nB matrix. B's cylinders are sorted by
        // direction, so those within δθ of one of A's are one run, or two where the window wraps
        // around 0 (PactumKernels, AVX-512 where the processor has it).
        let (scores, indices) = Self.bestTwo(a, b, minCommon: minCommon, maxAngle: maxAngle)
        var candidates: [(Float, Int32, Int32)] = []
        candidates.reserveCapacity(2 * nA)
        for k in 0..<(2 * nA) where indices[k] >= 0 { candidates.append((scores[k], Int32(k / 2), indices[k])) }
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

    /// Each cylinder of A's best two of B: scores and indices, 2 per cylinder (index -1 where
    /// none is comparable).
    static func bestTwo(
        _ a: FingerTemplate, _ b: FingerTemplate, minCommon: Int, maxAngle: Float, portable: Bool = false
    ) -> ([Float], [Int32]) {
        var scores = [Float](repeating: 0, count: 2 * a.count)
        var indices = [Int32](repeating: -1, count: 2 * a.count)
        a.bits.withUnsafeBufferPointer { ab in
            b.bits.withUnsafeBufferPointer { bb in
                a.angle.withUnsafeBufferPointer { angleA in
                    b.angle.withUnsafeBufferPointer { angleB in
                        var prints = pactum_mcc_prints(
                            a: ab.baseAddress, angle_a: angleA.baseAddress, count_a: Int32(a.count),
                            b: bb.baseAddress, angle_b: angleB.baseAddress, count_b: Int32(b.count),
                            min_common: Int32(minCommon), max_angle: maxAngle, turn: 2 * .pi)
                        if portable {
                            pactum_mcc_best_two_portable(&prints, &scores, &indices)
                        } else {
                            pactum_mcc_best_two(&prints, &scores, &indices)
                        }
                    }
                }
            }
        }
        return (scores, indices)
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
