import Foundation

/// Script conversion of names to the Latin letters A-Z, as travel documents and registries
/// write them.
///
/// - Latin national characters and Cyrillic follow the recommended transliterations of ICAO
///   Doc 9303 Part 3 (8th ed., 2021, §6).
/// - Greek follows ELOT 743, the scheme of Greek passports.
/// - Arabic script has two outputs: the ICAO Doc 9303 transliteration (reversible, with the
///   `X` escapes: محمد → MXHMD), and a readable transcription used for matching, which maps
///   each letter to the Latin consonant most transcriptions use (محمد → MHMD) so that it meets
///   `MOHAMMED` on the consonant skeleton.
public enum Transliteration {
    /// ICAO Doc 9303 Part 3 recommended transliteration of multinational Latin characters.
    static let latin: [Character: String] = [
        "Á": "A", "À": "A", "Â": "A", "Ã": "A", "Ä": "AE", "Å": "AA", "Æ": "AE", "Ą": "A", "Ă": "A", "Ā": "A",
        "Ç": "C", "Č": "C", "Ć": "C", "Ċ": "C", "Ĉ": "C", "Ď": "D", "Đ": "D", "Ð": "D",
        "É": "E", "È": "E", "Ê": "E", "Ë": "E", "Ě": "E", "Ę": "E", "Ė": "E", "Ē": "E", "Ğ": "G", "Ģ": "G", "Ġ": "G",
        "Ħ": "H", "Í": "I", "Ì": "I", "Î": "I", "Ï": "I", "İ": "I", "Ī": "I", "Į": "I", "I": "I", "Ĳ": "IJ",
        "Ķ": "K", "Ł": "L", "Ľ": "L", "Ĺ": "L", "Ļ": "L", "Ŀ": "L", "Ñ": "N", "Ń": "N", "Ň": "N", "Ņ": "N",
        "Ó": "O", "Ò": "O", "Ô": "O", "Õ": "O", "Ö": "OE", "Ø": "OE", "Ő": "O", "Œ": "OE", "Ō": "O",
        "Ř": "R", "Ŕ": "R", "Ŗ": "R", "Š": "S", "Ś": "S", "Ş": "S", "Ș": "S", "ß": "SS", "Ť": "T", "Ţ": "T", "Ț": "T",
        "Þ": "TH", "Ú": "U", "Ù": "U", "Û": "U", "Ü": "UE", "Ů": "U", "Ű": "U", "Ū": "U", "Ų": "U",
        "Ý": "Y", "Ÿ": "Y", "Ž": "Z", "Ź": "Z", "Ż": "Z",
    ]

    /// ICAO Doc 9303 Part 3 transliteration of Cyrillic (Russian, Ukrainian, Belarusian,
    /// Bulgarian, Serbian, Macedonian letters).
    static let cyrillic: [Character: String] = [
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Ѓ": "G", "Д": "D", "Ђ": "D", "Е": "E", "Ё": "E", "Є": "IE",
        "Ж": "ZH", "З": "Z", "Ѕ": "DZ", "И": "I", "І": "I", "Ї": "I", "Й": "I", "Ј": "J", "К": "K", "Ќ": "K", "Л": "L",
        "Љ": "LJ", "М": "M", "Н": "N", "Њ": "NJ", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "C", "У": "U",
        "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Џ": "DZ", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y",
        "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
    ]

    /// ELOT 743 (Greek passports), letter by letter; the digraphs are handled in `greek(_:)`.
    static let greek: [Character: String] = [
        "Α": "A", "Ά": "A", "Β": "V", "Γ": "G", "Δ": "D", "Ε": "E", "Έ": "E", "Ζ": "Z", "Η": "I", "Ή": "I", "Θ": "TH",
        "Ι": "I", "Ί": "I", "Ϊ": "I", "ΐ": "I", "Κ": "K", "Λ": "L", "Μ": "M", "Ν": "N", "Ξ": "X", "Ο": "O", "Ό": "O",
        "Π": "P", "Ρ": "R", "Σ": "S", "ς": "S", "Τ": "T", "Υ": "Y", "Ύ": "Y", "Ϋ": "Y", "ΰ": "Y", "Φ": "F", "Χ": "CH",
        "Ψ": "PS", "Ω": "O", "Ώ": "O",
    ]

    /// ICAO Doc 9303 Part 3 transliteration of Arabic letters (with its `X` escapes); teh
    /// marbuta is XAH at the end of a name component and XTA elsewhere.
    static let arabicICAO: [Character: String] = [
        "ء": "XE", "آ": "XAA", "أ": "XAE", "ؤ": "XW", "إ": "I", "ئ": "XI", "ا": "A", "ب": "B", "ة": "XTA", "ت": "T",
        "ث": "XTH", "ج": "J", "ح": "XH", "خ": "XKH", "د": "D", "ذ": "XDH", "ر": "R", "ز": "Z", "س": "S", "ش": "XSH",
        "ص": "XSS", "ض": "XDZ", "ط": "XTT", "ظ": "XZZ", "ع": "E", "غ": "G", "ف": "F", "ق": "Q", "ك": "K", "ل": "L",
        "م": "M", "ن": "N", "ه": "H", "و": "W", "ى": "XAY", "ي": "Y", "پ": "P", "چ": "XC", "ژ": "XJ", "ک": "XKK",
        "گ": "XGG", "ی": "XYA",
    ]

