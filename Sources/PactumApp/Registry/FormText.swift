import Foundation

extension Optional<String> {
    /// The text without surrounding white space, or nil when nothing is left: forms send every
    /// field, and a blank one means "not given".
    var given: String? {
        let trimmed = self?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }
}
