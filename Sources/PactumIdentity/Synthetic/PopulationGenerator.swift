import Foundation

/// One generated record and the person it belongs to (the ground truth).
public struct GeneratedRecord: Sendable, Equatable {
    public var record: IdentityRecord
    public var personID: String
}

/// A synthetic population of applicants, seeded and reproducible, with the duplicates and
/// variants a registry sees: typing errors, other transcriptions of the same name, the name
/// in its original script, swapped name order, and date-of-birth quirks. Names come from the
/// shipped tables (openly licensed, see NameTable); no real person's record is used.
public struct PopulationGenerator: Sendable {
    /// Nationalities and the name table for each. The mix is uniform: the generator makes no
    /// claim about real shares of applicants.
    public static let nationalities: [(code: String, locale: String)] = [
        ("SY", "ar_AA"), ("IQ", "ar_AA"), ("AF", "fa_IR"), ("IR", "fa_IR"), ("TR", "tr_TR"), ("CO", "es_CO"),
        ("VE", "es_MX"), ("RU", "ru_RU"), ("UA", "uk_UA"),
    ]

    public var persons: Int
    public var seed: UInt64
    /// Share of persons registered more than once.
    public var duplicateShare = 0.3
    /// Share of records that carry a travel-document number.
    public var documentShare = 0.6

    public init(persons: Int, seed: UInt64) {
        self.persons = persons
        self.seed = seed
    }

    public func generate() throws -> [GeneratedRecord] {
        var tables: [String: NameTable] = [:]
        for (_, locale) in Self.nationalities where tables[locale] == nil {
            tables[locale] = try NameTable.shipped(locale)
        }
        var rng = SeededGenerator(seed: seed)
        // Each table's names in a seeded order, drawn by a Zipf law: a few names are very
        // common, as in any population.
        var orders: [String: (given: [NameTable.Sex: [String]], family: [String])] = [:]
        for (locale, table) in tables.sorted(by: { $0.key < $1.key }) {
            var given: [NameTable.Sex: [String]] = [:]
            // In a fixed order: iterating a dictionary would make the draws depend on hashing.
            for sex in NameTable.Sex.allCases {
                if let names = table.givenNames[sex] { given[sex] = names.shuffled(using: &rng) }
            }
            orders[locale] = (given, table.familyNames.shuffled(using: &rng))
        }
        var out: [GeneratedRecord] = []
        out.reserveCapacity(Int(Double(persons) * 1.5))
        var nextRecord = 0
        for p in 0..<persons {
            let (nationality, locale) = Self.nationalities[Int.random(in: 0..<Self.nationalities.count, using: &rng)]
            let sex = Bool.random(using: &rng) ? NameTable.Sex.female : .male
            let names = orders[locale]!
            let givenList = names.given[sex] ?? names.given.values.first!
            var given = givenList[Self.zipf(givenList.count, using: &rng)]
            if Double.random(in: 0..<1, using: &rng) < 0.15 {
                given += " " + givenList[Self.zipf(givenList.count, using: &rng)]
            }
            let family = names.family[Self.zipf(names.family.count, using: &rng)]
            let birth = Self.birthDate(using: &rng)
            let document: String? =
                Double.random(in: 0..<1, using: &rng) < documentShare ? Self.documentNumber(using: &rng) : nil
            let original = Transliteration.script(of: given + family) != .latin
            let personID = "P\(p)"
            // The first registration writes the name in Latin letters.
            var copies = 1
            if Double.random(in: 0..<1, using: &rng) < duplicateShare {
                copies += 1 + (Double.random(in: 0..<1, using: &rng) < 0.3 ? 1 : 0)
            }
            for copy in 0..<copies {
                var g = Self.latin(given, original: original, using: &rng)
                var f = Self.latin(family, original: original, using: &rng)
                var dob = birth
                var doc = document
                var recordSex: String? = sex.rawValue
                if copy > 0 {
                    // A later registration: one to three changes.
                    for _ in 0..<Int.random(in: 1...3, using: &rng) {
                        switch Int.random(in: 0..<8, using: &rng) {
                        case 0: g = Self.typo(g, using: &rng)
                        case 1: f = Self.typo(f, using: &rng)
                        case 2:
                            if original, Bool.random(using: &rng) {
                                // The name as written in the original script.
                                (g, f) = (given, family)
                            } else {
                                g = Self.otherTranscription(g, using: &rng)
                                f = Self.otherTranscription(f, using: &rng)
                            }
                        case 3: (g, f) = (f, g)
                        case 4: dob = Self.dateQuirk(birth, using: &rng)
                        case 5: doc = doc.map { Self.typo($0, using: &rng) }
                        case 6: if g.contains(" ") { g = String(g.split(separator: " ")[0]) }
                        default: recordSex = nil
                        }
                    }
                    if Double.random(in: 0..<1, using: &rng) < 0.3 { doc = nil }
                }
                out.append(
                    GeneratedRecord(
                        record: IdentityRecord(
                            id: "R\(nextRecord)", givenNames: g, familyNames: f, dateOfBirth: dob, sex: recordSex,
                            nationality: nationality, documentNumber: doc),
                        personID: personID))
                nextRecord += 1
            }
        }
        return out
    }

