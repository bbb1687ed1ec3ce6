// Computes 1,000,000 deadlines of the Pact's catalogue (every rule, every state, events spread
// over 2026-2035) and prints the time. Goal (issue 3): under 1 s in a release build.
//
//   swift build -c release --product law-benchmark && .build/release/law-benchmark
import Foundation
import PactumLaw

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let engine = DeadlineEngine()
let rules = ClockRule.catalogue
let states = MemberState.allCases
let firstDay = CivilDate(year: 2026, month: 7, day: 1)!.dayNumber

// Warm the calendars so that the timing measures deadlines, not the one-off holiday tables.
let warmStart = ContinuousClock.now
for state in states { _ = engine.calculator(for: state) }
let warm = ContinuousClock.now - warmStart

// The questions, fixed before timing: rule, state, event (a day, or an instant for hours).
var rng = SystemRandomNumberGenerator()
let questions: [(rule: ClockRule, state: MemberState, day: CivilDate)] = (0..<count).map { _ in
    (
        rules.randomElement(using: &rng)!, states.randomElement(using: &rng)!,
        CivilDate(dayNumber: firstDay + Int.random(in: 0..<3650, using: &rng))
    )
}

func run(explained: Bool) throws -> (Duration, Int) {
    var checksum = 0
    let start = ContinuousClock.now
    for question in questions {
        let calculator = engine.calculator(for: question.state)
        let end: PeriodEnd
        if question.rule.period.unit == .hours {
            end = try calculator.end(
                of: question.rule.period, from: calculator.startOfDay(question.day), regime: .general,
                explain: explained)
        } else {
            end = try calculator.end(
                of: question.rule.period, fromDay: question.day, regime: question.rule.regime, explain: explained)
        }
        checksum &+= end.lastDay.dayNumber
    }
    return (ContinuousClock.now - start, checksum)
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

let (plain, sum1) = try run(explained: false)
let (explained, sum2) = try run(explained: true)
precondition(sum1 == sum2, "the explained and the plain computation disagree")

print(
    "PactumLaw deadline benchmark (\(count) deadlines, \(rules.count) rules, \(states.count) states, events 2026-2035)")
print(String(format: "  calendars for 31 states, built once:   %8.1f ms", seconds(warm) * 1000))
print(
    String(
        format: "  deadlines, due date only:              %8.3f s  (%.0f ns each, %.1f M/s)", seconds(plain),
        seconds(plain) / Double(count) * 1e9, Double(count) / seconds(plain) / 1e6))
print(
    String(
        format: "  deadlines, with the written reasoning: %8.3f s  (%.0f ns each)", seconds(explained),
        seconds(explained) / Double(count) * 1e9))
print(
    String(
        format: "  goal: under 1 s for 1,000,000 -> %@",
        seconds(plain) * 1_000_000 / Double(count) < 1 ? "met" : "NOT met"))
