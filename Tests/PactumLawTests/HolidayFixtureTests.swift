import Foundation
import PactumLaw
import Testing

/// Compares every computed holiday with the fixture generated from the PyPI package
/// `holidays` (Scripts/generate-holiday-fixture.py), for all 31 states and the subdivisions
/// of DE, AT and CH, 2024-2035.
@Suite("Holidays against the `holidays` fixture")
struct HolidayFixtureTests {
    struct Key: Hashable, CustomStringConvertible {
        var state: String
        var subdivision: String
        var year: Int
        var description: String { "\(subdivision.isEmpty ? state : subdivision) \(year)" }
    }

    /// Dates per state, subdivision and year, from the fixture.
    static func fixture() throws -> [Key: Set<String>] {
        let url = try #require(
            Bundle.module.url(forResource: "holidays-2024-2035", withExtension: "csv", subdirectory: "Fixtures"))
        var result: [Key: Set<String>] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst(2) {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            let key = Key(state: String(fields[0]), subdivision: String(fields[1]), year: Int(fields[2].prefix(4))!)
            result[key, default: []].insert(String(fields[2]))
        }
        return result
    }

    /// Subdivisions whose calendars are decreed yearly and not computed (see docs/LAW.md).
    static let notComputed: Set<String> = ["ES"]

    @Test("every state, every supported subdivision, every year 2024-2035 agrees date for date")
    func agreesWithFixture() throws {
        let fixture = try Self.fixture()
        var compared = 0
        var calendars: [String: HolidayCalendar] = [:]
        for (key, expected) in fixture.sorted(by: { $0.key.description < $1.key.description }) {
            let state = try #require(MemberState(code: key.state))
            if !key.subdivision.isEmpty, Self.notComputed.contains(key.state) { continue }
            let calendar =
                try calendars[key.state + key.subdivision]
                ?? HolidayCalendar(state: state, subdivision: key.subdivision.isEmpty ? nil : key.subdivision)
            calendars[key.state + key.subdivision] = calendar
            let ours = Set(try calendar.holidays(in: key.year).map(\.date))
            #expect(
                ours.subtracting(expected).isEmpty, "\(key): not in the fixture: \(ours.subtracting(expected).sorted())"
            )
            #expect(expected.subtracting(ours).isEmpty, "\(key): missing: \(expected.subtracting(ours).sorted())")
            compared += 1
        }
        // 31 states and 51 subdivisions (16 DE, 9 AT, 26 CH), 12 years each.
        #expect(compared == (31 + 51) * 12)
    }
}
