/// A first-instance recognition rate for one citizenship, with its definition and source.
public struct RecognitionRate: Sendable, Codable, Equatable {
    /// Which decisions count as positive.
    public enum Definition: String, Sendable, Codable, Hashable, CaseIterable {
        /// Eurostat, EU-27: refugee status + subsidiary protection + national humanitarian status.
        case eurostatInclHumanitarian = "eurostat-incl-humanitarian"
        /// EUAA, EU+ (EU-27, NO, CH): refugee status + subsidiary protection only.
        case euaaInternationalProtection = "euaa-international-protection"
    }

    public var citizenship: String
    public var year: Int
    /// Per cent, as published, decimals kept: 20.4 is above the 20 % of APR Art 42(1)(j).
    public var rate: Double
    public var definition: Definition
    public var source: String
}

extension RecognitionRate {
    private static let eurostat2024 =
        "Eurostat news release 'Asylum decisions in the EU', 25 Apr 2025, and Statistics Explained 'Asylum decisions - annual statistics' (data extracted 11 Apr 2025); EU-27"
    private static let euaa2025 =
        "EUAA Latest Asylum Trends - 2025 annual overview, section 'Recognition rates'; EU+; provisional EPS data"

    /// The committed table: `shared/data/recognition-rates.csv` of 26 November 2026. Only
    /// published figures; every other citizenship is missing and reported as missing.
    public static let published: [RecognitionRate] = [
        .init(citizenship: "SY", year: 2024, rate: 92, definition: .eurostatInclHumanitarian, source: eurostat2024),
        .init(citizenship: "VE", year: 2024, rate: 89, definition: .eurostatInclHumanitarian, source: eurostat2024),
        .init(citizenship: "AF", year: 2024, rate: 81, definition: .eurostatInclHumanitarian, source: eurostat2024),
        .init(citizenship: "BD", year: 2025, rate: 3, definition: .euaaInternationalProtection, source: euaa2025),
        .init(citizenship: "PK", year: 2025, rate: 12, definition: .euaaInternationalProtection, source: euaa2025),
    ]

    /// The latest published rate for a citizenship, if any.
    public static func latest(for citizenship: String, in table: [RecognitionRate] = published) -> RecognitionRate? {
        table.filter { $0.citizenship == citizenship.uppercased() }.max { $0.year < $1.year }
    }
}

/// The EU list of safe countries of origin (legal-rules.md §3.10, SC-11): Bangladesh,
/// Colombia, Egypt, India, Kosovo, Morocco, Tunisia. Candidate countries are designated too,
/// with exceptions the engine cannot check; they are not listed here.
public enum SafeCountriesOfOrigin {
    public static let euList: Set<String> = ["BD", "CO", "EG", "IN", "XK", "MA", "TN"]
    public static let citation =
        "EU list of safe countries of origin (COM(2025) 186, adopted 23 Feb 2026), applying from 12 June 2026"
}
