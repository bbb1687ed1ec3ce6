import Foundation

/// Candidate pairs for deduplicating a whole file, built so that their number grows with the
/// file, not with its square.
///
/// The 1:N index blocks loosely (one name key and a birth year), which is right for one query
/// but gives hundreds of millions of pairs when every record of a million is a query. Here the
/// keys are composite, and a block larger than `fullBlock` is not paired in full: its records
/// are sorted by date of birth and names, and each is paired with the next `window` records
/// (sorted neighbourhood), so a very common name costs n x window pairs, not n squared.
struct DedupeBlocking: Sendable {
    /// Blocks up to this size are paired in full.
    var fullBlock = 50
    /// In larger blocks each record meets this many neighbours.
    var window = 12

    enum Kind: CaseIterable {
        /// First given and first family key (either order) with the year of birth: typing
        /// errors in the rest of the name, swapped order, day and month quirks.
        case namesAndYear
        /// The full date of birth with the first letters of those keys: names transcribed
        /// another way.
        case dateAndInitials
        /// The full date of birth with the first given or the first family key (a record has
        /// both keys): one name typed or transcribed another way from its first letter.
        case dateAndKey
        /// Every name key (either order), no date: a year off, an unknown or placeholder date.
        case fullName
        /// The date of birth alone, for estimating the name fields' m (EM must see pairs whose
        /// names were not forced to agree).
        case date
        /// First given and first family key alone, for estimating the date's m.
        case names
        case document
    }

    /// The kinds whose pairs are scored in deduplication.
    static let linkage: [Kind] = [.namesAndYear, .dateAndInitials, .dateAndKey, .fullName, .document]

    /// The keys of a record under a kind (none when the record lacks what the kind needs).
    static func keys(_ r: PreparedRecord, _ kind: Kind) -> [UInt64] {
        guard kind == .dateAndKey else { return key(r, kind).map { [$0] } ?? [] }
        guard let dob = r.dateOfBirth, dob.isComplete else { return [] }
        let date = dateNumber(dob)
        return Set([r.given.keys.first, r.family.keys.first].compactMap { $0 }).sorted().map {
            hash(kind: 1, date, $0)
        }
    }

    static func key(_ r: PreparedRecord, _ kind: Kind) -> UInt64? {
        let g = r.given.keys.first ?? ""
        let f = r.family.keys.first ?? ""
        let (low, high) = g <= f ? (g, f) : (f, g)
        switch kind {
        case .namesAndYear:
            guard !g.isEmpty || !f.isEmpty else { return nil }
            return hash(kind: 2, r.dateOfBirth?.year ?? 0, low, high)
        case .dateAndInitials, .date:
            guard let dob = r.dateOfBirth, dob.isComplete, !dob.isPlaceholder else { return nil }
            if kind == .date { return hash(kind: 3, dateNumber(dob)) }
            let initials = [g.first.map(String.init) ?? "", f.first.map(String.init) ?? ""].sorted()
            return hash(kind: 4, dateNumber(dob), initials[0], initials[1])
        case .fullName:
            let given = r.given.keys.joined(separator: " ")
            let family = r.family.keys.joined(separator: " ")
            guard !given.isEmpty, !family.isEmpty else { return nil }
            return given <= family ? hash(kind: 5, 0, given, family) : hash(kind: 5, 0, family, given)
        case .names:
            guard !g.isEmpty, !f.isEmpty else { return nil }
            return hash(kind: 6, 0, low, high)
        case .document:
            return r.documentNumber.map { hash(kind: 7, 0, $0) }
        case .dateAndKey:
            return nil
        }
    }

    static func dateNumber(_ d: PartialDate) -> Int { (d.year ?? 0) * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0) }

    /// FNV-1a over a kind, a number and text parts, without building a string.
    static func hash(kind: UInt8, _ number: Int, _ parts: String...) -> UInt64 {
        var h = FNV1a()
        h.feed(kind)
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number))) { h.feed($0) }
        for part in parts {
            h.feed(0x1F)
            h.feed(part.utf8)
        }
        return h.value
    }

    /// The pairs (lower index first) of the given kinds, each once, in ascending order. With
    /// `oneBlockIn` above 1 only about one block in that many is kept (chosen by its key), for
    /// estimation, which samples the pairs anyway.
    func pairs(_ records: [PreparedRecord], kinds: [Kind], oneBlockIn: Int = 1) -> [(Int32, Int32)] {
        pairs(Neighbourhood(records), kinds: kinds, oneBlockIn: oneBlockIn)
    }

    /// The records with their sorted-neighbourhood order, computed once for several calls.
    struct Neighbourhood: Sendable {
        let records: [PreparedRecord]
        let order: [SortKey]

        init(_ records: [PreparedRecord]) {
            self.records = records
            order = Linker.parallelMap(records) { r in
                SortKey(date: r.dateOfBirth?.description ?? "", names: r.family.joined + " " + r.given.joined)
            }
        }
    }

    func pairs(_ neighbourhood: Neighbourhood, kinds: [Kind], oneBlockIn: Int = 1) -> [(Int32, Int32)] {
        // One kind per core; each kind's pairs come back sorted, so the final sort merges runs.
        var all = Linker.parallelMap(kinds, minimumCount: 0) { blockPairs(neighbourhood, $0, oneBlockIn: oneBlockIn) }
            .flatMap { $0 }
        all.sort()
        var unique: [(Int32, Int32)] = []
        unique.reserveCapacity(all.count)
        var previous: UInt64?
        for pair in all where pair != previous {
            unique.append((Int32(truncatingIfNeeded: pair >> 32), Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)))
            previous = pair
        }
        return unique
    }

    /// The pairs of one kind, sorted, each once.
    private func blockPairs(_ neighbourhood: Neighbourhood, _ kind: Kind, oneBlockIn: Int) -> [UInt64] {
        let records = neighbourhood.records
        var keyed: [(UInt64, Int32)] = []
        keyed.reserveCapacity(records.count)
        for (i, record) in records.enumerated() {
            for key in Self.keys(record, kind) where oneBlockIn == 1 || key % UInt64(oneBlockIn) == 0 {
                keyed.append((key, Int32(i)))
            }
        }
        keyed.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var pairs: [UInt64] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].0 == keyed[start].0 { end += 1 }
            append(block: keyed[start..<end].map(\.1), order: neighbourhood.order, to: &pairs)
            start = end
        }
        pairs.sort()
        return pairs
    }

    struct SortKey: Comparable, Sendable {
        var date: String
        var names: String
        static func < (a: SortKey, b: SortKey) -> Bool { (a.date, a.names) < (b.date, b.names) }
    }

    private func append(block: [Int32], order: [SortKey], to pairs: inout [UInt64]) {
        func add(_ a: Int32, _ b: Int32) {
            let (x, y) = a < b ? (a, b) : (b, a)
            pairs.append(UInt64(UInt32(x)) << 32 | UInt64(UInt32(y)))
        }
        guard block.count > 1 else { return }
        if block.count <= fullBlock {
            for i in 0..<block.count { for j in (i + 1)..<block.count { add(block[i], block[j]) } }
            return
        }
        // Sorted neighbourhood: neighbours by date of birth, then by the names.
        let sorted = block.sorted { a, b in
            let (x, y) = (order[Int(a)], order[Int(b)])
            return x != y ? x < y : a < b
        }
        for i in 0..<sorted.count {
            for j in (i + 1)..<min(sorted.count, i + 1 + window) { add(sorted[i], sorted[j]) }
        }
    }
}
