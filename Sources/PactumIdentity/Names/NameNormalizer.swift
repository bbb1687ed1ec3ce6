/// A name prepared for comparison: Latin tokens without particles, and a phonetic key per token.
public struct NormalizedName: Sendable, Hashable, Codable {
    /// Upper-case A-Z tokens in the order written, particles removed, compounds joined
    /// (`Abd al-Rahman` → `ABDRAHMAN`).
    public var tokens: [String]
    /// The consonant skeleton of each token (`MOHAMMED`, `MUHAMMAD`, `محمد` → `MHMD`).
    public var keys: [String]
    /// The phonetic key of the whole name written as one word, particles included, so that a
    /// glued article still meets the separate one (`AL-HASSAN`, `ALHASAN` → `ALHSN`).
    public var compactKey: String = ""

    /// All tokens as one string, for exact comparison and term frequencies.
    public var joined: String { tokens.joined(separator: " ") }
    public var isEmpty: Bool { tokens.isEmpty }
}

/// Turns names written in any supported script into comparable tokens.
public enum NameNormalizer {
    /// Articles and particles that registries write, drop or attach at will.
    static let particles: Set<String> = [
        "AL", "EL", "UL", "BIN", "IBN", "BINT", "BEN", "VAN", "VON", "DER", "DEN", "DE", "DA", "DI", "DEL", "DELLA",
        "DOS", "DAS", "DO", "DU", "LA", "LE", "Y", "ZU", "TER", "TEN",
    ]

    /// Normalises one name field (given names or family names).
    public static func normalize(_ text: String) -> NormalizedName {
        let latin = Transliteration.toLatin(text)
        var raw = latin.split(separator: " ").map(String.init).filter { !$0.isEmpty }
        raw = joinCompounds(raw)
        let tokens = raw.filter { !particles.contains($0) }
        let kept = tokens.isEmpty ? raw : tokens
        return NormalizedName(tokens: kept, keys: kept.map(phoneticKey), compactKey: phoneticKey(raw.joined()))
    }

    /// `ABD AL RAHMAN`, `ABDEL RAHMAN`, `ABDULRAHMAN` → `ABDRAHMAN`; `ABU BAKR` → `ABUBAKR`.
    static func joinCompounds(_ tokens: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            var token = tokens[i]
            for prefix in ["ABDUL", "ABDEL", "ABDAL", "ABDOL", "ABDOUL"]
            where token.hasPrefix(prefix) && token.count > prefix.count {
                token = "ABD" + token.dropFirst(prefix.count)
            }
            let isCompoundHead = ["ABD", "ABDUL", "ABDEL", "ABDAL", "ABDOL", "ABDOUL", "ABU", "ABOU"].contains(token)
            if isCompoundHead, i + 1 < tokens.count {
                var next = i + 1
                if ["AL", "EL", "UL"].contains(tokens[next]), next + 1 < tokens.count { next += 1 }
                let head = token.hasPrefix("ABD") ? "ABD" : "ABU"
                out.append(head + tokens[next])
                i = next + 1
                continue
            }
            out.append(token)
            i += 1
        }
        return out
    }

    /// A consonant skeleton that survives the usual transcription variants: vowels dropped
    /// (an initial vowel kept as `A`), doubled letters collapsed, and the letters that
    /// transcriptions swap mapped together (KH/H, Q/K/C/CK, W/V, Z/S, PH/F, DH/D, TH/T,
    /// SH/SCH/CH). Digraphs are replaced first, so every remaining H is a real one (محمد MHMD).
    public static func phoneticKey(_ token: String) -> String {
        var s = token
        for (from, to) in [
            ("SCH", "X"), ("SH", "X"), ("CH", "X"), ("KH", "H"), ("PH", "F"), ("GH", "G"), ("DH", "D"), ("TH", "T"),
            ("CK", "K"), ("DJ", "J"), ("DZ", "J"), ("TS", "S"), ("OU", "U"),
        ] {
            s = s.replacingAll(from, with: to)
        }
        var out = ""
        var previous: Character?
        for (index, character) in s.enumerated() {
            var c = character
            switch c {
            case "Q", "C": c = "K"
            case "W": c = "V"
            case "Z": c = "S"
            default: break
            }
            let vowel = "AEIOUY".contains(c)
            if vowel {
                if index == 0 { out.append("A") }
                previous = "A"
                continue
            }
            if c != previous { out.append(c) }
            previous = c
        }
        return out.isEmpty ? "A" : out
    }
}
