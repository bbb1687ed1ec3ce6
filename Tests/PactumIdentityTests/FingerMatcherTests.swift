import Foundation
import PactumIdentity
import Testing

@Suite("Fingerprint matching: synthetic fingers, MCC with relaxation, calibration, fusion")
struct FingerMatcherTests {
    static let generator = FingerGenerator()
    static let matcher = MCCMatcher()

    static func impressions(_ finger: Int, count: Int) -> [[Minutia]] {
        let master = generator.master(seed: UInt64(finger))
        return (0..<count).map { generator.impression(of: master, seed: UInt64(finger), index: $0) }
    }

    @Test("the generator is seeded: the same finger and index give the same print; counts are realistic")
    func generator() {
        #expect(Self.impressions(3, count: 2) == Self.impressions(3, count: 2))
        #expect(Self.impressions(3, count: 1) != Self.impressions(4, count: 1))
        let counts = (0..<50).map { Self.impressions($0, count: 1)[0].count }
        let mean = Double(counts.reduce(0, +)) / 50
        #expect((35...65).contains(mean), "mean \(mean)")
    }

    @Test("genuine pairs under the distortion model pass the FMR 0.1 % threshold in at least 95 % of cases")
    func genuineAndImpostor() {
        let fingers = 120
        let threshold = FingerCalibration.threshold(fmr: 1e-3)
        var templates: [(FingerTemplate, FingerTemplate)] = []
        for f in 0..<fingers {
            let p = Self.impressions(10_000 + f, count: 2)
            templates.append((FingerTemplate(p[0]), FingerTemplate(p[1])))
        }
        let genuine = templates.map { Self.matcher.score($0.0, $0.1) }
        let passed = genuine.filter { $0 > threshold }.count
        #expect(Double(passed) >= 0.95 * Double(fingers), "\(passed) of \(fingers)")
        var impostorHits = 0
        var impostors = 0
        for f in 0..<fingers {
            for k in 1...10 {
                impostors += 1
                if Self.matcher.score(templates[f].0, templates[(f + k * 37) % fingers].1) > threshold {
                    impostorHits += 1
                }
            }
        }
        // 1,200 impostor pairs at a calibrated 0.1 %: about one expected; five would be a
        // calibration off by a factor of four.
        #expect(impostorHits <= 5, "\(impostorHits) of \(impostors)")
    }

    @Test("a turned and shifted copy of a print scores as the print itself")
    func invariance() {
        let print = Self.impressions(7, count: 1)[0]
        let turned = print.map { m in
            // A turn of the pixel grid by t is a turn of −t in ISO angles.
            let t = 0.6
            let (dx, dy) = (m.x - 200, m.y - 250)
            return Minutia(
                x: 200 + dx * cos(t) - dy * sin(t) + 55, y: 250 + dx * sin(t) + dy * cos(t) - 30, angle: m.angle - t,
                kind: m.kind)
        }
        let a = FingerTemplate(print)
        let self_ = Self.matcher.score(a, a)
        let moved = Self.matcher.score(a, FingerTemplate(turned))
        #expect(moved > 0.9 * self_, "\(moved) vs \(self_)")
        #expect(moved > FingerCalibration.threshold(fmr: 1e-5))
    }

    @Test("the FMR estimate falls with the score and meets the table at its points")
    func calibration() {
        for (fmr, score) in FingerCalibration.table {
            #expect(abs(FingerCalibration.fmr(score) - fmr) / fmr < 1e-9)
        }
        let scores = stride(from: 0.0, through: 0.05, by: 0.001).map(FingerCalibration.fmr)
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(FingerCalibration.fmr(0) == 1)
    }

    @Test("ten fingers of one person fuse into far stronger evidence than ten of two persons")
    func fusion() {
        func person(_ id: Int, impression: Int) -> [UInt8: FingerTemplate] {
            Dictionary(
                uniqueKeysWithValues: (1...10).map { position in
                    let master = Self.generator.master(seed: UInt64(id * 10 + position))
                    let print = Self.generator.impression(
                        of: master, seed: UInt64(id * 10 + position), index: impression)
                    return (UInt8(position), FingerTemplate(print))
                })
        }
        let a = person(500, impression: 0)
        let same = FingerFusion.compare(a, person(500, impression: 1))
        let other = FingerFusion.compare(a, person(501, impression: 1))
        #expect(same.fingers.count == 10)
        #expect(same.evidence > 30 && other.evidence < 4, "\(same.evidence) vs \(other.evidence)")
        // One finger: the evidence is its own rate; ten fingers at 10 % each are not 10^-10.
        #expect(abs(FingerFusion.evidence([1e-3]) - 3) < 1e-9)
        let tenOrdinary = FingerFusion.evidence(Array(repeating: 0.1, count: 10))
        #expect(tenOrdinary > 1 && tenOrdinary < 4, "\(tenOrdinary)")
    }
}

@Suite("Fingerprint accuracy report")
struct FingerEvaluationTests {
    @Test("the report counts every genuine pair, finds the mates in 1:N and draws its DET curve")
    func report() {
        let r = FingerEvaluation.run(fingers: 60, impressions: 3, seed: 9, impostors: 3_000, searchFingers: 40)
        #expect(r.genuineComparisons == 60 * 3 && r.impostorComparisons == 3_000)
        #expect(r.eer < 0.05 && r.search.rank1 >= 0.9 && r.search.gallery == 20)
        #expect(r.operatingPoints.map(\.fmr) == [0.01] && r.operatingPoints[0].fnmr < 0.1)
        let curve = r.det ?? []
        #expect(curve.count > 100 && zip(curve, curve.dropFirst()).allSatisfy { $0[0] >= $1[0] && $0[1] <= $1[1] })
        let svg = r.detSVG()
        #expect(svg.hasPrefix("<svg") && svg.contains("<polyline") && svg.contains("EER"))
    }
}
