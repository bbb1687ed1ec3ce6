import Foundation

/// Scores many pairs with one fitted model, as `FellegiSunterModel.score` does, but with the
/// weight of every level computed once and each record's name frequencies looked up once
/// instead of for every pair (string keys and hashing were a third of a million-record run).
struct BatchScorer: Sendable {
    let model: FellegiSunterModel
    private let weights: [[Double]]
    private let priorOdds: Double
    /// Per record: the frequency of its exact given name, exact family name, given key and
    /// family key within its nationality (NaN when the model has none).
    private let frequencies: [SIMD4<Double>]

    init(model: FellegiSunterModel, records: [PreparedRecord]) {
        self.model = model
        weights = model.m.indices.map { f in model.m[f].indices.map { model.weight(index: f, level: $0) } }
        priorOdds = model.lambda / (1 - model.lambda)
        frequencies = Linker.parallelMap(records) { r in
            let prefix = (r.nationality ?? "") + "|"
            func look(_ value: String, _ tables: [[String: Double]]) -> Double {
                tables.compactMap { $0[prefix + value] }.max() ?? .nan
            }
            let exact = [model.givenNameFrequency, model.familyNameFrequency]
            let keys = [model.givenKeyFrequency, model.familyKeyFrequency]
            return SIMD4(
                look(r.given.joined, exact), look(r.family.joined, exact),
                look(r.given.keys.joined(separator: " "), keys), look(r.family.keys.joined(separator: " "), keys))
        }
    }

    /// The match probability of records `i` and `j`.
    func probability(_ vector: ComparisonVector, _ i: Int, _ j: Int, _ records: [PreparedRecord]) -> Double {
        let (a, b) = (records[i], records[j])
        // Frequencies are counted within a nationality; a pair across two takes the slow path.
        guard a.nationality == b.nationality else { return model.score(vector, a, b).probability }
        let (x, y) = vector.namesSwapped ? (b.family, b.given) : (b.given, b.family)
        let cached = frequencies[i]
        var total = 0.0
        for f in vector.levels.indices {
            let level = Int(vector.levels[f])
            var frequency = Double.nan
            if f <= 1, level <= 1 {
                let (mine, theirs) = f == 0 ? (a.given, x) : (a.family, y)
                if level == 0, mine.tokens == theirs.tokens {
                    frequency = cached[f]
                } else if level == 1, mine.keys == theirs.keys {
                    frequency = cached[f + 2]
                }
            }
            total += frequency.isNaN ? weights[f][level] : model.weight(index: f, level: level, frequency: frequency)
        }
        let odds = priorOdds * pow(2, total)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }
}
