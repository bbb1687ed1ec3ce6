/// Reads the machine readable zone of a travel document or visa (ICAO Doc 9303, eighth
/// edition, Parts 3-7): every field, every check digit, each error with its place.
public enum MRZParser {
    /// Reads the lines of a zone (surrounding blanks ignored). A text that is not a zone at all
    /// throws; a zone with wrong check digits, unknown codes or impossible dates is returned
    /// with its `errors`. `currentYear` places the two-digit years in their century, to tell a
    /// document that expires before its holder was born.
    public static func parse(_ lines: [String], currentYear: Int) throws(MRZParseError) -> MachineReadableZone {
        let rows = lines.map { Array($0.utf8).trimmingBlanks() }.filter { !$0.isEmpty }
        guard rows.count == 2 || rows.count == 3 else { throw .layout(lines: rows.map(\.count)) }
        for (i, row) in rows.enumerated() where row.count != rows[0].count {
            throw .lineLength(line: i + 1, length: row.count, expected: rows[0].count)
        }
        guard let format = MRZFormat.detect(rows) else { throw .layout(lines: rows.map(\.count)) }
        for (i, row) in rows.enumerated() {
            if let j = row.firstIndex(where: { !$0.isMRZCharacter }) {
                let found = String(decoding: rows[i][j...].prefix(4), as: UTF8.self).prefix(1)
                throw .character(line: i + 1, column: j + 1, found: String(found))
            }
        }
        var reader = Reader(rows: rows, format: format)
        return reader.read(currentYear: currentYear)
    }

    /// The check digit of Doc 9303 Part 3, 4.9: weights 7, 3, 1 repeating; `0`-`9` count as
    /// themselves, `A`-`Z` as 10-35, the filler `<` as 0; the sum modulo 10.
    public static func checkDigit(_ characters: some Sequence<UInt8>) -> UInt8 {
        var sum = 0
        for (i, c) in characters.enumerated() {
            let value: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(c - UInt8(ascii: "A")) + 10
            default: value = 0
            }
            sum += value * [7, 3, 1][i % 3]
        }
        return UInt8(ascii: "0") + UInt8(sum % 10)
    }
}

/// One pass over the rows of a zone whose shape is known.
private struct Reader {
    let rows: [[UInt8]]
    let format: MRZFormat
    var errors: [MRZError] = []
    var checks: [MachineReadableZone.CheckDigitResult] = []

    init(rows: [[UInt8]], format: MRZFormat) {
        self.rows = rows
        self.format = format
    }

