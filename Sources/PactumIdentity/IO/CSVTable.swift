/// A CSV file read into memory (RFC 4180: quoted fields, doubled quotes; CRLF, LF or CR line
/// ends; a UTF-8 byte order mark is skipped).
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public enum CSVError: Error, Equatable, CustomStringConvertible {
        case empty
        case unterminatedQuote(line: Int)
        case wrongFieldCount(line: Int, expected: Int, found: Int)
        case missingColumn(String, available: [String])
        case duplicateColumn(String)
        case nulCharacter(line: Int)

        public var description: String {
            switch self {
            case .empty: "the file has no header line"
            case .unterminatedQuote(let line): "line \(line): a quoted field is not closed"
            case .wrongFieldCount(let line, let expected, let found):
                "line \(line): \(found) fields, the header has \(expected)"
            case .missingColumn(let name, let available):
                "no column \(name); the columns are: \(available.joined(separator: ", "))"
            case .duplicateColumn(let name): "the header names the column \(name) twice"
            case .nulCharacter(let line): "line \(line): a NUL character (U+0000) is no text"
            }
        }
    }

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Parses CSV text. Lines starting with `#` before the header are comments.
    public init(parsing text: String) throws {
        // On UTF-8 bytes: quotes, commas and line ends never occur inside a multi-byte
        // character, and a million-row file parses in a fraction of the time scalars take.
        var records: [[String]] = []
        var field: [UInt8] = []
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        let bytes = Array(text.utf8)
        let (quote, comma, cr, lf) = (UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        func take() -> String {
            defer { field.removeAll(keepingCapacity: true) }
            return String(decoding: field, as: UTF8.self)
        }
        // A byte order mark is no part of the first column's name.
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == 0 { throw CSVError.nulCharacter(line: line) }
            if inQuotes {
                if c == quote {
                    if i < bytes.count, bytes[i] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case quote: inQuotes = true
            case comma: record.append(take())
            case cr where i < bytes.count && bytes[i] == lf: continue
            case cr, lf:
                record.append(take())
                if !(records.isEmpty && record.first?.hasPrefix("#") == true)
                    && !(record.count == 1 && record[0].isEmpty)
                {
                    records.append(record)
                }
                record = []
                line += 1
                recordLine = line
            default: field.append(c)
            }
        }
        if inQuotes { throw CSVError.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !record.isEmpty {
            record.append(take())
            records.append(record)
        }
        guard let header = records.first else { throw CSVError.empty }
        for (i, row) in records.enumerated().dropFirst() where row.count != header.count {
            throw CSVError.wrongFieldCount(line: i + 1, expected: header.count, found: row.count)
        }
        self.header = header.map { $0.trimmed }
        var seen = Set<String>()
        for name in self.header where !seen.insert(name).inserted { throw CSVError.duplicateColumn(name) }
        self.rows = Array(records.dropFirst())
    }

    /// The index of a column, or a clear error.
    public func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else { throw CSVError.missingColumn(name, available: header) }
        return index
    }

    /// Writes CSV text, quoting where needed.
    public func text() -> String {
        var out = ""
        out.reserveCapacity(rows.count * 32)
        for row in [header] + rows {
            for (i, value) in row.enumerated() {
                if i > 0 { out.append(",") }
                if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                    out.append("\"" + value.replacingAll("\"", with: "\"\"") + "\"")
                } else {
                    out.append(value)
                }
            }
            out.append("\n")
        }
        return out
    }
}

extension String {
    /// Without spaces at either end.
    var trimmed: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Which CSV column holds each field of an identity record.
public struct ColumnMapping: Sendable, Equatable {
    public static let fields = [
        "id", "given_name", "family_name", "date_of_birth", "sex", "nationality", "place_of_birth", "document_number",
    ]
    public var columns: [String: String]
    /// Columns compared as extra free-text attributes.
    public var extra: [String]

    /// Defaults: each field from the column of the same name.
    public init(_ overrides: String? = nil, extra: [String] = []) throws {
        self.extra = extra
        var columns = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, $0) })
        for pair in (overrides ?? "").split(separator: ",") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.fields.contains(parts[0]) else {
                throw CSVTable.CSVError.missingColumn(
                    "mapping \(pair) (write field=column; fields: \(Self.fields.joined(separator: ", ")))",
                    available: [])
            }
            columns[parts[0]] = parts[1]
        }
        self.columns = columns
    }

    /// Reads the records of a table; fields whose column is absent are left empty, except the
    /// id and the names, which are required.
    public func records(of table: CSVTable) throws -> [IdentityRecord] {
        let id = try table.column(columns["id"]!)
        let given = try table.column(columns["given_name"]!)
        let family = try table.column(columns["family_name"]!)
        func optional(_ field: String) -> Int? { table.header.firstIndex(of: columns[field]!) }
        let (dob, sex, nat, place, doc) = (
            optional("date_of_birth"), optional("sex"), optional("nationality"), optional("place_of_birth"),
            optional("document_number")
        )
        let extras = try extra.map { try table.column($0) }
        return table.rows.map { row in
            func value(_ i: Int?) -> String? { i.flatMap { row[$0].isEmpty ? nil : row[$0] } }
            return IdentityRecord(
                id: row[id], givenNames: row[given], familyNames: row[family], dateOfBirth: value(dob), sex: value(sex),
                nationality: value(nat), placeOfBirth: value(place), documentNumber: value(doc),
                extra: extras.map { row[$0] })
        }
    }
}
