import Foundation

/// A Fellegi-Sunter model: for every field and agreement level, the probability m of that
/// level among true matches and u among non-matches; the evidence of a pair is the sum of
/// log2(m/u) over its fields.
public struct FellegiSunterModel: Sendable, Codable, Equatable {
    /// m[field][level], u[field][level]: `MatchField.allCases` first, then the extras.
    public var m: [[Double]]
    public var u: [[Double]]
    /// Extra free-text attributes compared after the fixed fields.
    public var extraFields: [String] = []
    /// The share of true matches among compared pairs (the prior).
    public var lambda: Double
    /// Term frequencies of exact name values, for the term-frequency adjustment: a shared
    /// common name is weaker evidence than a shared rare one.
    public var givenNameFrequency: [String: Double] = [:]
    public var familyNameFrequency: [String: Double] = [:]
    /// The same for phonetic keys: agreeing on a common skeleton (KML) says little.
    public var givenKeyFrequency: [String: Double] = [:]
    public var familyKeyFrequency: [String: Double] = [:]

    static let floor = 1e-6
    static let sexIndex = MatchField.allCases.firstIndex(of: .sex)!
    static let nationalityIndex = MatchField.allCases.firstIndex(of: .nationality)!

    public init(m: [[Double]], u: [[Double]], lambda: Double, extraFields: [String] = []) {
        self.m = m
        self.u = u
        self.lambda = lambda
        self.extraFields = extraFields
    }

    /// Every compared field: the fixed ones, then the extras.
    public var fieldNames: [String] { MatchField.allCases.map(\.rawValue) + extraFields }

    /// The level names of every field.
    public var levelNames: [[String]] {
        MatchField.allCases.map(\.levels) + extraFields.map { _ in MatchField.extraLevels }
    }

    /// Starting values before estimation: matches mostly agree, non-matches mostly do not.
    public static var initial: FellegiSunterModel { initial(extraFields: []) }

    public static func initial(extraFields: [String]) -> FellegiSunterModel {
        // Prior m, used until the data (EM) or confirmed hits replace it: true matches mostly
        // agree, and disagree outright on a field in 2-5 % of registrations (typing and
        // transcription errors).
        let prior: [[Double]] = [
            [0.85, 0.08, 0.03, 0.02, 0.02, 0], [0.85, 0.08, 0.03, 0.02, 0.02, 0],
            [0.85, 0.05, 0.04, 0.04, 0.01, 0.01, 0], [0.98, 0.02, 0], [0.95, 0.05, 0], [0.9, 0.1, 0],
            [0.9, 0.05, 0.05, 0],
        ]
        // Prior u, used until estimateU replaces it from random pairs (a registry too small to
        // sample): the u that `pactum identity generate --persons 20000 --seed 1` followed by
        // `pactum identity dedupe --model-out` estimates. A transposed date is as likely by
        // chance as an equal one, so it takes the equal date's u (the sample held none).
        // The generator writes no places of birth or shared document numbers: those keep an
        // uninformative prior and the floor.
        let priorU: [[Double]] = [
            [0.00134, 0.00394, 0.00082, 0.0164, 0.97750, 0], [0.00302, 0.00258, 0.00054, 0.00886, 0.985, 0],
            [0.00004, 0.00004, 0.00008, 0.00308, 0.0011, 0.99566, 0], [0.5, 0.5, 0], [0.113, 0.887, 0],
            [0.1, 0.9, 0], [Self.floor, Self.floor, 1 - 2 * Self.floor, 0],
        ]
        let extraPrior = [0.8, 0.1, 0.05, 0.05, 0]
        // Extra attributes: uniform over the agreement levels, most mass on "different".
        func u(_ count: Int) -> [Double] {
            var p = (0..<(count - 1)).map { i in i == count - 2 ? 0.9 : 0.1 / Double(count - 2) }
            p.append(0)
            return p
        }
        return FellegiSunterModel(
            m: prior + extraFields.map { _ in extraPrior },
            u: priorU + extraFields.map { _ in u(MatchField.extraLevels.count) }, lambda: 0.01, extraFields: extraFields
        )
    }

    /// Estimates u from pairs drawn at random, which are almost all non-matches. This avoids
    /// the trap of estimating u among blocked pairs, which share names by construction.
    public mutating func estimateU(from randomPairs: [ComparisonVector]) {
        u = frequencies(randomPairs, weights: nil)
    }

