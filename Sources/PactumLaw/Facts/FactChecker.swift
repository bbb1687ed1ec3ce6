/// Collects the faults of a facts document, each named by its JSON path, so that the caller
/// learns of all of them at once.
struct FactChecker {
    private(set) var errors: [FactError] = []

    mutating func fail(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }

    /// A Member State code, or nil (with a fault when the code is given and unknown).
    mutating func state(_ code: String?, _ field: String) -> MemberState? {
        guard let code else { return nil }
        let state = MemberState(code: code)
        if state == nil { fail(field, "\(code) is not a Member State code") }
        return state
    }

    /// A `YYYY-MM-DD` date, or nil (with a fault when the text is given and is not one).
    mutating func date(_ text: String?, _ field: String) -> CivilDate? {
        guard let text else { return nil }
        let day = CivilDate(iso: text)
        if day == nil { fail(field, "\(text) is not a date (YYYY-MM-DD)") }
        return day
    }

    func throwIfAny() throws { if !errors.isEmpty { throw InvalidFacts(errors: errors) } }
}
