/// One state's fair share of the annual solidarity pool.
public struct FairShareRow: Sendable, Codable, Equatable {
    public var state: String
    public var population: Double
    public var gdpMillionEUR: Double
    /// Per cent, to four decimals as the Commission publishes it.
    public var share: Double
    public var relocations: Double?
    public var euro: Double?
}

/// The fair-share table (AMMR Art 66 and Annex I) with the pool amounts it implies.
public struct FairShareTable: Sendable, Codable, Equatable {
    public var rows: [FairShareRow]
    public var totalShare: Double
    public var relocations: Int?
    public var euro: Double?
    /// EUR per relocation implied by the pool (AMMR Art 12(3) keeps 600,000,000 / 30,000 = 20,000).
    public var euroPerRelocation: Double?
    public var citation: String
    public var sources: [String]

    /// Share = 50 % × population share + 50 % × GDP share, over the participating states.
    public static func compute(
        population: FigureTable, gdp: FigureTable, states: [MemberState], relocations: Int? = nil, euro: Double? = nil
    ) throws -> FairShareTable {
        var errors: [FactError] = []
        for state in states {
            if population.value(of: state) == nil {
                errors.append(.init(field: "population", message: "no figure for \(state.code)"))
            }
            if gdp.value(of: state) == nil {
                errors.append(.init(field: "gdp", message: "no figure for \(state.code)"))
            }
        }
        if let relocations, relocations < 0 {
            errors.append(.init(field: "relocations", message: "cannot be negative"))
        }
        if let euro, euro < 0 { errors.append(.init(field: "euro", message: "cannot be negative")) }
        if states.isEmpty { errors.append(.init(field: "states", message: "needs at least one participating state")) }
        guard errors.isEmpty else { throw InvalidFacts(errors: errors) }
        let totalPopulation = states.reduce(0) { $0 + population.value(of: $1)! }
        let totalGDP = states.reduce(0) { $0 + gdp.value(of: $1)! }
        let rows = states.map { state -> FairShareRow in
            let p = population.value(of: state)!
            let g = gdp.value(of: state)!
            let share = 50 * p / totalPopulation + 50 * g / totalGDP
            return FairShareRow(
                state: state.code, population: p, gdpMillionEUR: g, share: share,
                relocations: relocations.map { Double($0) * share / 100 }, euro: euro.map { $0 * share / 100 })
        }
        return FairShareTable(
            rows: rows, totalShare: rows.reduce(0) { $0 + $1.share }, relocations: relocations, euro: euro,
            euroPerRelocation: relocations.flatMap { r in euro.map { r > 0 ? $0 / Double(r) : 0 } },
            citation: "Regulation (EU) 2024/1351, Art. 66 and Annex I", sources: [population.source, gdp.source])
    }

    /// The states that take part in the solidarity pool: the 27 Member States (AMMR Part IV;
    /// the Dublin-associated states are not bound by it).
    public static let defaultStates = MemberState.allCases.filter { $0.membership == .europeanUnion }
}

/// Responsibility offsets (AMMR Art 63): whether they may or must be used.
public struct OffsetAssessment: Sendable, Codable, Equatable {
    /// Pledged relocations ≥ 50 % of the Commission's proposed number (Art 63(1)).
    public var voluntaryOffsetsAvailable: Bool
    /// Pledged relocations below 30,000 or below 60 % of the reference number (Art 63(3)).
    public var mandatoryOffsetsTriggered: Bool
    /// Dublin cases the contributors take over: max(30,000; 60 % of the reference) minus
    /// pledges, when triggered (legal-rules.md SOL-O2, the engine's reading).
    public var offsetCases: Int
    public var citation: String

    public static func assess(proposedRelocations: Int, referenceRelocations: Int, pledgedRelocations: Int)
        -> OffsetAssessment
    {
        let floor = max(30_000, Int((0.6 * Double(referenceRelocations)).rounded(.up)))
        let triggered = pledgedRelocations < floor
        return OffsetAssessment(
            voluntaryOffsetsAvailable: 2 * pledgedRelocations >= proposedRelocations,
            mandatoryOffsetsTriggered: triggered,
            offsetCases: triggered ? floor - pledgedRelocations : 0,
            citation: "Regulation (EU) 2024/1351, Art. 63(1)-(4)")
    }
}
