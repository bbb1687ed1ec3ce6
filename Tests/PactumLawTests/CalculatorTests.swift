import Foundation
import PactumLaw
import Testing

@Suite("Calculators: fair shares, offsets, border capacity, retention")
struct CalculatorTests {
    /// GDP figures for the tests only: round synthetic numbers, never shown as real data.
    static func syntheticGDP(_ states: [MemberState]) -> FigureTable {
        FigureTable(
            name: "gdp", referenceDate: "test", source: "synthetic test values",
            figures: states.enumerated().map { StateFigure(state: $1, value: Double(100_000 * ($0 + 1))) })
    }

    @Test("the committed population covers all 31 states and sums to the documented EU-27 total")
    func population() {
        let table = FigureTable.population2025
        #expect(table.figures.count == 31)
        let eu = FairShareTable.defaultStates.reduce(0) { $0 + table.value(of: $1)! }
        #expect(eu == 450_646_971)
        #expect(table.value(of: .DE) == 83_577_140)
    }

    @Test("SOL-5: the fair-share table sums to 100 % and follows 50 % population, 50 % GDP")
    func fairShare() throws {
        let states = FairShareTable.defaultStates
        let table = try FairShareTable.compute(
            population: .population2025, gdp: Self.syntheticGDP(states), states: states, relocations: 21_000,
            euro: 420_000_000)
        #expect(abs(table.totalShare - 100) < 1e-9)
        #expect(abs(table.rows.reduce(0) { $0 + $1.relocations! } - 21_000) < 1e-6)
        #expect(table.euroPerRelocation == 20_000)
        let de = try #require(table.rows.first { $0.state == "DE" })
        let expected =
            50 * 83_577_140 / 450_646_971.0 + 50 * de.gdpMillionEUR
            / Self.syntheticGDP(states).figures.reduce(0) { $0 + $1.value }
        #expect(abs(de.share - expected) < 1e-12)
    }

    @Test("SOL-5: a missing GDP figure is refused by name, never guessed")
    func fairShareMissingGDP() {
        let gdp = Self.syntheticGDP([.DE, .FR])
        #expect(throws: InvalidFacts(errors: [.init(field: "gdp", message: "no figure for IT")])) {
            try FairShareTable.compute(population: .population2025, gdp: gdp, states: [.DE, .FR, .IT])
        }
    }

    @Test("SOL-O1/O2: offsets with the 2026 reference of 21,000 relocations")
    func offsets() {
        // 60 % of 21,000 is 12,600, below 30,000: the floor is 30,000 (AMMR Art 63(3)).
        let low = OffsetAssessment.assess(
            proposedRelocations: 21_000, referenceRelocations: 21_000, pledgedRelocations: 9_000)
        #expect(low.mandatoryOffsetsTriggered && low.offsetCases == 21_000 && !low.voluntaryOffsetsAvailable)
        let half = OffsetAssessment.assess(
            proposedRelocations: 30_000, referenceRelocations: 60_000, pledgedRelocations: 36_000)
        #expect(!half.mandatoryOffsetsTriggered && half.voluntaryOffsetsAvailable && half.offsetCases == 0)
        let high = OffsetAssessment.assess(
            proposedRelocations: 60_000, referenceRelocations: 60_000, pledgedRelocations: 35_999)
        #expect(high.mandatoryOffsetsTriggered && high.offsetCases == 1)
    }

    @Test("CAP-3: the annual maximum is 2x from 12 June 2026, 3x from 13 June 2027, 4x from 13 June 2028")
    func multipliers() {
        #expect(BorderCapacity.multiplier(on: CivilDate(iso: "2026-06-12")!) == 2)
        #expect(BorderCapacity.multiplier(on: CivilDate(iso: "2027-06-12")!) == 2)
        #expect(BorderCapacity.multiplier(on: CivilDate(iso: "2027-06-13")!) == 3)
        #expect(BorderCapacity.multiplier(on: CivilDate(iso: "2028-06-13")!) == 4)
    }

    @Test("CAP-3: the multipliers reproduce the published annual maxima of Italy and Hungary (Decision 2024/2150)")
    func publishedMaxima() {
        // shared/data/border-capacity-2024-2150.csv: maxima 16,032 / 24,048 (IT) and 15,432 / 23,148 (HU).
        for (state, first, second) in [("IT", 16_032, 24_048), ("HU", 15_432, 23_148)] {
            let capacity = BorderCapacity.published2024_2150[state]!
            #expect(capacity * BorderCapacity.multiplier(on: CivilDate(iso: "2026-06-12")!) == first)
            #expect(capacity * BorderCapacity.multiplier(on: CivilDate(iso: "2027-06-13")!) == second)
        }
    }

    @Test("CAP-2: capacities share 30,000 in proportion to three-year arrivals")
    func capacity() throws {
        let arrivals = try FigureTable.parse(
            csv: "state,arrivals\nIT,300000\nGR,150000\nES,50000\n", name: "arrivals", referenceDate: "2021-2023",
            source: "test input")
        let result = try BorderCapacity.compute(arrivals: arrivals, on: CivilDate(iso: "2026-07-01")!)
        #expect(result.rows.map(\.adequateCapacity) == [18_000, 9_000, 3_000])
        #expect(result.rows.map(\.annualMaximum) == [36_000, 18_000, 6_000])
        #expect(throws: InvalidFacts.self) {
            try FigureTable.parse(csv: "state,arrivals\nUK,5\nIT,-1\n", name: "a", referenceDate: "", source: "")
        }
    }

    @Test("EDAC Art 29: retention by category, from the day of transmission")
    func retention() throws {
        #expect(try RetentionAnswer.compute(category: "applicant", from: "2026-07-01").erasureDate == "2036-07-01")
        #expect(
            try RetentionAnswer.compute(category: "irregular-crosser", from: "2028-02-29").erasureDate == "2033-02-28")
        #expect(
            try RetentionAnswer.compute(category: "resettlement-refused", from: "2026-07-01").erasureDate
                == "2029-07-01")
        #expect(try RetentionAnswer.compute(category: "admission-procedure", from: "2026-07-01").erasureDate == nil)
        #expect(
            try RetentionAnswer.compute(category: "national-asylum-file", from: "2026-07-01").citation.contains(
                "Art. 72"))
        #expect(throws: InvalidFacts.self) { try RetentionAnswer.compute(category: "tourist", from: "2026-13-01") }
    }
}
