// 1,000,000 running legal clocks in one database: one scheduler sweep (with none due, and with
// 1,000 due, each lapse its own transaction with its audit entry), and a worklist page of 50 by
// time left (the first page, and one 10,000 deep), p50 and p99 over 200 pages each. On SQLite
// by default; on PostgreSQL when DATABASE_URL is set. Issue 14.
//
//   swift build -c release --product clock-benchmark && .build/release/clock-benchmark [clocks] [due]
//   DATABASE_URL=postgres://… .build/release/clock-benchmark
import Foundation
@_spi(Benchmarks) import PactumApp
import PactumLaw

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let count = arguments.first ?? 1_000_000
let due = arguments.dropFirst().first ?? 1_000
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pactum-clock-benchmark-\(getpid())")
var config = PactumConfiguration.fromEnvironment(dataDirectory: folder.path)
if config.databaseURL != nil {
    // A schema of its own, dropped afterwards, so that the benchmark never touches real data.
    config.postgresSchema = "clock_benchmark_\(getpid())"
}
let runtime = try await PactumRuntime.start(config)
let workload = ClockWorkload(runtime)

func ms(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}
func percentile(_ values: [Duration], _ p: Double) -> Double {
    let sorted = values.map(ms).sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

do {
    print("Storage: \(config.storageDescription)")
    let seeded = try await workload.seed(count: count, due: due)
    print("Seeded \(count) running clocks (\(due) past their limit) in \(String(format: "%.1f", ms(seeded) / 1000)) s")
    let (sweep, lapsed) = try await workload.sweep()
    print(
        "Sweep with \(due) due: \(String(format: "%.1f", ms(sweep))) ms, \(lapsed) lapsed "
            + "(\(String(format: "%.2f", ms(sweep) / Double(max(lapsed, 1)))) ms each)")
    let (idle, none) = try await workload.sweep()
    print("Sweep with none due: \(String(format: "%.2f", ms(idle))) ms (\(none) lapsed)")
    let states = MemberState.allCases
    for (name, offset) in [("first page", 0), ("page at 10,000", 10_000)] {
        var times: [Duration] = []
        for n in 0..<200 {
            // One state's worklist: a 31st of the clocks (32,258 at a million).
            times.append(try await workload.worklistPage(state: states[n % states.count], offset: offset))
        }
        print(
            "Worklist \(name) (50 clocks by time left, one state of \(count / states.count)): "
                + "p50 \(String(format: "%.2f", percentile(times, 0.5))) ms, p99 \(String(format: "%.2f", percentile(times, 0.99))) ms"
        )
    }
    try await workload.dropPostgresSchema()
    try await runtime.shutdown()
    try? FileManager.default.removeItem(at: folder)
} catch {
    try? await workload.dropPostgresSchema()
    try? await runtime.shutdown()
    try? FileManager.default.removeItem(at: folder)
    throw error
}