    /// A rank drawn from a Zipf law with exponent 1 over `count` names.
    static func zipf(_ count: Int, using rng: inout SeededGenerator) -> Int {
        // Inverse transform on the continuous approximation: rank = count^u.
        let u = Double.random(in: 0..<1, using: &rng)
        return min(count - 1, Int(pow(Double(count), u)) - 1)
    }

    static func birthDate(using rng: inout SeededGenerator) -> String {
        let year = Int.random(in: 1955...2012, using: &rng)
        // Some registries hold only the year, written as 1 January.
        if Double.random(in: 0..<1, using: &rng) < 0.05 { return "\(year)-01-01" }
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...28, using: &rng)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func dateQuirk(_ date: String, using rng: inout SeededGenerator) -> String {
        let parts = date.split(separator: "-").map(String.init)
        guard parts.count == 3, let year = Int(parts[0]) else { return date }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return Int(parts[2])! <= 12 ? "\(parts[0])-\(parts[2])-\(parts[1])" : date
        case 1: return "\(year + (Bool.random(using: &rng) ? 1 : -1))-\(parts[1])-\(parts[2])"
        case 2: return "\(parts[0])-01-01"
        default: return "\(parts[0])-XX-XX"
        }
    }

    static func documentNumber(using rng: inout SeededGenerator) -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        let digits = Array("0123456789")
        return String((0..<2).map { _ in letters.randomElement(using: &rng)! })
            + String((0..<7).map { _ in digits.randomElement(using: &rng)! })
    }

    /// The name in Latin letters: as is for Latin names; for names in another script, the
    /// readable transliteration with the short vowels a clerk would insert.
    static func latin(_ name: String, original: Bool, using rng: inout SeededGenerator) -> String {
        let latin = Transliteration.toLatin(name)
        guard original, Transliteration.script(of: name) == .arabic else { return latin }
        return latin.split(separator: " ").map { word in
            var out = ""
            let letters = Array(word)
            for (i, letter) in letters.enumerated() {
                out.append(letter)
                let next = i + 1 < letters.count ? letters[i + 1] : nil
                // Arabic script writes no short vowels: insert one between two consonants.
                if let next, !"AEIOUY".contains(letter), !"AEIOUY".contains(next), !(letter == "S" && next == "H"),
                    !(letter == "K" && next == "H")
                {
                    out.append(["A", "A", "E", "O", "U", "I"].randomElement(using: &rng)!)
                }
            }
            return out
        }.joined(separator: " ")
    }

    /// Another way of writing the same sounds.
    static func otherTranscription(_ name: String, using rng: inout SeededGenerator) -> String {
        let swaps = [
            ("OU", "U"), ("U", "OU"), ("E", "A"), ("A", "E"), ("I", "EE"), ("KH", "H"), ("Q", "K"), ("W", "V"),
            ("IA", "YA"),
            ("IU", "YU"), ("J", "DJ"), ("SH", "CH"), ("Y", "I"), ("MM", "M"), ("M", "MM"),
        ]
        let candidates = swaps.filter { name.contains($0.0) }
        guard let (from, to) = candidates.randomElement(using: &rng) else { return name }
        // Replace one occurrence.
        guard let range = name.range(of: from) else { return name }
        return name.replacingCharacters(in: range, with: to)
    }

    /// One typing error: a substituted, inserted, deleted or transposed letter.
    static func typo(_ text: String, using rng: inout SeededGenerator) -> String {
        var chars = Array(text)
        guard chars.count > 2 else { return text }
        let i = Int.random(in: 1..<(chars.count - 1), using: &rng)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: chars[i] = letters.randomElement(using: &rng)!
        case 1: chars.insert(letters.randomElement(using: &rng)!, at: i)
        case 2: chars.remove(at: i)
        default: chars.swapAt(i, i - 1)
        }
        return String(chars)
    }
}
