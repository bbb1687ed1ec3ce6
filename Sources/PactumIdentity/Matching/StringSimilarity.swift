import Foundation

/// String comparators for names and identifiers, on A-Z strings (bytes).
public enum StringSimilarity {
    /// Jaro-Winkler similarity (Winkler 1990): prefix bonus 0.1 per common leading character,
    /// at most 4.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in jaroWinkler(x, y) } }
    }

    /// Jaro-Winkler on UTF-8 bytes. Match flags live in two 64-bit masks (names are short),
    /// so nothing is allocated; longer strings take the slower path.
    static func jaroWinkler(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Double {
        if x.elementsEqual(y) { return x.isEmpty ? 0 : 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        guard x.count <= 64, y.count <= 64 else { return jaroWinklerLong(Array(x), Array(y)) }
        let window = max(0, max(x.count, y.count) / 2 - 1)
        var matchedX: UInt64 = 0
        var matchedY: UInt64 = 0
        var matches = 0
        for i in 0..<x.count {
            let lo = max(0, i - window)
            let hi = min(y.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where matchedY & (1 << UInt64(j)) == 0 && x[i] == y[j] {
                matchedX |= 1 << UInt64(i)
                matchedY |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<x.count where matchedX & (1 << UInt64(i)) != 0 {
            while matchedY & (1 << UInt64(k)) == 0 { k += 1 }
            if x[i] != y[k] { transpositions += 1 }
            k += 1
        }
        return winkler(matches: matches, transpositions: transpositions, x, y)
    }

    private static func winkler(
        matches: Int, transpositions: Int, _ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>
    )
        -> Double
    {
        let m = Double(matches)
        let jaro = (m / Double(x.count) + m / Double(y.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, min(x.count, y.count)), x[prefix] == y[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    private static func jaroWinklerLong(_ x: [UInt8], _ y: [UInt8]) -> Double {
        let window = max(0, max(x.count, y.count) / 2 - 1)
        var matchedX = [Bool](repeating: false, count: x.count)
        var matchedY = [Bool](repeating: false, count: y.count)
        var matches = 0
        for i in 0..<x.count {
            let lo = max(0, i - window)
            let hi = min(y.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !matchedY[j] && x[i] == y[j] {
                matchedX[i] = true
                matchedY[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<x.count where matchedX[i] {
            while !matchedY[k] { k += 1 }
            if x[i] != y[k] { transpositions += 1 }
            k += 1
        }
        return x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in winkler(matches: matches, transpositions: transpositions, xb, yb) }
        }
    }

    /// Edit distance with adjacent transpositions (optimal string alignment): the typing
    /// errors of a clerk (`AHMED` / `AHEMD` is 1).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// Similarity of two multi-token names regardless of order: each token of the shorter
    /// name is paired with its best unused partner in the longer one, and the mean is taken.
    /// Handles swapped name order and a dropped middle name.
    public static func tokenSimilarity(_ a: [String], _ b: [String]) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var used = [Bool](repeating: false, count: long.count)
        var total = 0.0
        for token in short {
            var best = 0.0
            var bestIndex = -1
            for (j, other) in long.enumerated() where !used[j] {
                let s = jaroWinkler(token, other)
                if s > best {
                    best = s
                    bestIndex = j
                }
            }
            if bestIndex >= 0 { used[bestIndex] = true }
            total += best
        }
        return total / Double(short.count)
    }
}
