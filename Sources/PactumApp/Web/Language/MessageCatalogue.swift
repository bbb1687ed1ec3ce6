import Foundation

/// Every text of Pactum's pages, by key, in each language: one JSON file per language in
/// `Resources/Locales`, flat `"key": "text"`. `{1}`, `{2}` … are the values a text names; a
/// key whose text depends on a count has `.one` and `.other` forms. A key a language lacks
/// falls back to English, a key English lacks to the key itself: a page never fails on a
/// missing text, and the catalogue tests fail instead.
struct MessageCatalogue: Sendable {
    let texts: [Language: [String: String]]

    struct UnreadableFile: Error, CustomStringConvertible {
        var file: String
        var description: String { "\(file) is not a JSON object of strings" }
    }

    static func load(from directory: URL) throws -> MessageCatalogue {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let file = directory.appendingPathComponent("\(language.rawValue).json")
            guard let data = FileManager.default.contents(atPath: file.path),
                let table = try? JSONDecoder().decode([String: String].self, from: data)
            else { throw UnreadableFile(file: file.lastPathComponent) }
            texts[language] = table
        }
        return MessageCatalogue(texts: texts)
    }

    func text(_ key: String, in language: Language) -> String? { texts[language]?[key] ?? texts[.en]?[key] }

    /// The text of `key` with its values put in.
    func text(_ key: String, _ values: [String], in language: Language) -> String {
        Self.fill(text(key, in: language) ?? key, values)
    }

    /// The form of `key` for a count, with the count (in the language's digits) as `{1}`.
    func count(_ key: String, _ n: Int, _ values: [String], in language: Language) -> String {
        let form = language.isSingular(n) ? "\(key).one" : "\(key).other"
        let number = n.formatted(.number.locale(language.locale))
        return Self.fill(text(form, in: language) ?? text(key, in: language) ?? key, [number] + values)
    }

    static func fill(_ template: String, _ values: [String]) -> String {
        guard template.contains("{") else { return template }
        var out = template
        for (i, v) in values.enumerated().reversed() { out = out.replacingOccurrences(of: "{\(i + 1)}", with: v) }
        return out
    }

    /// The `{n}` a text names, to check that each translation names the same values.
    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[0-9]+\}/).map { String($0.output) })
    }
}

/// The catalogue in one language: what a page, a tag or a controller speaks through.
struct Words: Sendable {
    let catalogue: MessageCatalogue
    let language: Language

    func callAsFunction(_ key: String, _ values: any CustomStringConvertible...) -> String {
        catalogue.text(key, values.map(\.description), in: language)
    }

    func count(_ key: String, _ n: Int, _ values: any CustomStringConvertible...) -> String {
        catalogue.count(key, n, values.map(\.description), in: language)
    }

    func label(_ kind: Labels.Kind, _ code: String) -> String { Labels.label(kind, code, self) }
}

extension Words {
    /// A sentence a service wrote in English (a field error, a warning, a refusal), in the
    /// page's language where the catalogue has it as `message.<the English sentence>`; the
    /// English otherwise, which the API's problem bodies keep.
    func message(_ english: String) -> String {
        english.isEmpty ? english : catalogue.text("message.\(english)", in: language) ?? english
    }
}
