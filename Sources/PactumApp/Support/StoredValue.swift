/// Reads a stored code as its type. A value that does not read is a storage fault, logged and
/// answered with a 500, never replaced by a default.
func stored<T: RawRepresentable>(_ raw: String, as type: T.Type, _ table: String, _ column: String) throws -> T
where T.RawValue == String {
    guard let value = T(rawValue: raw) else {
        throw StorageFault(description: "\(table).\(column) holds \"\(raw)\", which is not a \(T.self)")
    }
    return value
}
