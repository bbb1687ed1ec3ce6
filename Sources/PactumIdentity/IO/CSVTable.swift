/// A CSV file read into memory (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public enum CSVError: Error, Equatable, CustomStringConvertible {
        case empty
        case unterminatedQuote(line: Int)
        case wrongFieldCount(line: Int, expected: Int, found: Int)
        case missingColumn(String, available: [String])

        public var description: String {
            switch self {
            case .empty: "the file has no header line"
            case .unterminatedQuote(let line): "line \(line): a quoted field is not closed"
            case .wrongFieldCount(let line, let expected, let found):
                "line \(line): \(found) fields, the header has \(expected)"
            case .missingColumn(let name, let available):
                "no column \(name); the columns are: \(available.joined(separator: ", "))"
            }
        }
    }

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Parses CSV text. Lines starting with `#` before the header are comments.
    public init(parsing text: String) throws {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = after
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",":
                record.append(field)
                field = ""
            case "\r": continue
            case "\n":
                record.append(field)
                field = ""
                if !(records.isEmpty && record.first?.hasPrefix("#") == true)
                    && !(record.count == 1 && record[0].isEmpty)
                {
                    records.append(record)
                }
                record = []
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw CSVError.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        guard let header = records.first else { throw CSVError.empty }
        for (i, row) in records.enumerated().dropFirst() where row.count != header.count {
            throw CSVError.wrongFieldCount(line: i + 1, expected: header.count, found: row.count)
        }
        self.header = header.map { $0.trimmed }
        self.rows = Array(records.dropFirst())
    }

    /// The index of a column, or a clear error.
    public func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else { throw CSVError.missingColumn(name, available: header) }
        return index
    }

    /// Writes CSV text, quoting where needed.
    public func text() -> String {
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
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
