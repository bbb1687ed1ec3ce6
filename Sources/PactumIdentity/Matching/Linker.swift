/// Batch record linkage and deduplication with a model estimated from the data itself.
public enum Linker {
    /// Settings of a batch run.
    public struct Options: Sendable {
        /// Pairs with at least this match probability are linked.
        public var threshold = 0.5
        /// Random pairs used to estimate u.
        public var randomPairs = 100_000
        /// Candidate pairs used by EM (a sample if there are more).
        public var emPairs = 400_000
        public var seed: UInt64 = 42
        /// Names of the records' extra attributes, in order.
        public var extraFields: [String] = []
        /// Linkage only: keep a pair only when each record is the other's best match (two
        /// files without internal duplicates).
        public var oneToOne = false
        public init() {}
    }

    /// A fitted model: u from random pairs, m by EM over blocked pairs, term frequencies.
    public static func fit(_ records: [PreparedRecord], index: IdentityIndex, options: Options) -> FellegiSunterModel {
        var model = FellegiSunterModel.initial(extraFields: options.extraFields)
        var rng = SeededGenerator(seed: options.seed)
        if records.count > 1 {
            let random = (0..<options.randomPairs).map { _ -> ComparisonVector in
                let a = records[Int.random(in: 0..<records.count, using: &rng)]
                let b = records[Int.random(in: 0..<records.count, using: &rng)]
                return Comparator.compare(a, b)
            }
            model.estimateU(from: random)
        }
        func vectors(_ pairs: [(Int32, Int32)]) -> [ComparisonVector] {
            var pairs = pairs
            if pairs.count > options.emPairs {
                pairs.shuffle(using: &rng)
                pairs = Array(pairs.prefix(options.emPairs))
            }
            return pairs.compactMap { a, b -> ComparisonVector? in
                guard let x = index.prepared(a), let y = index.prepared(b) else { return nil }
                return Comparator.compare(x, y)
            }
        }
        // Names learned from pairs blocked on the date of birth; the date and the document
        // from pairs blocked on the names (each field from blocks that do not force it).
        model.estimateMByEM(from: vectors(index.candidatePairs(kind: "d")), excluding: [.dateOfBirth], iterations: 30)
        model.estimateMByEM(from: vectors(index.candidatePairs(kind: "gf")), excluding: [.givenName, .familyName], iterations: 30)
        model.estimateLambda(from: vectors(index.candidatePairs()))
        model.learnTermFrequencies(from: records)
        return model
    }

    /// Clusters of ids that are the same person, with the model used.
    public static func dedupe(_ records: [IdentityRecord], options: Options = Options()) -> (clusters: [[String]], model: FellegiSunterModel) {
        let prepared = records.map(PreparedRecord.init)
        var index = IdentityIndex(model: .initial(extraFields: options.extraFields))
        for record in prepared { index.insert(record) }
        let model = fit(prepared, index: index, options: options)
        index.update(model: model)
        var parent = Array(0..<prepared.count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for (a, b) in index.candidatePairs() {
            guard let x = index.prepared(a), let y = index.prepared(b) else { continue }
            if index.score(x, y).0 >= options.threshold {
                let (ra, rb) = (root(Int(a)), root(Int(b)))
                if ra != rb { parent[ra] = rb }
            }
        }
        var clusters: [Int: [String]] = [:]
        for i in 0..<prepared.count { clusters[root(i), default: []].append(prepared[i].record.id) }
        return (clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }, model)
    }

    /// Pairs (left id, right id, probability) of records that are the same person.
    public static func link(_ left: [IdentityRecord], _ right: [IdentityRecord], options: Options = Options())
        -> (links: [(String, String, Double)], model: FellegiSunterModel)
    {
        // One index over both sides, ids kept apart by a prefix, so that the model is fitted
        // on the pairs that blocking proposes.
        let l = left.map { r -> PreparedRecord in var r = r; r.id = "L" + r.id; return PreparedRecord(r) }
        let r = right.map { r -> PreparedRecord in var r = r; r.id = "R" + r.id; return PreparedRecord(r) }
        var index = IdentityIndex(model: .initial(extraFields: options.extraFields))
        for record in l + r { index.insert(record) }
        let model = fit(l + r, index: index, options: options)
        index.update(model: model)
        var links: [(String, String, Double)] = []
        for (a, b) in index.candidatePairs() {
            guard let x = index.prepared(a), let y = index.prepared(b) else { continue }
            let (xl, yl) = (x.record.id.first == "L", y.record.id.first == "L")
            guard xl != yl else { continue }
            let p = index.score(x, y).0
            if p >= options.threshold {
                let (lid, rid) = xl ? (x.record.id, y.record.id) : (y.record.id, x.record.id)
                links.append((String(lid.dropFirst()), String(rid.dropFirst()), p))
            }
        }
        if options.oneToOne {
            var bestLeft: [String: Double] = [:]
            var bestRight: [String: Double] = [:]
            for (l, r, p) in links {
                bestLeft[l] = max(bestLeft[l] ?? 0, p)
                bestRight[r] = max(bestRight[r] ?? 0, p)
            }
            links = links.filter { l, r, p in p == bestLeft[l] && p == bestRight[r] }
        }
        return (links.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }, model)
    }
}