    /// Estimates m and lambda by expectation-maximisation over candidate pairs, with u fixed
    /// (no labels needed).
    ///
    /// `excluding` names the fields the pairs were blocked on: those agree by construction, so
    /// they carry no information here and their m is neither used nor updated. Estimating each
    /// field from blocks on other fields avoids learning "same name" as "same person".
    @discardableResult
    public mutating func estimateMByEM(
        from pairs: [ComparisonVector], excluding: Set<MatchField> = [], iterations: Int = 25, tolerance: Double = 1e-6
    ) -> Int {
        guard !pairs.isEmpty else { return 0 }
        let excluded = Set(excluding.map(\.rawValue))
        let used = fieldNames.map { !excluded.contains($0) }
        let (patterns, counts) = Self.patterns(pairs)
        var pairLambda = lambda
        var iteration = 0
        while iteration < iterations {
            iteration += 1
            let posteriors = zip(patterns, counts).map { probability(of: $0, lambda: pairLambda, using: used) * $1 }
            let newM = frequencies(patterns, weights: posteriors)
            var change = 0.0
            for f in m.indices where used[f] {
                change = max(change, zip(m[f], newM[f]).map { abs($0 - $1) }.max() ?? 0)
                m[f] = newM[f]
            }
            pairLambda = min(max(posteriors.reduce(0, +) / Double(pairs.count), Self.floor), 1 - Self.floor)
            if change < tolerance { break }
        }
        if excluding.isEmpty { lambda = pairLambda }
        return iteration
    }

    /// The distinct agreement patterns of `pairs` and how often each occurs: EM then works on a
    /// few thousand patterns instead of hundreds of thousands of pairs, with the same result.
    static func patterns(_ pairs: [ComparisonVector]) -> (patterns: [ComparisonVector], counts: [Double]) {
        var position: [[UInt8]: Int] = [:]
        var patterns: [ComparisonVector] = []
        var counts: [Double] = []
        for pair in pairs {
            if let i = position[pair.levels] {
                counts[i] += 1
            } else {
                position[pair.levels] = patterns.count
                patterns.append(ComparisonVector(levels: pair.levels, namesSwapped: false))
                counts.append(1)
            }
        }
        return (patterns, counts)
    }

    /// Estimates only lambda, the share of matches among `pairs`, with m and u fixed.
    public mutating func estimateLambda(from pairs: [ComparisonVector], iterations: Int = 50) {
        guard !pairs.isEmpty else { return }
        let all = fieldNames.map { _ in true }
        let (patterns, counts) = Self.patterns(pairs)
        for _ in 0..<iterations {
            let next =
                zip(patterns, counts).reduce(0) { $0 + probability(of: $1.0, lambda: lambda, using: all) * $1.1 }
                / Double(pairs.count)
            let clamped = min(max(next, Self.floor), 1 - Self.floor)
            if abs(clamped - lambda) < 1e-9 { break }
            lambda = clamped
        }
    }

