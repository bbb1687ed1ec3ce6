import Foundation
import PactumIdentity

// Fingerprint 1:1 benchmark: comparisons per second per core at about 50 minutiae per print
// (issue 6; anchors: SourceAFIS ≈ 12,500 per core as published, a straight MCC16b + LSS kernel
// ≈ 26,000 per core measured here, identity-notes.md §4.1), and the genuine and impostor score
// distributions of the synthetic set.
//
//   swift build -c release --product finger-benchmark && .build/release/finger-benchmark [fingers]

let fingers = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
let impostorsPerFinger = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 20
let generator = FingerGenerator()
let start = Date()
var first: [FingerTemplate] = []
var second: [FingerTemplate] = []
var minutiae = 0
for f in 0..<fingers {
    let master = generator.master(seed: UInt64(f))
    let a = generator.impression(of: master, seed: UInt64(f), index: 0)
    let b = generator.impression(of: master, seed: UInt64(f), index: 1)
    minutiae += a.count
    first.append(FingerTemplate(a))
    second.append(FingerTemplate(b))
}
let built = Date().timeIntervalSince(start)
print(
    "fingers: \(fingers), mean minutiae per impression: \(minutiae / fingers), cylinders: \(first.map(\.count).reduce(0, +) / fingers)"
)
print(String(format: "template extraction: %.0f templates/s", Double(2 * fingers) / built))

let matcher = MCCMatcher()
var genuine: [Double] = []
var impostor: [Double] = []
let t0 = Date()
for f in 0..<fingers {
    genuine.append(matcher.score(first[f], second[f]))
    for k in 1...impostorsPerFinger { impostor.append(matcher.score(first[f], second[(f + k * 7919) % fingers])) }
}
let elapsed = Date().timeIntervalSince(t0)
let comparisons = Double(genuine.count + impostor.count)
print(
    String(
        format: "1:1 comparisons: %.0f per second on one core (%.1f µs each)", comparisons / elapsed,
        elapsed / comparisons * 1e6))
print(
    String(
        format:
            "anchors: SourceAFIS ≈ 12,500/s per core (published), ratio %.1f×; MCC16b + LSS kernel ≈ 26,000/s per core (measured here), ratio %.1f×; goal 50,000",
        comparisons / elapsed / 12_500, comparisons / elapsed / 26_000))

impostor.sort()
genuine.sort()
let impostors = impostor
func threshold(fmr: Double) -> Double { impostors[min(impostors.count - 1, Int(Double(impostors.count) * (1 - fmr)))] }
for fmr in [0.5, 0.1, 0.01, 0.001, 0.0001, 0.00001] where Double(impostors.count) * fmr >= 10 {
    let t = threshold(fmr: fmr)
    let fnmr = Double(genuine.filter { $0 <= t }.count) / Double(genuine.count)
    print(String(format: "FMR %g: threshold %.5f, FNMR %.4f", fmr, t, fnmr))
}
print(
    String(
        format: "genuine median %.3f, impostor median %.3f, impostor max %.3f", genuine[genuine.count / 2],
        impostor[impostor.count / 2], impostor.last!))
