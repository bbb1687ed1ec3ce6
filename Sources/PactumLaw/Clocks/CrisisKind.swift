/// The situations of the Crisis and Force Majeure Regulation, each with its own derogations.
public enum CrisisKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// CFM Art 1(4)(a): an exceptional situation of mass arrivals.
    case massArrival = "mass-arrival"
    /// CFM Art 1(4)(b): instrumentalisation of migrants by a third country or hostile actor.
    case instrumentalisation
    /// CFM Art 1(5): force majeure.
    case forceMajeure = "force-majeure"

    /// The CFM applies from 1 July 2026 (CFM Art 20): no crisis derogation runs earlier.
    public static let appliesFrom = CivilDate(year: 2026, month: 7, day: 1)!

    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
