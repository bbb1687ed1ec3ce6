/// Every field of a machine readable zone as printed (fillers `<` removed at the ends, inner
/// fillers of the name as spaces), with the verdict of each check digit and each error found.
public struct MachineReadableZone: Sendable, Codable, Equatable {
    /// The layout.
    public var format: MRZFormat
    /// The fields.
    public var fields: Fields
    /// Each check digit of the layout, in the order it is printed.
    public var checks: [CheckDigitResult]
    /// What is wrong, each with its place in the zone; empty when the zone is valid.
    public var errors: [MRZError]
    /// Whether every check digit agrees and every field is well formed: no `errors`.
    public var valid: Bool

    public init(format: MRZFormat, fields: Fields, checks: [CheckDigitResult], errors: [MRZError]) {
        self.format = format
        self.fields = fields
        self.checks = checks
        self.errors = errors
        self.valid = errors.isEmpty
    }

    /// The fields of the zone (Doc 9303 Parts 4-7, section 4.2.2 of each).
    public struct Fields: Sendable, Codable, Equatable {
        /// `P`, `PO`, `I`, `ID`, `AC`, `V`, … (fillers removed).
        public var documentCode: String
        /// Issuing state or organisation (`D` for Germany, `EUE`, `UNO`, …).
        public var issuingState: String
        /// Primary identifier: the family name(s).
        public var primaryIdentifier: String
        /// Secondary identifier: the given name(s), space-separated.
        public var secondaryIdentifier: String
        /// Whether the name fills its field to the last character, so may be truncated.
        public var nameMayBeTruncated: Bool
        /// The document number, including the part a TD1 or TD2 carries in the optional data
        /// when it is longer than 9 characters.
        public var documentNumber: String
        /// Nationality (`XXA` stateless, `XXB`/`XXC` refugee, `XXX` unspecified, …).
        public var nationality: String
        /// `YYMMDD` as printed; `<` marks an unknown part.
        public var dateOfBirth: String
        /// `M`, `F`, `X`, or empty when unspecified.
        public var sex: String
        /// `YYMMDD` as printed.
        public var dateOfExpiry: String
        /// Optional data of line 1 (TD1), the personal number (TD3), or the optional data of
        /// line 2 (TD2, MRV-A, MRV-B); without the part of a long document number.
        public var optionalData: String
        /// Optional data of line 2 of a TD1.
        public var optionalData2: String?
    }

    /// The verdict of one check digit.
    public struct CheckDigitResult: Sendable, Codable, Equatable {
        /// `documentNumber`, `dateOfBirth`, `dateOfExpiry`, `optionalData` (TD3 personal
        /// number) or `composite`.
        public var field: String
        /// 1-based line and column of the check digit.
        public var line: Int
        public var column: Int
        /// The digit the data give, and the character printed.
        public var expected: String
        public var found: String
        public var ok: Bool { expected == found }
    }
}

/// One thing wrong with a zone that could still be read, at its 1-based line and column.
public struct MRZError: Sendable, Codable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var field: String
    public var message: String
    /// For a check digit: the digit the data give.
    public var expected: String?
    /// What the zone holds there.
    public var found: String?

    public var description: String {
        "line \(line), column \(column) (\(field)): \(message)"
    }
}

/// Why a text cannot be read as a machine readable zone at all.
public enum MRZParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not 2 lines of 36 or 44, nor 3 lines of 30.
    case layout(lines: [Int])
    /// Lines of unequal length.
    case lineLength(line: Int, length: Int, expected: Int)
    /// A character outside `A`-`Z`, `0`-`9` and `<`.
    case character(line: Int, column: Int, found: String)

    public var description: String {
        switch self {
        case .layout(let lines):
            "not a machine readable zone: \(lines.count) lines of \(lines.map(String.init).joined(separator: ", ")) characters; expected 3 lines of 30 (TD1), 2 of 36 (TD2, MRV-B) or 2 of 44 (TD3, MRV-A)"
        case .lineLength(let line, let length, let expected):
            "line \(line) has \(length) characters; expected \(expected)"
        case .character(let line, let column, let found):
            "line \(line), column \(column): \"\(found)\" is not allowed; a zone holds only A-Z, 0-9 and <"
        }
    }
}

extension MachineReadableZone.Fields {
    /// The date of birth as `YYYY-MM-DD` with `XX` for unknown parts: the century is the one
    /// that puts the date in the past of `currentYear` (a zone gives two digits only).
    public func birthDate(currentYear: Int) -> String? {
        Self.iso(dateOfBirth) { yy in
            let year = 2000 + yy; return year > currentYear ? year - 100 : year
        }
    }

    /// The date of expiry as `YYYY-MM-DD`: within 50 years after `currentYear`, else the
    /// century before (a document expired long ago).
    public func expiryDate(currentYear: Int) -> String? {
        Self.iso(dateOfExpiry) { yy in
            let year = 2000 + yy; return year > currentYear + 50 ? year - 100 : year
        }
    }

    private static func iso(_ raw: String, year: (Int) -> Int) -> String? {
        let bytes = Array(raw.utf8)
        guard bytes.count == 6, let yy = Int(String(decoding: bytes[0..<2], as: UTF8.self)) else { return nil }
        func part(_ r: Range<Int>) -> String {
            let s = String(decoding: bytes[r], as: UTF8.self)
            return s.contains("<") ? "XX" : s
        }
        return "\(year(yy))-\(part(2..<4))-\(part(4..<6))"
    }
}
