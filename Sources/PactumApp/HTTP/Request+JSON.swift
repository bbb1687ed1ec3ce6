import Foundation
import Vapor

extension Request {
    /// Decodes a JSON body, turning every fault into a problem: 415 for another media type,
    /// 400 for a missing or malformed body, 422 naming the field for missing or mistyped fields.
    func decodeJSON<T: JSONRequestBody>(_ type: T.Type) throws -> T {
        let data = try jsonBody()
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem.badRequest(
                "The body is not valid JSON.", errors: [.init(field: "body", message: "is not valid JSON")])
        }
        guard let fields = object as? [String: Any] else {
            throw Problem.validation([.init(field: "body", message: "must be a JSON object")])
        }
        // Check every declared field first, so that the client learns of all faults at once.
        var check = FieldValidator()
        for field in T.fields {
            switch fields[field.name] {
            case nil, is NSNull:
                check.require(!field.required, field.name, "is required")
            case let value?:
                check.require(field.kind.matches(value), field.name, "must be \(field.kind.description)")
                // No field of the API takes a NUL or another control character but line ends.
                if let text = value as? String {
                    check.require(
                        !FieldValidator.hasControl(text, allowingLines: true), field.name,
                        "must not contain control characters")
                }
            }
        }
        let known = Set(T.fields.map(\.name))
        for name in fields.keys.sorted() where !known.contains(name) {
            check.fail(name, "is not a field of this request")
        }
        try check.throwIfInvalid()
        do {
            return try JSONDecoder.pactum.decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw Problem.badRequest(
                    "The body is not valid JSON.", errors: [.init(field: "body", message: "is not valid JSON")])
            }
            throw Problem.validation([.from(error)])
        }
    }
}

extension Request {
    /// The body's bytes: 415 unless it is sent as application/json, 400 when it is empty.
    func jsonBody() throws -> Data {
        guard headers.contentType?.type == "application", headers.contentType?.subType == "json" else {
            throw Problem(
                status: .unsupportedMediaType, type: "unsupported-media-type",
                detail: "Send the body as application/json.")
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw Problem.badRequest(
                "The request needs a JSON body.", errors: [.init(field: "body", message: "is required")])
        }
        return Data(buffer.readableBytesView)
    }
}

extension JSONDecoder {
    /// ISO 8601 dates, as everywhere in the API.
    static var pactum: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// Collects field errors so that a client learns of all of them at once.
struct FieldValidator {
    private(set) var errors: [FieldError] = []

    mutating func require(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { errors.append(.init(field: field, message: message)) }
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append(.init(field: field, message: message))
    }

    /// One of an enumeration's values; nil, with the fault naming every value (and the rule's
    /// article), when it is not.
    mutating func choice<T: CaseIterable & RawRepresentable>(_ raw: String?, _ field: String, citation: String? = nil)
        -> T? where T.RawValue == String
    {
        let value = raw.given.flatMap(T.init(rawValue:))
        require(
            value != nil, field,
            "must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))"
                + (citation.map { " (\($0))" } ?? ""))
        return value
    }

    /// Text from outside: at most `max` characters counted as Unicode scalars (so a letter
    /// with 5,000 combining marks counts 5,001, not 1), and no control characters.
    mutating func plainText(_ value: String?, _ field: String, max: Int) {
        guard let value else { return }
        require(value.unicodeScalars.count <= max, field, "must be at most \(max) characters")
        require(!Self.hasControl(value, allowingLines: false), field, "must not contain control characters")
    }

    /// A name: plain text with at least one letter, so that a name of invisible characters
    /// only (format characters, combining marks, spaces) is refused.
    mutating func name(_ value: String?, _ field: String, max: Int) {
        guard let value, !value.isEmpty else { return }
        plainText(value, field, max: max)
        require(
            value.unicodeScalars.contains { $0.properties.isAlphabetic && !$0.properties.isGraphemeExtend }, field,
            "must contain a letter")
    }

    /// C0 and C1 control characters and DEL; tab, line feed and carriage return only where
    /// the text may have lines.
    static func hasControl(_ text: String, allowingLines: Bool) -> Bool {
        text.unicodeScalars.contains { c in
            (c.value < 0x20 && !(allowingLines && [0x09, 0x0A, 0x0D].contains(c.value)))
                || (0x7F...0x9F).contains(c.value)
        }
    }

    func throwIfInvalid() throws {
        if !errors.isEmpty { throw InvalidInput(errors) }
    }
}

/// A JSON request body that declares its fields, so that validation can report every
/// missing, mistyped or unknown field in one answer.
protocol JSONRequestBody: Decodable {
    static var fields: [BodyField] { get }
}

struct BodyField: Sendable {
    enum Kind: Sendable, CustomStringConvertible {
        case string, integer, number, boolean, object, array

        func matches(_ value: Any) -> Bool {
            switch self {
            case .string: value is String
            // JSONSerialization gives NSNumber for numbers and booleans alike; the
            // Objective-C type code "c" marks a boolean.
            case .boolean: (value as? NSNumber).map(Self.isBoolean) ?? false
            case .integer:
                (value as? NSNumber).map { !Self.isBoolean($0) && $0.doubleValue.rounded() == $0.doubleValue } ?? false
            case .number: (value as? NSNumber).map { !Self.isBoolean($0) } ?? false
            case .object: value is [String: Any]
            case .array: value is [Any]
            }
        }

        private static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

        var description: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .number: "a number"
            case .boolean: "true or false"
            case .object: "an object"
            case .array: "an array"
            }
        }
    }

    var name: String
    var kind: Kind
    var required = true

    static func string(_ name: String, required: Bool = true) -> BodyField {
        .init(name: name, kind: .string, required: required)
    }
}
