/// The fields a Fellegi-Sunter model compares, and their agreement levels (best first; the
/// last level of each field is "missing", which carries no evidence).
public enum MatchField: String, Sendable, CaseIterable, Codable {
    case givenName, familyName, dateOfBirth, sex, nationality, placeOfBirth, documentNumber

    /// Names of the levels, for explanations.
    public var levels: [String] {
        switch self {
        case .givenName, .familyName:
            [
                "exact", "same phonetic key or Jaro-Winkler ≥ 0.95", "Jaro-Winkler ≥ 0.88", "Jaro-Winkler ≥ 0.75",
                "different", "missing",
            ]
        case .dateOfBirth:
            [
                "exact", "day and month transposed", "year one apart", "placeholder or unknown parts, consistent",
                "same year and month, another day", "different", "missing",
            ]
        case .sex, .nationality: ["equal", "different", "missing"]
        case .placeOfBirth: ["similar", "different", "missing"]
        case .documentNumber: ["equal", "one edit apart", "different", "missing"]
        }
    }

    public var missingLevel: Int { levels.count - 1 }

    /// The levels of an extra free-text attribute.
    public static let extraLevels = ["exact", "Jaro-Winkler ≥ 0.92", "Jaro-Winkler ≥ 0.8", "different", "missing"]
}

/// How a pair of records agrees on each field.
public struct ComparisonVector: Sendable, Hashable {
    /// One level per `MatchField.allCases`, in order, then one per extra attribute.
    public var levels: [UInt8]
    /// Whether the names were compared crosswise (given against family): swapped name order.
    public var namesSwapped: Bool

    public init(levels: [UInt8], namesSwapped: Bool) {
        self.levels = levels
        self.namesSwapped = namesSwapped
    }

    public subscript(field: MatchField) -> Int { Int(levels[MatchField.allCases.firstIndex(of: field)!]) }
}

/// Compares two prepared records field by field.
public enum Comparator {
    public static func compare(_ a: PreparedRecord, _ b: PreparedRecord) -> ComparisonVector {
        let straight = (nameLevel(a.given, b.given), nameLevel(a.family, b.family))
        // Swapped order is common (surname first in one registry): when the names disagree,
        // try the crosswise reading and keep the better one.
        var swapped = false
        var names = straight
        if straight.0 + straight.1 >= 4 {
            let crossed = (nameLevel(a.given, b.family), nameLevel(a.family, b.given))
            if crossed.0 + crossed.1 < straight.0 + straight.1, crossed.0 < 4, crossed.1 < 4 {
                swapped = true
                names = crossed
            }
        }
        return ComparisonVector(
            levels: [
                UInt8(names.0), UInt8(names.1), UInt8(DateAgreement.compare(a.dateOfBirth, b.dateOfBirth).rawValue),
                UInt8(equality(a.sex, b.sex)), UInt8(equality(a.nationality, b.nationality)),
                UInt8(placeLevel(a.placeOfBirth, b.placeOfBirth)),
                UInt8(documentLevel(a.documentNumber, b.documentNumber)),
            ] + zip(a.extra, b.extra).map { UInt8(extraLevel($0, $1)) }, namesSwapped: swapped)
    }

    static func extraLevel(_ a: String, _ b: String) -> Int {
        if a.isEmpty || b.isEmpty { return 4 }
        if a == b { return 0 }
        let similarity = StringSimilarity.jaroWinkler(a, b)
        return similarity >= 0.92 ? 1 : similarity >= 0.8 ? 2 : 3
    }

    static func nameLevel(_ a: NormalizedName, _ b: NormalizedName) -> Int {
        if a.isEmpty || b.isEmpty { return 5 }
        if a.tokens == b.tokens { return 0 }
        // Every phonetic key of the shorter name appears in the longer one.
        let (short, long) = a.keys.count <= b.keys.count ? (a.keys, b.keys) : (b.keys, a.keys)
        if short.allSatisfy({ long.contains($0) }) || a.compactKey == b.compactKey { return 1 }
        let similarity = StringSimilarity.tokenSimilarity(a.tokens, b.tokens)
        if similarity >= 0.95 { return 1 }
        if similarity >= 0.88 { return 2 }
        if similarity >= 0.75 { return 3 }
        return 4
    }

    static func equality(_ a: String?, _ b: String?) -> Int {
        guard let a, let b else { return 2 }
        return a == b ? 0 : 1
    }

    static func placeLevel(_ a: NormalizedName, _ b: NormalizedName) -> Int {
        if a.isEmpty || b.isEmpty { return 2 }
        return StringSimilarity.tokenSimilarity(a.tokens, b.tokens) >= 0.9 ? 0 : 1
    }

    static func documentLevel(_ a: String?, _ b: String?) -> Int {
        guard let a, let b else { return 3 }
        if a == b { return 0 }
        return StringSimilarity.editDistance(a, b) == 1 ? 1 : 2
    }
}