    mutating func read(currentYear: Int) -> MachineReadableZone {
        let code = text(0, 0, 2)
        if !format.allowsDocumentCode(code) {
            error(
                0, 0, "documentCode", "document code \"\(code)\" is not one of a \(format.rawValue) zone", found: code)
        }
        let state = country(0, 2, "issuingState")
        var fields: MachineReadableZone.Fields
        switch format {
        case .td1:
            // Line 1: number 5-13, check 14, optional 15-29; line 2: birth 0-6, sex 7, expiry
            // 8-14, nationality 15-17, optional 18-28, composite 29; line 3: name.
            let (number, optional) = documentNumber(line: 0, at: 5, optional: 15..<30)
            fields = .init(
                documentCode: code, issuingState: state, primaryIdentifier: "", secondaryIdentifier: "",
                nameMayBeTruncated: false, documentNumber: number, nationality: country(1, 15, "nationality"),
                dateOfBirth: date(1, 0, "dateOfBirth", unknownAllowed: true), sex: sex(1, 7),
                dateOfExpiry: date(1, 8, "dateOfExpiry", unknownAllowed: false), optionalData: optional,
                optionalData2: text(1, 18, 11))
            name(&fields, line: 2, from: 0)
            check("dateOfBirth", [(1, 0..<6)], at: (1, 6))
            check("dateOfExpiry", [(1, 8..<14)], at: (1, 14))
            check("composite", [(0, 5..<30), (1, 0..<7), (1, 8..<15), (1, 18..<29)], at: (1, 29))
        case .td2, .td3, .mrvA, .mrvB:
            // Line 2: number 0-8, check 9, nationality 10-12, birth 13-19, sex 20, expiry 21-27,
            // then the optional data (personal number with its check in a TD3) and a composite
            // check digit (TD2, TD3).
            let length = format.lineLength
            let composite = format == .td2 || format == .td3
            let optionalEnd = length - (composite ? 1 : 0) - (format == .td3 ? 1 : 0)
            let (number, optional) =
                format == .td2
                ? documentNumber(line: 1, at: 0, optional: 28..<optionalEnd)
                : (text(1, 0, 9), text(1, 28, optionalEnd - 28))
            if format != .td2 { check("documentNumber", [(1, 0..<9)], at: (1, 9)) }
            fields = .init(
                documentCode: code, issuingState: state, primaryIdentifier: "", secondaryIdentifier: "",
                nameMayBeTruncated: false, documentNumber: number, nationality: country(1, 10, "nationality"),
                dateOfBirth: date(1, 13, "dateOfBirth", unknownAllowed: true), sex: sex(1, 20),
                dateOfExpiry: date(1, 21, "dateOfExpiry", unknownAllowed: false), optionalData: optional,
                optionalData2: nil)
            name(&fields, line: 0, from: 5)
            check("dateOfBirth", [(1, 13..<19)], at: (1, 19))
            check("dateOfExpiry", [(1, 21..<27)], at: (1, 27))
            if format == .td3 {
                // An unused personal number may carry 0 or < as its check digit (Part 4, 4.2.2.2).
                let empty = rows[1][28..<42].allSatisfy { $0 == .filler }
                if empty, rows[1][42] == .filler {
                    checks.append(.init(field: "optionalData", line: 2, column: 43, expected: "<", found: "<"))
                } else {
                    check("optionalData", [(1, 28..<42)], at: (1, 42))
                }
            }
            if composite {
                check("composite", [(1, 0..<10), (1, 13..<20), (1, 21..<(length - 1))], at: (1, length - 1))
            }
        }
        let numberPlace = format == .td1 ? (0, 5) : (1, 0)
        if fields.documentNumber.isEmpty || rows[numberPlace.0][numberPlace.1] == .filler {
            error(numberPlace.0, numberPlace.1, "documentNumber", "the document number is empty or starts with <")
        }
        let datesRead = !errors.contains { $0.field.hasPrefix("date") && $0.expected == nil }
        if datesRead, let birth = fields.birthDate(currentYear: currentYear),
            let expiry = fields.expiryDate(currentYear: currentYear), !birth.contains("X"), expiry < birth
        {
            let place = format == .td1 ? (1, 8) : (1, 21)
            error(
                place.0, place.1, "dateOfExpiry",
                "the document expires (\(expiry)) before its holder was born (\(birth))")
        }
        checks.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return MachineReadableZone(format: format, fields: fields, checks: checks, errors: errors)
    }

    // MARK: Fields

    /// The characters of a field with the fillers at both ends removed.
    func text(_ line: Int, _ start: Int, _ length: Int) -> String {
        String(decoding: rows[line][start..<(start + length)].trimmingFillers(), as: UTF8.self)
    }

    mutating func error(
        _ line: Int, _ column: Int, _ field: String, _ message: String, expected: String? = nil, found: String? = nil
    ) {
        errors.append(
            MRZError(
                line: line + 1, column: column + 1, field: field, message: message, expected: expected, found: found)
        )
    }

    /// Verifies the check digit at `position` over the given ranges, in order.
    mutating func check(_ field: String, _ ranges: [(Int, Range<Int>)], at position: (Int, Int)) {
        let digit = MRZParser.checkDigit(ranges.flatMap { rows[$0.0][$0.1] })
        record(field, expected: digit, found: rows[position.0][position.1], at: position)
    }

    mutating func record(_ field: String, expected: UInt8, found: UInt8, at position: (Int, Int)) {
        let result = MachineReadableZone.CheckDigitResult(
            field: field, line: position.0 + 1, column: position.1 + 1,
            expected: String(UnicodeScalar(expected)), found: String(UnicodeScalar(found)))
        checks.append(result)
        if !result.ok {
            error(
                position.0, position.1, field, "check digit is \(result.found); the data give \(result.expected)",
                expected: result.expected, found: result.found)
        }
    }

    /// The document number and what is left of the optional data. A number longer than 9
    /// characters puts `<` in the check-digit place and continues in the optional data, its
    /// check digit last before a filler (Doc 9303 Part 5, 4.2.4 note j; Part 6, 4.2.4 note j).
    mutating func documentNumber(line: Int, at start: Int, optional: Range<Int>) -> (String, String) {
        let row = rows[line]
        let principal = row[start..<(start + 9)]
        let checkPlace = start + 9
        let run = row[optional].prefix { $0 != .filler }
        if row[checkPlace] == .filler, principal.last != .filler, run.count >= 2 {
            let number = Array(principal) + run.dropLast()
            let place = optional.lowerBound + run.count - 1
            record(
                "documentNumber", expected: MRZParser.checkDigit(number), found: row[place], at: (line, place))
            let rest = row[(place + 1)..<optional.upperBound].trimmingFillers()
            return (String(decoding: number, as: UTF8.self), String(decoding: rest, as: UTF8.self))
        }
        check("documentNumber", [(line, start..<(start + 9))], at: (line, checkPlace))
        return (text(line, start, 9), text(line, optional.lowerBound, optional.count))
    }