    /// The letter most Latin transcriptions use for each Arabic-script letter, for matching.
    /// Ain is written as a vowel (Abd, Omar, Saad), hamza leaves no letter; waw and yeh are
    /// consonants at the start of a word and long vowels elsewhere (see `arabic(_:table:icao:)`).
    static let arabicReadable: [Character: String] = [
        "ء": "", "آ": "A", "أ": "A", "ؤ": "U", "إ": "I", "ئ": "I", "ا": "A", "ب": "B", "ة": "A", "ت": "T", "ث": "TH",
        "ج": "J", "ح": "H", "خ": "KH", "د": "D", "ذ": "DH", "ر": "R", "ز": "Z", "س": "S", "ش": "SH", "ص": "S", "ض": "D",
        "ط": "T", "ظ": "Z", "ع": "A", "غ": "GH", "ف": "F", "ق": "Q", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H",
        "و": "W", "ى": "A", "ي": "Y", "پ": "P", "چ": "CH", "ژ": "ZH", "ک": "K", "گ": "G", "ی": "Y",
    ]

    /// Which writing system a name uses (the first letter that decides it).
    public enum Script: String, Sendable, Codable {
        case latin, cyrillic, greek, arabic, other
    }

    public static func script(of text: String) -> Script {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return .latin
            case 0x400...0x52F: return .cyrillic
            case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
            case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
            default: continue
            }
        }
        return .other
    }

    /// The name in upper-case Latin letters, spaces between words: ICAO for Latin and
    /// Cyrillic, ELOT 743 for Greek, the readable transcription for Arabic script.
    public static func toLatin(_ text: String) -> String {
        // Most names arrive in plain ASCII: upper-case them byte by byte, as `mapped` would.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): out.append(byte - 32)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte)
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "-"),
                    UInt8(ascii: "'"):
                    out.append(UInt8(ascii: " "))
                default: break
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return switch script(of: text) {
        case .arabic: arabic(text, table: arabicReadable)
        case .greek: greek(text)
        default: mapped(text.uppercased(), tables: [latin, cyrillic])
        }
    }

    /// Free text (an address, a place) folded for comparison: Latin letters and digits,
    /// single spaces.
    public static func foldFreeText(_ text: String) -> String {
        var out = ""
        for character in text.uppercased() {
            if let replacement = latin[character] ?? cyrillic[character] {
                out += replacement
            } else if character.isASCII, character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty, out.last != " " {
                out.append(" ")
            }
        }
        return out.last == " " ? String(out.dropLast()) : out
    }

    /// The ICAO Doc 9303 MRZ form of a name in Arabic script (reversible, `X` escapes).
    public static func icaoArabic(_ text: String) -> String { arabic(text, table: arabicICAO, icao: true) }

    private static func mapped(_ text: String, tables: [[Character: String]]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = tables.lazy.compactMap({ $0[character] }).first {
                out += replacement
            } else if character.isLetter, character.isASCII {
                out.append(character)
            } else if character.isWhitespace || character == "-" || character == "'" || character == "’" {
                out.append(" ")
            }
            // Other marks (combining accents already folded, digits, punctuation) are dropped.
        }
        return out
    }

    private static func greek(_ text: String) -> String {
        // ELOT 743 digraphs: ΑΥ/ΕΥ → AV/EV (AF/EF before voiceless consonants is not kept:
        // registries mostly write AV/EV), ΟΥ → OU, ΜΠ → B at the start of a word.
        var upper = text.uppercased()
        for (from, to) in [
            ("ΟΥ", "OU"), ("ΑΥ", "AV"), ("ΕΥ", "EV"), ("ΑΎ", "AV"), ("ΕΎ", "EV"), ("ΟΎ", "OU"), ("ΓΓ", "NG"),
            ("ΓΞ", "NX"),
            ("ΓΧ", "NCH"),
        ] {
            upper = upper.replacingAll(from, with: to)
        }
        let words = upper.split(separator: " ").map { word -> String in
            word.hasPrefix("ΜΠ") ? "B" + word.dropFirst(2) : String(word)
        }
        return mapped(words.joined(separator: " "), tables: [greek, latin])
    }

    private static func arabic(_ text: String, table: [Character: String], icao: Bool = false) -> String {
        let cleaned = ArabicNormalization.clean(text, keepHamzaForms: icao)
        var out = ""
        let characters = Array(cleaned)
        for (i, character) in characters.enumerated() {
            if character == " " {
                out.append(" ")
                continue
            }
            let startOfWord = i == 0 || characters[i - 1] == " "
            if icao, character == "ة" {
                let endOfWord = i + 1 == characters.count || characters[i + 1] == " "
                out += endOfWord ? "XAH" : "XTA"
                continue
            }
            if !icao {
                // The article is written joined to the noun (الرحمن); transcriptions separate it.
                if startOfWord, character == "ا", i + 2 < characters.count, characters[i + 1] == "ل",
                    characters[i + 2] != " "
                {
                    out += "AL "
                    continue
                }
                if character == "ل", i > 0, characters[i - 1] == "ا", i > 1 ? characters[i - 2] == " " : true,
                    i + 1 < characters.count, characters[i + 1] != " "
                {
                    continue
                }
                if character == "و", !startOfWord {
                    out += "U"
                    continue
                }
                if character == "ي", !startOfWord {
                    out += "I"
                    continue
                }
            }
            out += table[character] ?? ""
        }
        return out
    }
}

/// Arabic-script cleaning before transliteration: short-vowel marks (tashkeel) and tatweel
/// removed; for matching, hamza carriers folded to bare alef and alef maqsura to yeh.
enum ArabicNormalization {
    static func clean(_ text: String, keepHamzaForms: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x64B...0x65F, 0x670, 0x640: continue  // tashkeel, superscript alef, tatweel
            default: break
            }
            var character = Character(scalar)
            if !keepHamzaForms {
                switch character {
                case "أ", "إ", "آ", "ٱ": character = "ا"
                default: break
                }
            }
            out.append(character.isWhitespace ? " " : character)
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
