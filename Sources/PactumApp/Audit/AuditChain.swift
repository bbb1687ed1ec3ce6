import Foundation

/// The hash chain over the audit trail: entry n stores SHA-256(hash of n-1, fields of n), so
/// changing, inserting or deleting any earlier row breaks every later link.
enum AuditChain {
    /// The `prev_hash` of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Hashes one entry. Each field is length-prefixed (absent fields are `~`) so that no two
    /// different entries share a canonical form.
    static func hash(previous: String, fields: [String?]) -> String {
        var canonical = previous
        for field in fields {
            if let field { canonical += "|\(field.utf8.count):\(field)" } else { canonical += "|~" }
        }
        return sha256Hex(canonical)
    }
}
