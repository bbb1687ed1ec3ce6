import Foundation
import PactumIdentity

// Fingerprint 1:N benchmark (issue 6): a gallery of synthetic fingers (impression 0 of each),
// searched with impression 1 of some of them. Prints the filter's hit rate at several
// penetration rates, then the latency of whole searches (filter and full MCC comparison of the
// candidates it passes) at the configured penetration rate. Goal: under 1 s for 1,000,000
// fingers on this 2-core machine.
//
//   swift build -c release --product finger-search-benchmark
//   .build/release/finger-search-benchmark [fingers, 1000000] [probes, 200]
//       [summary cylinders] [window] [penetration]   (the gallery's settings, to tune them)

let arguments = CommandLine.arguments.dropFirst().compactMap { Double($0) }
let fingers = arguments.count > 0 ? Int(arguments[0]) : 1_000_000
let probes = arguments.count > 1 ? Int(arguments[1]) : 200
var settings = FingerSearchSettings()
if arguments.count > 2 { settings.summaryCylinders = Int(arguments[2]) }
if arguments.count > 3 { settings.window = Float(arguments[3]) }
if arguments.count > 4 { settings.penetration = arguments[4] }
let generator = FingerGenerator()

func impression(_ finger: Int, _ index: Int) -> FingerTemplate {
    FingerTemplate(generator.impression(of: generator.master(seed: UInt64(finger)), seed: UInt64(finger), index: index))
}

// The gallery's templates, extracted on all cores.
let start = Date()
let buffer = UnsafeMutableBufferPointer<FingerTemplate?>.allocate(capacity: fingers)
buffer.initialize(repeating: nil)
nonisolated(unsafe) let slots = buffer
let chunk = 1_000
DispatchQueue.concurrentPerform(iterations: (fingers + chunk - 1) / chunk) { c in
    for f in (c * chunk)..<min(fingers, (c + 1) * chunk) { slots[f] = impression(f, 0) }
}
var gallery = FingerGallery<Int32>(settings: settings)
var templateBytes = 0
for f in 0..<fingers {
    let t = slots[f]!
    templateBytes += t.bits.count * 8 + t.count * 12
    gallery.insert(Int32(f), t)
    slots[f] = nil
}
buffer.deallocate()
print(
    String(
        format: "gallery: %d fingers, built in %.0f s; memory per finger: filter %d B, full MCC8b template %d B",
        fingers, Date().timeIntervalSince(start), gallery.summaryBytes, templateBytes / fingers))

// Hit rate of the filter alone: where the mate ranks among all fingers by the filter's score.
let shares = [0.001, 0.01, 0.05, 0.1]
let probeFingers = (0..<probes).map { ($0 * 7919 + 13) % fingers }
let probeTemplates = probeFingers.map { impression($0, 1) }
var ranks: [Int] = []
for (f, probe) in zip(probeFingers, probeTemplates) {
    let ranked = gallery.candidates(probe, keep: max(1, Int(Double(fingers) * shares.last!)))
    ranks.append(ranked.firstIndex { $0.id == Int32(f) } ?? Int.max)
}
for share in shares {
    let hits = ranks.filter { $0 < max(1, Int(Double(fingers) * share)) }.count
    print(String(format: "filter hit rate at penetration %5.1f %%: %.3f", share * 100, Double(hits) / Double(probes)))
}

// Whole searches at the configured penetration rate.
let penetration = max(Double(gallery.settings.minimumCandidates) / Double(fingers), gallery.settings.penetration)
var latencies: [Double] = []
var filtering = 0.0
var found = 0
var first = 0
for (f, probe) in zip(probeFingers, probeTemplates) {
    let t0 = Date()
    _ = gallery.candidates(probe, keep: Int((penetration * Double(fingers)).rounded(.up)))
    filtering += Date().timeIntervalSince(t0)
    let t1 = Date()
    let result = gallery.search(probe)
    latencies.append(Date().timeIntervalSince(t1))
    if result.contains(where: { $0.id == Int32(f) }) { found += 1 }
    if result.first?.id == Int32(f) { first += 1 }
}
latencies.sort()
print(String(format: "filter alone: mean %.0f ms", filtering / Double(probes) * 1000))
print(
    String(
        format:
            "search (filter + full comparison of %.1f %% of the gallery): mean %.0f ms, median %.0f ms, p95 %.0f ms; goal under 1,000 ms",
        min(1, penetration) * 100, latencies.reduce(0, +) / Double(probes) * 1000, latencies[probes / 2] * 1000,
        latencies[min(probes - 1, probes * 95 / 100)] * 1000))
print(
    String(
        format: "hit rate (mate among the candidates): %.3f; rank-1 identification rate: %.3f",
        Double(found) / Double(probes), Double(first) / Double(probes)))
