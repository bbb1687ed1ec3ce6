import Foundation
import Testing

@testable import PactumApp

/// The message catalogue (issue 15): every language has every text English has, with the same
/// values named; every key a template or the code asks for exists; every code a page labels
/// has its words in every language.
@Suite("Message catalogue: five complete languages")
struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/PactumApp")
    static let catalogue = try! MessageCatalogue.load(from: sources.appendingPathComponent("Resources/Locales"))
    static var english: [String: String] { catalogue.texts[.en] ?? [:] }

    @Test("each language has exactly English's keys, naming the same values", arguments: Language.allCases)
    func complete(_ language: Language) throws {
        let table = try #require(Self.catalogue.texts[language])
        let missing = Set(Self.english.keys).subtracting(table.keys).sorted()
        let extra = Set(table.keys).subtracting(Self.english.keys).filter { !Self.isCodeKey($0) }.sorted()
        #expect(missing.isEmpty, "\(language.rawValue) lacks \(missing.count): \(missing.prefix(40))")
        #expect(extra.isEmpty, "\(language.rawValue) has keys English lacks: \(extra.prefix(40))")
        for (key, text) in table {
            guard let source = Self.english[key] else { continue }
            #expect(
                MessageCatalogue.placeholders(text) == MessageCatalogue.placeholders(source),
                "\(language.rawValue) \(key): \(text)")
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language.rawValue) \(key) is empty")
        }
        for key in table.keys where key.hasSuffix(".one") {
            #expect(table[String(key.dropLast(4)) + ".other"] != nil, "\(key) has no .other")
        }
    }

    /// Keys whose English comes from PactumLaw's titles rather than from en.json.
    static func isCodeKey(_ key: String) -> Bool {
        Labels.catalogued.contains { kind, codes in codes.contains { "\(kind.rawValue).\($0)" == key } }
    }

    @Test("every code a page labels has its words in every language", arguments: Language.allCases)
    func codes(_ language: Language) {
        var missing: [String] = []
        for (kind, codes) in Labels.catalogued {
            for code in codes {
                let key = "\(kind.rawValue).\(code)"
                let own = Self.catalogue.texts[language]?[key]
                if language == .en ? (own == nil && Labels.english(kind, code) == nil) : own == nil {
                    missing.append("\(key)\t\(Labels.english(kind, code) ?? Self.english[key] ?? "")")
                }
            }
        }
        #expect(
            missing.isEmpty, "\(language.rawValue) lacks \(missing.count):\n\(missing.sorted().joined(separator: "\n"))"
        )
    }

    @Test("no code means two things: one table labels every enum's values")
    func noCollisions() {
        #expect(Labels.collisions.isEmpty, "values two enums word differently: \(Labels.collisions)")
    }

    @Test("every key the templates and the code name is in the English catalogue")
    func keysUsed() throws {
        var used: Set<String> = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where ["leaf", "swift"].contains(url.pathExtension) {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in text.matches(of: /(?:#t|#plural|words|w|\.count)\("([a-z][a-z0-9-]*(?:\.[a-zA-Z0-9-]+)+)"/) {
                used.insert(String(m.output.1))
            }
        }
        let queues = ["screenings", "referrals", "transmissions", "candidates", "notices", "allegations"]
        used.formUnion(queues.flatMap { ["queue.\($0).title", "queue.\($0).link"] })
        used.formUnion(
            ["safeguards", "health", "vulnerability", "identity", "biometrics", "security", "form", "referral-form"].map
            { "step.\($0)" })
        let known = Set(Self.english.keys)
        let missing = used.filter { key in
            !known.contains(key) && !known.contains(key + ".one") && !Self.isCodeKey(key)
        }
        #expect(missing.isEmpty, "not in en.json: \(missing.sorted())")
    }

    @Test("texts take their values and counts in each language's own form")
    func wording() {
        let de = Words(catalogue: Self.catalogue, language: .de)
        let fr = Words(catalogue: Self.catalogue, language: .fr)
        let en = Words(catalogue: Self.catalogue, language: .en)
        #expect(en.duration(2 * 86_400 + 3 * 3600) == "2 days 3 hours")
        #expect(en.duration(3600 + 60) == "1 hour 1 minute")
        #expect(de.duration(2 * 86_400 + 3 * 3600) != en.duration(2 * 86_400 + 3 * 3600))
        #expect(en.count("queue.screenings.alert", 1) == "1 past its limit")
        #expect(en.count("queue.screenings.alert", 2) == "2 past their limit")
        // French counts 0 as singular (CLDR), English as plural.
        #expect(fr.count("unit.day", 0) == fr("unit.day.one").replacingOccurrences(of: "{1}", with: "0"))
        #expect(en.count("unit.day", 0) == "0 days")
        #expect(de.number(12_345) == "12.345")
        #expect(de.decimal(0.5, places: 2) == "0,50")
        #expect(Labels.country("SYR", de) == "Syrien")
        #expect(Labels.country("SYR", en) == "Syria")
        #expect(Labels.country("D", fr) == "Allemagne")
    }

    @Test("the browser's languages choose the page's, by weight; a person's languages as typed")
    func negotiation() {
        #expect(Language.preferred(in: "fr-CH, fr;q=0.9, en;q=0.8") == .fr)
        #expect(Language.preferred(in: "pl, de;q=0.5, it;q=0.7") == .it)
        #expect(Language.preferred(in: "pl, cs") == nil)
        #expect(Language.preferred(in: "de;q=0, es") == .es)
        #expect(Language.spoken("Français") == .fr)
        #expect(Language.spoken(" spanish ") == .es)
        #expect(Language.spoken("Arabic") == nil)
    }
}
