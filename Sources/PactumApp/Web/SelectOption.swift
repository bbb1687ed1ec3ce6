/// One choice of a `<select>` on a page.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension SelectOption {
    /// Sex as ICAO Doc 9303 writes it: F, M, or X for unspecified.
    static func sexes(selected: String?) -> [SelectOption] {
        [("F", "Female"), ("M", "Male"), ("X", "Unspecified (X)")].map {
            .init(value: $0.0, label: $0.1, selected: $0.0 == selected?.uppercased())
        }
    }
}