    mutating func country(_ line: Int, _ start: Int, _ field: String) -> String {
        let code = text(line, start, 3)
        if !ICAOCodes.isKnown(code) {
            error(
                line, start, field, "\"\(code)\" is not a country or organisation code of Doc 9303 Part 3", found: code)
        }
        return code
    }

    /// `YYMMDD`; in a date of birth an unknown day, or month and day, or the whole date may be
    /// fillers (Doc 9303 Part 3, 4.6.1 reading of "unknown" dates).
    mutating func date(_ line: Int, _ start: Int, _ field: String, unknownAllowed: Bool) -> String {
        let raw = rows[line][start..<(start + 6)]
        let value = String(decoding: raw, as: UTF8.self)
        let parts = [0, 2, 4].map { Array(raw.dropFirst($0).prefix(2)) }
        let numbers = parts.map { part -> Int? in
            guard part.allSatisfy(\.isDigit) else { return nil }
            return Int(part[0] - 48) * 10 + Int(part[1] - 48)
        }
        let fillers = parts.map { $0.allSatisfy { $0 == .filler } }
        let shapeOK =
            zip(numbers, fillers).allSatisfy { $0 != nil || $1 }
            && (numbers[0] != nil || fillers.allSatisfy { $0 }) && (numbers[1] != nil || fillers[2])
        guard shapeOK, unknownAllowed || !fillers.contains(true) else {
            error(line, start, field, "\"\(value)\" is not a date YYMMDD", found: value)
            return value
        }
        if let month = numbers[1], !(1...12).contains(month) {
            error(line, start + 2, field, "month \(month) does not exist", found: value)
        } else if let day = numbers[2], let month = numbers[1], let year = numbers[0] {
            // Two-digit years: a 29 February needs a year divisible by 4 (2000 was a leap year,
            // and 1900 lies outside any living holder's birth date).
            let days = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            if !(1...days).contains(day) {
                error(line, start + 4, field, "day \(day) does not exist in month \(month)", found: value)
            }
        }
        return value
    }

    mutating func sex(_ line: Int, _ column: Int) -> String {
        let c = rows[line][column]
        guard [UInt8(ascii: "M"), UInt8(ascii: "F"), UInt8(ascii: "X"), .filler].contains(c) else {
            error(line, column, "sex", "sex must be M, F, X or <", found: String(UnicodeScalar(c)))
            return String(UnicodeScalar(c))
        }
        return c == .filler ? "" : String(UnicodeScalar(c))
    }

    /// Primary and secondary identifiers, split at the first `<<` (Doc 9303 Part 3, 4.6).
    mutating func name(_ fields: inout MachineReadableZone.Fields, line: Int, from start: Int) {
        let raw = Array(rows[line][start...])
        if raw.contains(where: \.isDigit) {
            error(line, start, "name", "the name holds a digit")
        }
        var split = raw.count
        for i in 0..<(raw.count - 1) where raw[i] == .filler && raw[i + 1] == .filler {
            split = i
            break
        }
        func words(_ part: ArraySlice<UInt8>) -> String {
            part.split(separator: .filler).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        fields.primaryIdentifier = words(raw[..<split])
        fields.secondaryIdentifier = split < raw.count ? words(raw[(split + 2)...]) : ""
        // Components are separated by one filler, the two identifiers by two (Part 3, 4.6).
        let secondary = split < raw.count ? Array(raw[(split + 2)...].trimmingFillers()) : []
        if raw.first == .filler || secondary.first == .filler
            || zip(secondary, secondary.dropFirst()).contains(where: { $0 == .filler && $1 == .filler })
        {
            error(line, start, "name", "the name has a component that starts with < or more than two identifiers")
        }
        fields.nameMayBeTruncated = raw.last != .filler
        if fields.primaryIdentifier.isEmpty {
            error(line, start, "name", "the primary identifier (family name) is empty")
        }
    }
}

extension UInt8 {
    fileprivate static let filler = UInt8(ascii: "<")
    fileprivate var isDigit: Bool { (48...57).contains(self) }
    fileprivate var isMRZCharacter: Bool {
        isDigit || (65...90).contains(self) || self == .filler
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func trimmingFillers() -> ArraySlice<UInt8> {
        let head = drop { $0 == .filler }
        var tail = head
        while tail.last == .filler { tail = tail.dropLast() }
        return tail
    }
}

extension Array where Element == UInt8 {
    fileprivate func trimmingBlanks() -> [UInt8] {
        let blank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 13 }
        return Array(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
