import Foundation

/// A finger as MCC compares it: one bit cylinder per usable minutia (values and validity, 6
/// words each in MCC8b) and the minutiae they centre on. About 96 bytes per cylinder plus 12
/// for the minutia, so 5.4 KB for 50 minutiae.
public struct FingerTemplate: Sendable, Equatable {
    /// Cylinders, each `2 × words` words: the value bits, then the validity bits.
    public internal(set) var bits: [UInt64]
    public internal(set) var x: [Float]
    public internal(set) var y: [Float]
    public internal(set) var angle: [Float]
    let words: Int

    /// Number of valid cylinders.
    public var count: Int { x.count }

    /// Builds the cylinders of a finger's minutiae.
    public init(_ minutiae: [Minutia], parameters p: MCCParameters = MCCParameters()) {
        words = p.words
        bits = []
        x = []
        y = []
        angle = []
        guard minutiae.count >= 2 else { return }
        let hull = ConvexHull(minutiae.map { ($0.x, $0.y) })
        let ns = p.spatialCells
        let nd = p.directionCells
        let delta = 2 * p.radius / Double(ns)
        let deltaD = 2 * Double.pi / Double(nd)
        let reach = p.radius + 3 * p.sigmaS
        let gsNorm = 1 / (p.sigmaS * sqrt(2 * .pi))
        // The table of the default parameters is built once, not once per finger (2,048 erf).
        let directional =
            p.sigmaD == DirectionalWeight.standard.sigma && deltaD == DirectionalWeight.standard.section
            ? DirectionalWeight.standard : DirectionalWeight(sigma: p.sigmaD, section: deltaD)
        var weights = [Double](repeating: 0, count: minutiae.count * nd)
        var sums = [Double](repeating: 0, count: nd)
        for (i, m) in minutiae.enumerated() {
            // ISO angles turn counter-clockwise as seen, with y down: the direction's vector in
            // pixels is (cos θ, −sin θ); the second axis is that vector turned by 90°.
            let u = (cos(m.angle), -sin(m.angle))
            let v = (sin(m.angle), cos(m.angle))
            let neighbours = minutiae.indices.filter {
                $0 != i && hypot(minutiae[$0].x - m.x, minutiae[$0].y - m.y) <= reach
            }
            guard neighbours.count >= p.minMinutiae else { continue }
            // A neighbour's directional weight per angular section does not depend on the
            // cell: computed once per neighbour, not once per cell.
            for (t, n) in neighbours.enumerated() {
                let relative = angleDifference(m.angle, minutiae[n].angle)
                for k in 0..<nd {
                    let phi = -Double.pi + (Double(k) + 0.5) * deltaD
                    weights[t * nd + k] = directional.value(angleDifference(phi, relative))
                }
            }
            var values = [UInt64](repeating: 0, count: words)
            var valid = [UInt64](repeating: 0, count: words)
            var validCells = 0
            var insideCells = 0
            for a in 0..<ns {
                for b in 0..<ns {
                    let ca = (Double(a) - Double(ns - 1) / 2) * delta
                    let cb = (Double(b) - Double(ns - 1) / 2) * delta
                    guard hypot(ca, cb) <= p.radius else { continue }
                    insideCells += 1
                    let px = m.x + ca * u.0 + cb * v.0
                    let py = m.y + ca * u.1 + cb * v.1
                    guard hull.distance(px, py) <= p.omega else { continue }
                    validCells += 1
                    for k in 0..<nd { sums[k] = 0 }
                    for (t, index) in neighbours.enumerated() {
                        let n = minutiae[index]
                        let d2 = (n.x - px) * (n.x - px) + (n.y - py) * (n.y - py)
                        guard d2 <= 9 * p.sigmaS * p.sigmaS else { continue }
                        let gs = gsNorm * exp(-d2 / (2 * p.sigmaS * p.sigmaS))
                        for k in 0..<nd { sums[k] += gs * weights[t * nd + k] }
                    }
                    for k in 0..<nd {
                        let cell = (a * ns + b) * nd + k
                        valid[cell >> 6] |= 1 << UInt64(cell & 63)
                        if sums[k] > p.muPsi { values[cell >> 6] |= 1 << UInt64(cell & 63) }
                    }
                }
            }
            guard insideCells > 0, Double(validCells) >= p.minValidCells * Double(insideCells) else { continue }
            bits += values + valid
            x.append(Float(m.x))
            y.append(Float(m.y))
            angle.append(Float(m.angle))
        }
        // Cylinders in order of direction: the matcher then meets the cylinders within δθ of
        // a direction as one or two runs, not as a coin toss per cylinder.
        let order = angle.indices.sorted { angle[$0] < angle[$1] }
        let w2 = 2 * words
        bits = order.flatMap { bits[($0 * w2)..<(($0 + 1) * w2)] }
        x = order.map { x[$0] }
        y = order.map { y[$0] }
        angle = order.map { angle[$0] }
    }
}

/// The directional Gaussian integrated over one angular section, tabulated over [-π, π) in
/// 1,024 steps (a step of 0.35°, far below the sections' 60°).
struct DirectionalWeight: Sendable {
    let sigma, section: Double
    let table: [Double]

    static let standard = DirectionalWeight(
        sigma: MCCParameters().sigmaD, section: 2 * .pi / Double(MCCParameters().directionCells))

    init(sigma: Double, section: Double) {
        self.sigma = sigma
        self.section = section
        let s2 = sigma * sqrt(2)
        table = (0..<1024).map { i in
            let x = -Double.pi + (Double(i) + 0.5) * 2 * .pi / 1024
            return 0.5 * (erf((x + section / 2) / s2) - erf((x - section / 2) / s2))
        }
    }

    @inline(__always)
    func value(_ x: Double) -> Double { table[min(1023, max(0, Int((x + .pi) * 1024 / (2 * .pi))))] }
}

/// The convex hull of the minutiae, to tell cells inside the print (enlarged by Ω) from cells
/// outside it, where the absence of minutiae says nothing.
struct ConvexHull {
    let points: [(Double, Double)]

    init(_ all: [(Double, Double)]) {
        let sorted = all.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        func cross(_ o: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
            (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
        }
        var lower: [(Double, Double)] = []
        for p in sorted {
            while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        var upper: [(Double, Double)] = []
        for p in sorted.reversed() {
            while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        points = Array(lower.dropLast() + upper.dropLast())
    }

    /// 0 inside, else the distance to the hull.
    func distance(_ x: Double, _ y: Double) -> Double {
        guard points.count >= 3 else {
            return points.map { hypot($0.0 - x, $0.1 - y) }.min() ?? .infinity
        }
        // Inside the hull the distance is 0: the cheap side tests first, distances only outside.
        let outside = points.indices.contains { i in
            let (a, b) = (points[i], points[(i + 1) % points.count])
            return (b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0) < 0
        }
        guard outside else { return 0 }
        var best = Double.infinity
        for i in points.indices {
            let a = points[i]
            let b = points[(i + 1) % points.count]
            let ex = b.0 - a.0
            let ey = b.1 - a.1
            let t = max(0, min(1, ((x - a.0) * ex + (y - a.1) * ey) / (ex * ex + ey * ey)))
            best = min(best, hypot(a.0 + t * ex - x, a.1 + t * ey - y))
        }
        return best
    }
}

extension FingerMinutiaeRecord {
    /// One template per finger position (the first view of each).
    public var templatesByPosition: [UInt8: FingerTemplate] {
        var out: [UInt8: FingerTemplate] = [:]
        for v in views where out[v.position] == nil { out[v.position] = FingerTemplate(v.minutiae) }
        return out
    }
}
