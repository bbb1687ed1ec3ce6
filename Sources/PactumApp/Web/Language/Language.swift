import Foundation

/// The languages Pactum's pages speak. Each has a complete message catalogue
/// (`Resources/Locales/<code>.json`); the catalogue test fails when one lacks a key English has.
enum Language: String, CaseIterable, Codable, Sendable {
    case en, de, fr, it, es

    /// The language's name in itself, as a switch lists it.
    var name: String {
        switch self {
        case .en: "English"
        case .de: "Deutsch"
        case .fr: "Français"
        case .it: "Italiano"
        case .es: "Español"
        }
    }

    /// The locale of dates and numbers: the language as the EU's larger Member State using it writes them.
    var locale: Locale {
        switch self {
        case .en: Locale(identifier: "en_IE")
        case .de: Locale(identifier: "de_DE")
        case .fr: Locale(identifier: "fr_FR")
        case .it: Locale(identifier: "it_IT")
        case .es: Locale(identifier: "es_ES")
        }
    }

    /// CLDR's plural category for a count: French counts 0 and 1 as singular, the others 1 alone.
    func isSingular(_ n: Int) -> Bool { self == .fr ? (0...1).contains(n) : n == 1 }

    /// The first of an `Accept-Language` header's languages that Pactum speaks, by weight.
    static func preferred(in header: String) -> Language? {
        let ranked = header.split(separator: ",").enumerated().compactMap { index, part -> (String, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), q, index)
        }
        return ranked.filter { $0.1 > 0 }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.lazy
            .compactMap { Language(rawValue: String($0.0.prefix(2))) }.first
    }

    /// A language a person says they speak, as an official types it: "fr", "fra", "French",
    /// "français". Nil for a language Pactum has no catalogue for.
    static func spoken(_ text: String) -> Language? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().folding(
            options: .diacriticInsensitive, locale: nil)
        if let l = Language(rawValue: t) { return l }
        let names: [String: Language] = [
            "eng": .en, "english": .en, "englisch": .en, "anglais": .en, "inglese": .en, "ingles": .en,
            "deu": .de, "ger": .de, "german": .de, "deutsch": .de, "allemand": .de, "tedesco": .de, "aleman": .de,
            "fra": .fr, "fre": .fr, "french": .fr, "francais": .fr, "franzosisch": .fr, "francese": .fr, "frances": .fr,
            "ita": .it, "italian": .it, "italiano": .it, "italienisch": .it, "italien": .it,
            "spa": .es, "spanish": .es, "espanol": .es, "spanisch": .es, "espagnol": .es, "spagnolo": .es,
        ]
        return names[t]
    }
}
