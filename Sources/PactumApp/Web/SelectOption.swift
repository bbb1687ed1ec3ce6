/// One choice of a `<select>` on a page.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}
