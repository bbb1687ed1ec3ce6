// 1:N biographic identification at registry scale: insert N synthetic persons' records into
// the incremental index, then time single identification queries (a later registration of a
// known person, under another spelling). Prints insert throughput, p50/p99 query latency,
// hit rate at rank 1, and resident memory per million records.
//
//   swift build -c release --product identity-benchmark && .build/release/identity-benchmark [persons]
import Foundation
import PactumIdentity

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

let persons = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
var generator = PopulationGenerator(persons: persons, seed: 2026)
generator.duplicateShare = 0.3
let generated = try generator.generate()
// The registry holds each person's first record; the later registrations are the queries.
var seen = Set<String>()
var registry: [IdentityRecord] = []
var queries: [(record: IdentityRecord, person: String)] = []
for g in generated {
    if seen.insert(g.personID).inserted { registry.append(g.record) } else { queries.append((g.record, g.personID)) }
}
let personOf = Dictionary(uniqueKeysWithValues: generated.map { ($0.record.id, $0.personID) })
let before = residentMegabytes()

// Insert: prepare and index every record, one at a time, as registrations arrive.
var index = IdentityIndex(model: .initial)
let insertStart = ContinuousClock.now
for record in registry { index.insert(PreparedRecord(record)) }
let insertTime = ContinuousClock.now - insertStart
let after = residentMegabytes()

// Fit the model once on a sample (what the registry does at start), then query.
var options = Linker.Options()
options.randomPairs = 50_000
let sample = Array(registry.prefix(100_000)).map(PreparedRecord.init)
var sampleIndex = IdentityIndex(model: .initial)
for record in sample { sampleIndex.insert(record) }
index.update(model: Linker.fit(sample, index: sampleIndex, options: options))

let measured = Array(queries.prefix(20_000))
var latencies: [Double] = []
latencies.reserveCapacity(measured.count)
var hits = 0
for (record, person) in measured {
    let start = ContinuousClock.now
    let found = index.search(PreparedRecord(record), limit: 10)
    let elapsed = ContinuousClock.now - start
    latencies.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    if let top = found.first, personOf[top.id] == person { hits += 1 }
}
latencies.sort()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
let sorted = latencies
func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }

print(
    "1:N biographic identification, \(registry.count) persons indexed, \(measured.count) queries (later registrations)")
print(
    String(
        format: "  insert:  %.1f s, %.0f records/s (goal > 20,000/s)", seconds(insertTime),
        Double(registry.count) / seconds(insertTime)))
print(
    String(
        format: "  query:   p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 < 20 ms, one core)", percentile(0.5),
        percentile(0.99), latencies.last ?? 0))
print(String(format: "  rank-1 hit rate: %.4f", Double(hits) / Double(measured.count)))
print(
    String(
        format: "  memory:  %.0f MB resident for the index and records, %.0f MB per million records", after - before,
        (after - before) / Double(registry.count) * 1_000_000))
