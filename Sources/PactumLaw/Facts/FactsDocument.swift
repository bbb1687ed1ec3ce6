import Foundation

/// Reads the JSON facts documents of the legal engine (responsibility, routing) strictly: a
/// key the engine does not know (`irregularentry` for `irregularEntry`) is an error naming it
/// and the keys allowed there, never silently ignored, because an ignored fact changes the
/// answer without anyone noticing.
public enum FactsDocument {
    /// What is wrong with a facts document: where (a JSON path, empty for the whole document)
    /// and why.
    public struct Fault: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String

        public init(path: String, _ message: String) {
            self.path = path
            self.message = message
        }

        public var description: String { path.isEmpty ? message : "\(path) \(message)" }
    }

    /// Decodes `data` as `T`, then refuses any key `T` does not have, at any depth.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(Fault) -> T {
        guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Fault(path: "", "is not valid JSON")
        }
        let value: T
        do { value = try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            throw fault(error)
        } catch {
            throw Fault(path: "", "cannot be read")
        }
        if let unknown = firstUnknownKey(json, in: value, path: "") { throw unknown }
        return value
    }

    /// The first key of `json` that the decoded `value` has no property for. Pactum's facts
    /// types use the synthesised coding keys, which are their property names, so the decoded
    /// value's own structure (by reflection) says which keys are allowed at each level.
    public static func firstUnknownKey(_ json: Any, in value: Any, path: String) -> Fault? {
        let value = unwrapped(value)
        if let object = json as? [String: Any] {
            let children = Mirror(reflecting: value).children
            let allowed = Dictionary(children.compactMap { c in c.label.map { ($0, c.value) } }) { a, _ in a }
            for key in object.keys.sorted() {
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let child = allowed[key] else {
                    if object[key] is NSNull { continue }  // an explicit null says nothing
                    return Fault(
                        path: here, "is not a key here; the keys are: \(allowed.keys.sorted().joined(separator: ", "))")
                }
                if let fault = firstUnknownKey(object[key]!, in: child, path: here) { return fault }
            }
        } else if let array = json as? [Any] {
            let elements = Mirror(reflecting: value).children.map(\.value)
            for (i, (item, element)) in zip(array, elements).enumerated() {
                if let fault = firstUnknownKey(item, in: element, path: "\(path)[\(i)]") { return fault }
            }
        }
        return nil
    }

    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional, let some = mirror.children.first else { return value }
        return unwrapped(some.value)
    }

    private static func fault(_ error: DecodingError) -> Fault {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
                .trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context): return Fault(path: path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return Fault(path: path(context.codingPath), "must be \(describe(type))")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? Fault(path: "", "is not valid JSON") : Fault(path: path(context.codingPath), "is malformed")
        @unknown default: return Fault(path: "", "cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "of another type (\(type))"
        }
    }
}
