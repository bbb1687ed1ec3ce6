/// One state's adequate capacity for the asylum border procedure.
public struct BorderCapacityRow: Sendable, Codable, Equatable {
    public var state: String
    /// Irregular crossings + search-and-rescue arrivals + refusals of entry over three years.
    public var arrivals: Double
    public var adequateCapacity: Int
    public var annualMaximum: Int
}

/// APR Arts 46-47: the Union's adequate capacity of 30,000 shared in proportion to arrivals
/// over the previous three years, and the annual maximum as a multiple of it.
public struct BorderCapacity: Sendable, Codable, Equatable {
    public static let unionCapacity = 30_000

    public var rows: [BorderCapacityRow]
    public var multiplier: Int
    public var on: String
    public var citation: String
    public var source: String

    /// The multiple of the adequate capacity a state must examine in a year: 2 from 12 June
    /// 2026, 3 from 13 June 2027, 4 from 13 June 2028 (APR Art 47(1), 2nd subpara).
    public static func multiplier(on day: CivilDate) -> Int {
        if day >= CivilDate(year: 2028, month: 6, day: 13)! { return 4 }
        if day >= CivilDate(year: 2027, month: 6, day: 13)! { return 3 }
        return 2
    }

    /// Computes every state's capacity from its three-year arrivals. Capacities are rounded to
    /// the nearest person (the implementing decisions publish whole numbers).
    public static func compute(arrivals: FigureTable, on day: CivilDate) throws -> BorderCapacity {
        let total = arrivals.figures.reduce(0) { $0 + $1.value }
        guard total > 0 else {
            throw InvalidFacts(errors: [.init(field: "arrivals", message: "the Union total is zero")])
        }
        let multiplier = multiplier(on: day)
        let rows = arrivals.figures.map { figure -> BorderCapacityRow in
            let capacity = Int((Double(unionCapacity) * figure.value / total).rounded())
            return BorderCapacityRow(
                state: figure.state.code, arrivals: figure.value, adequateCapacity: capacity,
                annualMaximum: multiplier * capacity)
        }
        return BorderCapacity(
            rows: rows, multiplier: multiplier, on: day.description, citation: "Regulation (EU) 2024/1348, Arts 46-47",
            source: arrivals.source)
    }

    /// Capacities published for the first period (Commission Implementing Decision (EU)
    /// 2024/2150, applicable 12 June 2026 - 14 Oct 2027), as far as a source was found
    /// (shared/data/border-capacity-2024-2150.csv): Italy and Hungary only.
    public static let published2024_2150: [String: Int] = ["IT": 8016, "HU": 7716]
}

/// How long Eurodac (EDAC Art 29) or a national asylum file (APR Art 72) keeps data.
public struct RetentionAnswer: Sendable, Codable, Equatable {
    public var category: String
    public var from: String
    public var period: String?
    /// The day the retention period ends: data are erased automatically then (EDAC Art 29(10)).
    public var erasureDate: String?
    public var citation: String
    public var note: String?

    /// The categories, their periods and citations.
    public static let categories: [(id: String, period: Period?, citation: String, note: String?)] = [
        ("applicant", .years(10), "Regulation (EU) 2024/1358, Art. 29(1)", nil),
        (
            "admission-procedure", nil, "Regulation (EU) 2024/1358, Art. 29(2)",
            "Data of persons registered for an admission procedure are compared, never recorded."
        ),
        ("resettlement-granted", .years(5), "Regulation (EU) 2024/1358, Art. 29(3)", nil),
        ("resettlement-refused", .years(3), "Regulation (EU) 2024/1358, Art. 29(4)", nil),
        ("resettlement-discontinued", .years(3), "Regulation (EU) 2024/1358, Art. 29(4)", nil),
        ("national-resettlement", .years(5), "Regulation (EU) 2024/1358, Art. 29(5)", nil),
        ("irregular-crosser", .years(5), "Regulation (EU) 2024/1358, Art. 29(6)", nil),
        ("illegal-stayer", .years(5), "Regulation (EU) 2024/1358, Art. 29(7)", nil),
        ("sea-rescue", .years(5), "Regulation (EU) 2024/1358, Art. 29(8)", nil),
        (
            "temporary-protection", .years(1), "Regulation (EU) 2024/1358, Art. 29(9)",
            "One year from the Council implementing decision's entry into force, extended yearly while temporary protection lasts; applies from 12 June 2029."
        ),
        (
            "national-asylum-file", .years(10), "Regulation (EU) 2024/1348, Art. 72",
            "Counted from the final decision; erased earlier if the person becomes a citizen of a Member State."
        ),
    ]

    /// The erasure date of data transmitted (or, for national files, decided finally) on `from`.
    public static func compute(category: String, from: String) throws -> RetentionAnswer {
        var errors: [FactError] = []
        let entry = categories.first { $0.id == category }
        if entry == nil {
            errors.append(
                .init(field: "category", message: "must be one of: \(categories.map(\.id).joined(separator: ", "))"))
        }
        let day = CivilDate(iso: from)
        if day == nil { errors.append(.init(field: "from", message: "\(from) is not a date (YYYY-MM-DD)")) }
        guard errors.isEmpty, let entry, let day else { throw InvalidFacts(errors: errors) }
        // Retention is no procedural time limit: its end is not moved to a working day.
        let end = entry.period.map { day.adding(months: $0.amount * 12) }
        return RetentionAnswer(
            category: category, from: from, period: entry.period?.description, erasureDate: end?.description,
            citation: entry.citation, note: entry.note)
    }
}
