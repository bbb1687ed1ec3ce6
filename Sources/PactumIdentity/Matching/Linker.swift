import Foundation

/// Batch record linkage and deduplication with a model estimated from the data itself.
public enum Linker {
    /// Applies `body` to every element on all cores, keeping the order. Below `minimumCount`
    /// items the work is not worth the threads; a few large items (whole tables) set it to 0.
    static func parallelMap<T: Sendable, R: Sendable>(
        _ items: [T], minimumCount: Int = 2_000, _ body: @Sendable (T) -> R
    ) -> [R] {
        guard items.count > max(minimumCount, 1) else { return items.map(body) }
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let size = (items.count + chunks - 1) / chunks
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            // Each chunk writes its own disjoint range of the buffer.
            for i in (chunk * size)..<min(items.count, (chunk + 1) * size) { output[i] = body(items[i]) }
        }
        return results.map { $0! }
    }

    /// Settings of a batch run.
    public struct Options: Sendable {
        /// Pairs with at least this match probability are linked. Deduplication joins links
        /// into clusters, so one false link merges two people: use `dedupeThreshold` there.
        public var threshold = 0.5
        /// Random pairs used to estimate u.
        public var randomPairs = 50_000
        /// Candidate pairs used by EM (a sample if there are more).
        public var emPairs = 400_000
        public var seed: UInt64 = 42
        /// Deduplication: a link counts only if it is among the best this many of both records.
        /// Two keeps triples (a person registered three times) while cutting the chains that
        /// records with common names build: on 100,000 synthetic persons pair precision rose
        /// from 0.63 to 0.84 at recall 0.98; one dropped recall to 0.68.
        public var bestLinksPerRecord = 2
        /// Below this many candidate pairs EM has too little to learn from: the prior m of
        /// `FellegiSunterModel.initial` is kept.
        public var minimumPairsForEM = 500
        /// Labelled matches (confirmed hits) replace m from this many on: they are facts, not
        /// estimates, so fewer suffice.
        public var minimumLabelledPairs = 50
        /// Names of the records' extra attributes, in order.
        public var extraFields: [String] = []
        /// Linkage only: keep a pair only when each record is the other's best match (two
        /// files without internal duplicates).
        public var oneToOne = false
        public init() {}

        /// The default for deduplication: Fellegi-Sunter probabilities are over-confident
        /// (the fields are not independent), and clustering chains every false link; on the
        /// synthetic population 0.99 gave pair precision 0.993 where 0.5 gave 0.72.
        public static let dedupeThreshold = 0.99
    }

    /// A fitted model: u from random pairs, m by EM over blocked pairs, term frequencies.
    public static func fit(_ records: [PreparedRecord], index: IdentityIndex, options: Options) -> FellegiSunterModel {
        // The index's slots are the records' positions (it was filled in this order).
        fit(
            records, byDate: index.candidatePairs(kind: "d"), byName: index.candidatePairs(kind: "gf"),
            all: index.candidatePairs(), options: options)
    }

    /// Comparisons of `count` pairs of two different records drawn at random (almost all
    /// non-matches: what u is estimated from). A record against itself would count as a random
    /// exact agreement.
    public static func randomPairs(_ records: [PreparedRecord], count: Int, using rng: inout SeededGenerator)
        -> [ComparisonVector]
    {
        guard records.count > 1 else { return [] }
        let draws = (0..<count).map { _ -> (Int, Int) in
            let a = Int.random(in: 0..<records.count, using: &rng)
            let b = (a + Int.random(in: 1..<records.count, using: &rng)) % records.count
            return (a, b)
        }
        return parallelMap(draws) { Comparator.compare(records[$0.0], records[$0.1]) }
    }

    /// A fitted model from pairs of record positions: names, sex and nationality learned from
    /// pairs blocked on the date of birth; the date and the document from pairs blocked on the
    /// names (each field from blocks that neither force it nor are correlated with it); λ over
    /// all candidate pairs.
    static func fit(
        _ records: [PreparedRecord], byDate: [(Int32, Int32)], byName: [(Int32, Int32)], all: [(Int32, Int32)],
        options: Options
    ) -> FellegiSunterModel {
        var model = FellegiSunterModel.initial(extraFields: options.extraFields)
        var rng = SeededGenerator(seed: options.seed)
        if records.count > 1 { model.estimateU(from: randomPairs(records, count: options.randomPairs, using: &rng)) }
        func vectors(_ pairs: [(Int32, Int32)]) -> [ComparisonVector] {
            var pairs = pairs
            if pairs.count > options.emPairs {
                pairs.shuffle(using: &rng)
                pairs = Array(pairs.prefix(options.emPairs))
            }
            return parallelMap(pairs) { Comparator.compare(records[Int($0.0)], records[Int($0.1)]) }
        }
        let dated = vectors(byDate)
        if dated.count >= options.minimumPairsForEM {
            model.estimateMByEM(from: dated, excluding: [.dateOfBirth], iterations: 30)
        }
        let named = vectors(byName)
        if named.count >= options.minimumPairsForEM {
            // Names also fix sex and, largely, nationality: within name blocks those agree for
            // non-matches too and would be mistaken for evidence.
            model.estimateMByEM(
                from: named, excluding: [.givenName, .familyName, .sex, .nationality], iterations: 30)
        }
        model.estimateLambda(from: vectors(all))
        model.learnTermFrequencies(from: records)
        return model
    }

    /// An index over the records with a model fitted on them.
    static func fittedIndex(_ records: [PreparedRecord], options: Options) -> IdentityIndex {
        var index = IdentityIndex(model: .initial(extraFields: options.extraFields))
        for record in records { index.insert(record) }
        index.update(model: fit(records, index: index, options: options))
        return index
    }

    /// Clusters of ids that are the same person, with the model used. `labels`, aligned with
    /// the records, names the person where it is known (hits an expert confirmed): m is then
    /// learned from the candidate pairs the labels say are matches, not by EM.
    public static func dedupe(_ records: [IdentityRecord], options: Options = Options(), labels: [String?]? = nil) -> (
        clusters: [[String]], model: FellegiSunterModel, links: [(String, String, Double)]
    ) {
        let prepared = parallelMap(records, PreparedRecord.init)
        let blocking = DedupeBlocking()
        let neighbourhood = DedupeBlocking.Neighbourhood(prepared)
        let pairs = blocking.pairs(neighbourhood, kinds: DedupeBlocking.linkage)
        // EM samples its pairs: from a million records a sample of the blocks is plenty.
        let oneBlockIn = max(1, prepared.count / 100_000)
        let byDate = blocking.pairs(neighbourhood, kinds: [.date], oneBlockIn: oneBlockIn)
        let byName = blocking.pairs(neighbourhood, kinds: [.names], oneBlockIn: oneBlockIn)
        // λ, the share of matches, from the looser blocks EM uses: the linkage pairs are mostly
        // matches by construction, and a λ from them would let name agreement alone link two
        // people whose dates of birth disagree.
        var model = fit(prepared, byDate: byDate, byName: byName, all: byDate + byName, options: options)
        if let labels {
            var matches = pairs.filter { a, b in labels[Int(a)] != nil && labels[Int(a)] == labels[Int(b)] }
            var rng = SeededGenerator(seed: options.seed)
            matches.shuffle(using: &rng)
            let sample = Array(matches.prefix(options.emPairs))
            if sample.count >= options.minimumLabelledPairs {
                model.estimateM(
                    fromConfirmedMatches: parallelMap(sample) {
                        Comparator.compare(prepared[Int($0.0)], prepared[Int($0.1)])
                    })
            }
        }
        let scorer = BatchScorer(model: model, records: prepared)
        let scored = parallelMap(pairs) { pair in
            let (a, b) = (prepared[Int(pair.0)], prepared[Int(pair.1)])
            // A whole name that disagrees outright is two people, however rare the other name
            // and however exact the date (independence over-counts those), unless the same
            // document says otherwise.
            let vector = Comparator.compare(a, b)
            if max(vector[.givenName], vector[.familyName]) == 4, vector[.documentNumber] != 0 { return 0.0 }
            return scorer.probability(vector, Int(pair.0), Int(pair.1), prepared)
        }
        // A link counts only if each record is among the other's best candidates: records
        // with common names become hubs that would otherwise chain different people.
        var best: [Int32: [Double]] = [:]
        for ((a, b), probability) in zip(pairs, scored) where probability >= options.threshold {
            best[a, default: []].append(probability)
            best[b, default: []].append(probability)
        }
        let cutoff = best.mapValues { $0.sorted(by: >).prefix(options.bestLinksPerRecord).last ?? 1 }
        var kept: [(Int32, Int32, Double)] = []
        for ((a, b), probability) in zip(pairs, scored)
        where probability >= options.threshold && probability >= cutoff[a]! && probability >= cutoff[b]! {
            kept.append((a, b, probability))
        }
        // Strongest links first; a link that would put two different full dates of birth (or
        // both sexes) in one cluster is refused, so that a placeholder date or a namesake
        // cannot chain different people together.
        kept.sort { ($0.2, $1.0, $1.1) > ($1.2, $0.0, $0.1) }
        var clustering = ConstrainedClusters(prepared)
        var links: [(String, String, Double)] = []
        for (a, b, probability) in kept where clustering.join(Int(a), Int(b)) {
            links.append((prepared[Int(a)].record.id, prepared[Int(b)].record.id, probability))
        }
        var clusters: [Int: [String]] = [:]
        for i in 0..<prepared.count { clusters[clustering.root(i), default: []].append(prepared[i].record.id) }
        return (clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }, model, links)
    }

    /// Pairs (left id, right id, probability) of records that are the same person.
    public static func link(_ left: [IdentityRecord], _ right: [IdentityRecord], options: Options = Options())
        -> (links: [(String, String, Double)], model: FellegiSunterModel)
    {
        // One index over both sides, ids kept apart by a prefix, so that the model is fitted
        // on the pairs that blocking proposes.
        func prepare(_ records: [IdentityRecord], side: String) -> [PreparedRecord] {
            parallelMap(records) { record in
                var record = record
                record.id = side + record.id
                return PreparedRecord(record)
            }
        }
        let index = fittedIndex(prepare(left, side: "L") + prepare(right, side: "R"), options: options)
        let crossing = index.candidatePairs().compactMap { a, b -> (PreparedRecord, PreparedRecord)? in
            guard let x = index.prepared(a), let y = index.prepared(b) else { return nil }
            let xl = x.record.id.first == "L"
            guard xl != (y.record.id.first == "L") else { return nil }
            return xl ? (x, y) : (y, x)
        }
        let scored = parallelMap(crossing) { [index] pair in index.score(pair.0, pair.1).0 }
        var links: [(String, String, Double)] = []
        for ((l, r), p) in zip(crossing, scored) where p >= options.threshold {
            links.append((String(l.record.id.dropFirst()), String(r.record.id.dropFirst()), p))
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
        return (links.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }, index.model)
    }
}
