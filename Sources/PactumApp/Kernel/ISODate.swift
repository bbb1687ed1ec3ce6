import Foundation

extension Date {
    /// ISO 8601 in UTC (`2026-11-18T11:06:00Z`), as the API, the audit details and PactumLaw's
    /// questions write an instant.
    var iso: String { formatted(.iso8601) }
}
