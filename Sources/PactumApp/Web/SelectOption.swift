/// One choice of a `<select>` on a page.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension SelectOption {
    /// Sex as ICAO Doc 9303 writes it: F, M, or X for unspecified.
    static func sexes(selected: String?, _ words: Words) -> [SelectOption] {
        ["F", "M", "X"].map { .init(value: $0, label: words.label(.sex, $0), selected: $0 == selected?.uppercased()) }
    }
}
