/// A reference figure for one state, with its source.
public struct StateFigure: Sendable, Codable, Equatable {
    public var state: MemberState
    public var value: Double

    public init(state: MemberState, value: Double) {
        self.state = state
        self.value = value
    }
}

/// A set of figures for the states, with the date and the source they come from.
public struct FigureTable: Sendable, Codable, Equatable {
    public var name: String
    public var referenceDate: String
    public var source: String
    public var figures: [StateFigure]

    public init(name: String, referenceDate: String, source: String, figures: [StateFigure]) {
        self.name = name
        self.referenceDate = referenceDate
        self.source = source
        self.figures = figures
    }

    public func value(of state: MemberState) -> Double? { figures.first { $0.state == state }?.value }

    /// Reads `state,value,...` rows (a header first; `#` lines are comments). The source and
    /// date are the operator's to state.
    public static func parse(csv text: String, name: String, referenceDate: String, source: String) throws
        -> FigureTable
    {
        var figures: [StateFigure] = []
        var errors: [FactError] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated()
        where index > 0 && !line.hasPrefix("#") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 2, let state = MemberState(code: String(fields[0])) else {
                errors.append(.init(field: "line \(index + 1)", message: "does not start with a Member State code"))
                continue
            }
            guard let value = Double(fields[1]), value >= 0 else {
                errors.append(.init(field: "line \(index + 1)", message: "\(fields[1]) is not a number 0 or more"))
                continue
            }
            figures.append(StateFigure(state: state, value: value))
        }
        if figures.isEmpty, errors.isEmpty { errors.append(.init(field: "file", message: "has no rows")) }
        guard errors.isEmpty else { throw InvalidFacts(errors: errors) }
        return FigureTable(name: name, referenceDate: referenceDate, source: source, figures: figures)
    }
}

extension FigureTable {
    /// Population on 1 January 2025: Eurostat demo_gind (April 2026 vintage) for the EU-27;
    /// national statistical offices for IS, LI, NO, CH. From shared/data/population.csv, whose
    /// README gives every source and the vintage warning.
    public static let population2025 = FigureTable(
        name: "population", referenceDate: "2025-01-01",
        source:
            "Eurostat demo_gind indic_de=JAN time=2025 (EU-27, April 2026 vintage); Statistics Iceland, Amt fuer Statistik Liechtenstein, Statistics Norway, Swiss Federal Council (IS, LI, NO, CH)",
        figures: [
            .init(state: .AT, value: 9197213),
            .init(state: .BE, value: 11883495),
            .init(state: .BG, value: 6437360),
            .init(state: .HR, value: 3874350),
            .init(state: .CY, value: 982966),
            .init(state: .CZ, value: 10909500),
            .init(state: .DK, value: 5992734),
            .init(state: .EE, value: 1369995),
            .init(state: .FI, value: 5635971),
            .init(state: .FR, value: 68882600),
            .init(state: .DE, value: 83577140),
            .init(state: .GR, value: 10372335),
            .init(state: .HU, value: 9539502),
            .init(state: .IE, value: 5440278),
            .init(state: .IT, value: 58943464),
            .init(state: .LV, value: 1860565),
            .init(state: .LT, value: 2890664),
            .init(state: .LU, value: 681973),
            .init(state: .MT, value: 574250),
            .init(state: .NL, value: 18044027),
            .init(state: .PL, value: 36497495),
            .init(state: .PT, value: 10749635),
            .init(state: .RO, value: 19043151),
            .init(state: .SK, value: 5419451),
            .init(state: .SI, value: 2130850),
            .init(state: .ES, value: 49128297),
            .init(state: .SE, value: 10587710),
            .init(state: .IS, value: 389444),
            .init(state: .LI, value: 40886),
            .init(state: .NO, value: 5594340),
            .init(state: .CH, value: 9051029),
        ])

    /// GDP 2024 at current prices (Eurostat nama_10_gdp, B1GQ, CP_MEUR) is not committed: no
    /// public copy of the table was found (shared/data/README.md). Operators load it from a CSV.
    public static let gdpMissingReason =
        "GDP 2024 (Eurostat nama_10_gdp, B1GQ, CP_MEUR) is not committed: no public copy was found. Load it from a CSV with columns state,gdp_million_eur and name its source."
}
