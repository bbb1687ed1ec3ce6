/// A date of birth as registries hold it: any part may be unknown (`1990-00-00`, `1990-XX-XX`).
public struct PartialDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int?, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, with `00` or `XX` for unknown parts; nil for
    /// anything else (an impossible month or day is an error, not an unknown).
    public init?(_ text: String) {
        // YYYYMMDD, as some registries (and FEBRL) write it.
        let compact = text.count == 8 && text.allSatisfy(\.isNumber)
        let normalized = compact ? "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))" : text
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count) else { return nil }
        func part(_ s: String, _ range: ClosedRange<Int>) -> Int?? {
            if s.uppercased().allSatisfy({ $0 == "X" }) || s.allSatisfy({ $0 == "0" }) { return .some(nil) }
            guard let n = Int(s), range.contains(n) else { return nil }
            return .some(n)
        }
        guard parts[0].count == 4, let y = part(parts[0], 1850...2200) else { return nil }
        var m: Int?? = .some(nil)
        var d: Int?? = .some(nil)
        if parts.count > 1 {
            guard parts[1].count == 2, let parsed = part(parts[1], 1...12) else { return nil }
            m = parsed
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let parsed = part(parts[2], 1...31) else { return nil }
            d = parsed
        }
        self.init(year: y!, month: m!, day: d!)
    }

    /// 1 January and 1 July are what many registries write when only the year is known.
    public var isPlaceholder: Bool { (month == 1 && day == 1) || (month == 7 && day == 1) }

    public var isComplete: Bool { year != nil && month != nil && day != nil }

    public var description: String {
        func pad(_ n: Int?, _ width: Int) -> String {
            guard let n else { return String(repeating: "X", count: width) }
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// How two dates of birth agree, best level first.
public enum DateAgreement: Int, Sendable, CaseIterable, Codable {
    case exact = 0
    /// Day and month swapped (03-07 vs 07-03), a common data-entry error.
    case transposed
    /// Same day and month, year one apart.
    case yearOff
    /// One side a placeholder (1 January, 1 July) or partly unknown, consistent with the other.
    case partial
    /// Same year and month, another day: usually two people, sometimes a typing error.
    case sameMonth
    case different
    /// One side unknown: no evidence either way.
    case missing

    public static func compare(_ a: PartialDate?, _ b: PartialDate?) -> DateAgreement {
        guard let a, let b, let ya = a.year, let yb = b.year else { return .missing }
        if a.isComplete, b.isComplete {
            if a == b { return a.isPlaceholder ? .partial : .exact }
            if ya == yb, a.month == b.day, a.day == b.month { return .transposed }
            if abs(ya - yb) == 1, a.month == b.month, a.day == b.day, !a.isPlaceholder { return .yearOff }
            if ya == yb, a.isPlaceholder || b.isPlaceholder { return .partial }
            if ya == yb, a.month == b.month { return .sameMonth }
            return .different
        }
        // Partly unknown: consistent on every known part?
        let consistent =
            ya == yb && (a.month == nil || b.month == nil || a.month == b.month)
            && (a.day == nil || b.day == nil || a.day == b.day)
        return consistent ? .partial : .different
    }
}
