import Foundation

/// One year's regional holidays as a region decrees them, loaded by an operator: Spain's
/// autonomous communities (and Portugal's autonomous regions) fix theirs by yearly decree, so
/// no rule can compute them ahead (docs/LAW.md, "Regional calendars").
public struct HolidayDecree: Sendable, Hashable, Codable {
    public var state: MemberState
    /// ISO 3166-2 code without the country prefix (`CN` for ES-CN).
    public var subdivision: String
    public var year: Int
    public var holidays: [Holiday]
    /// Where the operator took the days from (the official journal and the decree's number).
    public var source: String

    public enum DecreeError: Error, Equatable, CustomStringConvertible {
        case notDecreed(MemberState, String)
        case header
        case line(Int, String)
        case years
        case empty
        case noSource

        public var description: String {
            switch self {
            case .notDecreed(let state, let code):
                "\(state.code)-\(code) has no decreed regional calendar; decrees are loaded for: "
                    + state.decreedSubdivisionCodes.map { "\(state.code)-\($0)" }.joined(separator: ", ")
            case .header: "the first line must be the header date,name"
            case .line(let n, let text): "line \(n): \(text)"
            case .years: "every day of a decree must be in one year"
            case .empty: "the decree lists no day"
            case .noSource:
                "the decree must name its source in a line '# source: …' (the official journal and the decree)"
            }
        }
    }

    /// Reads a CSV of `date,name` rows: a `# source: …` line naming the decree, the header
    /// `date,name`, then one holiday per line (other `#` lines are comments).
    public init(csv: String, state: MemberState, subdivision: String) throws {
        var code = subdivision.uppercased()
        if code.hasPrefix(state.code + "-") { code = String(code.dropFirst(state.code.count + 1)) }
        guard state.decreedSubdivisionCodes.contains(code) else { throw DecreeError.notDecreed(state, code) }
        let lines = csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let source =
            lines.first { $0.lowercased().hasPrefix("# source:") }
            .map { $0.dropFirst("# source:".count).trimmingCharacters(in: .whitespaces) } ?? ""
        guard !source.isEmpty else { throw DecreeError.noSource }
        let rows = lines.enumerated().filter { !$0.element.isEmpty && !$0.element.hasPrefix("#") }
        guard rows.first?.element.lowercased() == "date,name" else { throw DecreeError.header }
        var holidays: [Holiday] = []
        for (i, line) in rows.dropFirst() {
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let day = CivilDate(iso: parts[0]), !parts[1].isEmpty else {
                throw DecreeError.line(i + 1, "expected YYYY-MM-DD,name")
            }
            guard HolidayCalendar.supportedYears.contains(day.year) else {
                throw DecreeError.line(i + 1, "\(day.year) is outside the supported years")
            }
            holidays.append(Holiday(date: day.description, name: parts[1]))
        }
        guard let first = holidays.first.flatMap({ CivilDate(iso: $0.date) }) else { throw DecreeError.empty }
        guard holidays.allSatisfy({ CivilDate(iso: $0.date)?.year == first.year }) else { throw DecreeError.years }
        self.state = state
        self.subdivision = code
        self.year = first.year
        self.holidays = holidays.sorted { $0.date < $1.date }
        self.source = source
    }
}

extension MemberState {
    /// Regions whose holidays are decreed year by year: accepted with a loaded decree only.
    /// ISO 3166-2:ES autonomous communities and cities; ISO 3166-2:PT autonomous regions.
    public var decreedSubdivisionCodes: [String] {
        switch self {
        case .ES:
            [
                "AN", "AR", "AS", "CB", "CE", "CL", "CM", "CN", "CT", "EX", "GA", "IB", "MC", "MD", "ML", "NC", "PV",
                "RI", "VC",
            ]
        case .PT: ["20", "30"]
        default: []
        }
    }

    /// The IANA zone of a subdivision where it differs from the capital's: the Canary Islands,
    /// the Azores and Madeira. A day counted by the law is that region's local day.
    public func timeZoneIdentifier(subdivision: String?) -> String {
        switch (self, subdivision?.uppercased()) {
        case (.ES, "CN"): "Atlantic/Canary"
        case (.PT, "20"): "Atlantic/Azores"
        case (.PT, "30"): "Atlantic/Madeira"
        default: timeZoneIdentifier
        }
    }
}
