import Foundation

/// A Codable value kept as JSON text in a string column: typed in Swift, readable in the
/// database, and the same column type on SQLite and PostgreSQL. A row whose text does not decode
/// fails its query (a storage fault, logged and answered with a 500), never a default.
struct JSONText<Value: Codable & Sendable>: Codable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            value = try JSONDecoder.stored.decode(Value.self, from: Data(text.utf8))
        } catch {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "stored JSON does not read as \(Value.self): \(error)"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: try JSONEncoder.stored.encode(value), as: UTF8.self))
    }
}

extension JSONEncoder {
    /// Stored JSON writes dates as ISO 8601 with milliseconds.
    static var stored: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        }
        return encoder
    }
}

extension JSONDecoder {
    /// Reads what `JSONEncoder.stored` writes, and the rows written before it: dates as ISO 8601
    /// (with or without fractions) or as Foundation's default, seconds since 2001.
    static var stored: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSinceReferenceDate: seconds) }
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
                return date
            }
            if let date = try? Date(text, strategy: .iso8601) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 8601 time")
        }
        return decoder
    }
}