    /// The posterior over the fields in use, without term frequencies.
    func probability(of vector: ComparisonVector, lambda: Double, using used: [Bool]) -> Double {
        var bits = 0.0
        for f in vector.levels.indices where used[f] {
            bits += weight(index: f, level: Int(vector.levels[f]))
        }
        let odds = lambda / (1 - lambda) * pow(2, bits)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// Estimates m from pairs an expert confirmed as the same person (registry hits).
    public mutating func estimateM(fromConfirmedMatches pairs: [ComparisonVector]) {
        guard !pairs.isEmpty else { return }
        m = frequencies(pairs, weights: nil)
    }

    /// Level frequencies per field, ignoring "missing", optionally weighted.
    func frequencies(_ pairs: [ComparisonVector], weights: [Double]?) -> [[Double]] {
        levelNames.enumerated().map { f, levels in
            let missing = levels.count - 1
            var counts = [Double](repeating: 0, count: levels.count)
            for (i, pair) in pairs.enumerated() {
                let level = Int(pair.levels[f])
                if level == missing { continue }
                counts[level] += weights?[i] ?? 1
            }
            let total = counts.reduce(0, +)
            return counts.enumerated().map { level, count in
                level == missing ? 0 : max(total > 0 ? count / total : 0, Self.floor)
            }
        }
    }

    /// log2(m/u) of a fixed field's level; 0 for "missing". For names, `value` (the shared
    /// name, or phonetic key at level 1) and `nationality` select the term frequency.
    public func weight(_ field: MatchField, level: Int, value: String? = nil, nationality: String? = nil) -> Double {
        weight(
            index: MatchField.allCases.firstIndex(of: field)!, level: level,
            value: value.map { (nationality ?? "") + "|" + $0 })
    }

    /// log2(m/u) of the field at `index`; term-frequency adjusted for exact name matches.
    func weight(index f: Int, level: Int, value: String? = nil) -> Double {
        if level == m[f].count - 1 { return 0 }
        // Sex and nationality follow largely from the names (and both sides of a name match
        // share them anyway): agreement adds nothing, only disagreement counts.
        if level == 0, f == Self.sexIndex || f == Self.nationalityIndex { return 0 }
        let uValue = u[f][level]
        // Term-frequency adjustment: for exact agreement u becomes the name's frequency, for
        // phonetic agreement the key's, but never below the level's average u.
        if level <= 1, f <= 1, let value {
            // Look in both name fields: with swapped name order a family name stands in the
            // given-name field, and its rarity there would be an illusion.
            let tables =
                level == 0 ? [givenNameFrequency, familyNameFrequency] : [givenKeyFrequency, familyKeyFrequency]
            if let frequency = tables.compactMap({ $0[value] }).max() {
                return weight(index: f, level: level, frequency: frequency)
            }
        }
        return log2(max(m[f][level], Self.floor) / max(uValue, Self.floor))
    }

    /// The weight of a name level whose term frequency is known.
    func weight(index f: Int, level: Int, frequency: Double) -> Double {
        let uValue = max(frequency, level == 1 ? u[f][level] : Self.floor)
        return log2(max(m[f][level], Self.floor) / max(uValue, Self.floor))
    }

    /// The total evidence of a comparison, in bits.
    public func totalWeight(of vector: ComparisonVector, given: String? = nil, family: String? = nil) -> Double {
        vector.levels.indices.reduce(0) { sum, f in
            sum + weight(index: f, level: Int(vector.levels[f]), value: f == 0 ? given : f == 1 ? family : nil)
        }
    }

    /// The posterior probability that the pair is a match.
    public func probability(of vector: ComparisonVector, given: String? = nil, family: String? = nil) -> Double {
        let odds = lambda / (1 - lambda) * pow(2, totalWeight(of: vector, given: given, family: family))
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// Sets the term frequencies from the records the model will score. Frequencies are
    /// counted within each nationality (names and nationality go together, and nationality
    /// agreement adds no evidence of its own), keyed `NATIONALITY|VALUE`.
    public mutating func learnTermFrequencies(from records: [PreparedRecord]) {
        let groups = Dictionary(grouping: records, by: { $0.nationality ?? "" })
        @Sendable func table(_ value: (PreparedRecord) -> String) -> [String: Double] {
            var out: [String: Double] = [:]
            for (nationality, members) in groups {
                var counts: [String: Int] = [:]
                for record in members {
                    let v = value(record)
                    if !v.isEmpty { counts[v, default: 0] += 1 }
                }
                let total = Double(members.count)
                for (v, count) in counts { out[nationality + "|" + v] = Double(count) / total }
            }
            return out
        }
        // The four tables are independent: one per core.
        let values: [@Sendable (PreparedRecord) -> String] = [
            { $0.given.joined }, { $0.family.joined }, { $0.given.keys.joined(separator: " ") },
            { $0.family.keys.joined(separator: " ") },
        ]
        let tables = Linker.parallelMap(values, minimumCount: 0) { table($0) }
        (givenNameFrequency, familyNameFrequency) = (tables[0], tables[1])
        (givenKeyFrequency, familyKeyFrequency) = (tables[2], tables[3])
    }

    /// The value whose frequency adjusts a name field's weight at this level: the name for
    /// exact agreement, the phonetic key for phonetic agreement.
    static func termValue(level: Int, _ a: NormalizedName, _ b: NormalizedName, nationality: String?) -> String? {
        let prefix = (nationality ?? "") + "|"
        if level == 0, a.joined == b.joined { return prefix + a.joined }
        let (ka, kb) = (a.keys.joined(separator: " "), b.keys.joined(separator: " "))
        if level == 1, ka == kb { return prefix + ka }
        return nil
    }
}

extension FellegiSunterModel {
    /// The match probability and total weight of two records, with term frequencies.
    public func score(_ a: PreparedRecord, _ b: PreparedRecord) -> (probability: Double, weight: Double) {
        score(Comparator.compare(a, b), a, b)
    }

    /// The same, for a comparison already made.
    public func score(_ vector: ComparisonVector, _ a: PreparedRecord, _ b: PreparedRecord) -> (
        probability: Double, weight: Double
    ) {
        let (x, y) = vector.namesSwapped ? (b.family, b.given) : (b.given, b.family)
        let nationality = a.nationality == b.nationality ? a.nationality : nil
        let given = Self.termValue(level: vector[.givenName], a.given, x, nationality: nationality)
        let family = Self.termValue(level: vector[.familyName], a.family, y, nationality: nationality)
        return (
            probability(of: vector, given: given, family: family), totalWeight(of: vector, given: given, family: family)
        )
    }
}

/// The score of a pair, with each field's contribution for the expert's explanation.
public struct MatchExplanation: Sendable, Codable, Equatable {
    public struct Contribution: Sendable, Codable, Equatable {
        public var field: String
        public var level: String
        /// Evidence in bits (positive for, negative against).
        public var weight: Double
    }

    public var probability: Double
    public var weight: Double
    public var namesSwapped: Bool
    public var contributions: [Contribution]

    public init(model: FellegiSunterModel, a: PreparedRecord, b: PreparedRecord) {
        let vector = Comparator.compare(a, b)
        let (x, y) = vector.namesSwapped ? (b.family, b.given) : (b.given, b.family)
        let nationality = a.nationality == b.nationality ? a.nationality : nil
        let given = FellegiSunterModel.termValue(level: vector[.givenName], a.given, x, nationality: nationality)
        let family = FellegiSunterModel.termValue(level: vector[.familyName], a.family, y, nationality: nationality)
        let names = model.fieldNames
        let levels = model.levelNames
        contributions = vector.levels.indices.map { f in
            let level = Int(vector.levels[f])
            let value = f == 0 ? given : f == 1 ? family : nil
            return Contribution(
                field: names[f], level: levels[f][level], weight: model.weight(index: f, level: level, value: value))
        }
        weight = contributions.reduce(0) { $0 + $1.weight }
        probability = model.probability(of: vector, given: given, family: family)
        namesSwapped = vector.namesSwapped
    }
}
