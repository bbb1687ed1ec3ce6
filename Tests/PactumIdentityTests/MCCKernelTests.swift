import Foundation
import Testing

@testable import PactumIdentity

@Suite("The MCC kernel: its vector path and its plain path agree")
struct MCCKernelTests {
    @Test("both paths give the same best two cylinders and scores, bit for bit, also beyond 256 cylinders")
    func pathsAgree() {
        let generator = FingerGenerator()
        var rng = SeededGenerator(seed: 8)
        // A dense print of 320 minutiae: more cylinders than the kernel's stack buffer holds.
        let dense = FingerTemplate(
            (0..<320).map { _ in
                Minutia(
                    x: Double.random(in: 0..<400, using: &rng), y: Double.random(in: 0..<500, using: &rng),
                    angle: Double.random(in: 0..<(2 * .pi), using: &rng), kind: .ridgeEnding, quality: 60)
            })
        #expect(dense.count > 256)
        var prints = (0..<40).map { f in
            FingerTemplate(generator.impression(of: generator.master(seed: UInt64(f)), seed: UInt64(f), index: f % 3))
        }
        prints.append(dense)
        let p = MCCParameters()
        let minCommon = Int((p.minMatchableCells * Double(p.cells)).rounded(.up))
        var compared = 0
        for (i, a) in prints.enumerated() {
            for b in [prints[(i + 1) % prints.count], prints[(i * 7) % prints.count], dense] {
                let fast = MCCMatcher.bestTwo(a, b, minCommon: minCommon, maxAngle: Float(p.maxDirectionDifference))
                let plain = MCCMatcher.bestTwo(
                    a, b, minCommon: minCommon, maxAngle: Float(p.maxDirectionDifference), portable: true)
                #expect(fast.0.map(\.bitPattern) == plain.0.map(\.bitPattern))
                #expect(fast.1 == plain.1)
                compared += fast.1.filter { $0 >= 0 }.count
            }
        }
        #expect(compared > 1_000)
    }

    @Test("the 1:N filter's vector path and plain path give the same scores, bit for bit")
    func filterPathsAgree() {
        let generator = FingerGenerator()
        var gallery = FingerGallery<Int>()
        for f in 0..<300 {
            gallery.insert(
                f,
                FingerTemplate(generator.impression(of: generator.master(seed: UInt64(f)), seed: UInt64(f), index: 0)))
        }
        for f in [3, 150, 299] {
            let probe = FilterProbe(
                FingerTemplate(generator.impression(of: generator.master(seed: UInt64(f)), seed: UInt64(f), index: 1)),
                window: gallery.settings.window)
            let fast = gallery.scores(probe, from: 0, to: 300)
            let plain = gallery.scores(probe, from: 0, to: 300, portable: true)
            #expect(fast.map(\.bitPattern) == plain.map(\.bitPattern))
            // The mate scores highest.
            #expect(fast.indices.max { fast[$0] < fast[$1] } == f)
        }
    }
}
