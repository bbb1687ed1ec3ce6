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
        // On bytes: this runs for every name token of every record, and String replacement
        // made it a third of a million-record deduplication.
        var s = Array(token.utf8)
        for (from, to) in digraphs { replace(&s, from, with: to) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var previous: UInt8 = 0
        for (index, byte) in s.enumerated() {
            var c = byte
            switch c {
            case UInt8(ascii: "Q"), UInt8(ascii: "C"): c = UInt8(ascii: "K")
            case UInt8(ascii: "W"): c = UInt8(ascii: "V")
            case UInt8(ascii: "Z"): c = UInt8(ascii: "S")
            default: break
            }
            if vowels.contains(c) {
                if index == 0 { out.append(UInt8(ascii: "A")) }
                previous = UInt8(ascii: "A")
                continue
            }
            if c != previous { out.append(c) }
            previous = c
        }
        return out.isEmpty ? "A" : String(decoding: out, as: UTF8.self)
    }

    /// The letter groups transcriptions swap, replaced in this order (each pass sees the
    /// output of the one before).
    private static let digraphs: [([UInt8], UInt8)] = [
        ("SCH", "X"), ("SH", "X"), ("CH", "X"), ("KH", "H"), ("PH", "F"), ("GH", "G"), ("DH", "D"), ("TH", "T"),
        ("CK", "K"), ("DJ", "J"), ("DZ", "J"), ("TS", "S"), ("OU", "U"),
    ].map { (Array($0.0.utf8), $0.1.utf8.first!) }

    private static let vowels = Set("AEIOUY".utf8)

    /// Replaces every occurrence of `pattern`, left to right and without overlap.
    private static func replace(_ s: inout [UInt8], _ pattern: [UInt8], with replacement: UInt8) {
        guard s.count >= pattern.count else { return }
        var out: [UInt8] = []
        var i = 0
        var changed = false
        while i < s.count {
            if i + pattern.count <= s.count, s[i] == pattern[0], s[i + 1] == pattern[1],
                pattern.count == 2 || s[i + 2] == pattern[2]
            {
                if !changed {
                    out = Array(s[..<i])
                    out.reserveCapacity(s.count)
                    changed = true
                }
                out.append(replacement)
                i += pattern.count
            } else {
                if changed { out.append(s[i]) }
                i += 1
            }
        }
        if changed { s = out }
    }
}
