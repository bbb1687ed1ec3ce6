/// A candidate found by a 1:N search.
public struct IdentityCandidate: Sendable, Codable, Equatable {
    public var id: String
    public var probability: Double
    public var weight: Double
}

/// An in-memory 1:N index over prepared records, updated on every insert and erase (no
/// rebuild). Blocking keys select candidates; the Fellegi-Sunter model scores them.
///
/// Keys, each hashed to 64 bits:
/// - the phonetic key of every name token with the year of birth (swapped name order and
///   extra given names still meet);
/// - the phonetic keys of the first given and first family name together (a wrong date);
/// - the full date of birth with the first letter of the family key (a name written in a
///   wholly different way);
/// - the document number;
/// - the exact value of each extra attribute (an address line, a postcode).
public struct IdentityIndex: Sendable {
    public private(set) var model: FellegiSunterModel
    private var slots: [PreparedRecord?] = []
    private var slotOfID: [String: Int32] = [:]
    private var postings: [UInt64: [Int32]] = [:]
    /// The keys of each kind, for estimation passes that block on one kind only.
    private var keysOfKind: [String: Set<UInt64>] = [:]
    /// Blocks larger than this are too common to be useful ("MHMD 1990", "state = NSW"); the
    /// record's other keys still find its matches. Per kind of key: a shared address value
    /// says less than a shared name with a year.
    public var maxPosting: [String: Int] = ["n": 1_000, "gf": 1_000, "d": 200, "doc": 20, "x": 10]

    public init(model: FellegiSunterModel) { self.model = model }

    public var count: Int { slotOfID.count }

    /// Adds a record, or replaces the record with the same id.
    public mutating func insert(_ record: PreparedRecord) {
        if slotOfID[record.record.id] != nil { erase(id: record.record.id) }
        let slot = Int32(slots.count)
        slots.append(record)
        slotOfID[record.record.id] = slot
        for (kind, key) in Self.blockingKeys(record) {
            postings[key, default: []].append(slot)
            keysOfKind[kind, default: []].insert(key)
        }
    }

    /// Removes a record so that no search finds it again.
    public mutating func erase(id: String) {
        guard let slot = slotOfID.removeValue(forKey: id), let record = slots[Int(slot)] else { return }
        for (kind, key) in Self.blockingKeys(record) {
            postings[key]?.removeAll { $0 == slot }
            if postings[key]?.isEmpty == true {
                postings[key] = nil
                keysOfKind[kind]?.remove(key)
            }
        }
        slots[Int(slot)] = nil
    }

    public func record(id: String) -> PreparedRecord? { slotOfID[id].flatMap { slots[Int($0)] } }

    /// Replaces the model (after re-estimation); the blocks do not change.
    public mutating func update(model: FellegiSunterModel) { self.model = model }

    /// The records that share a block with the query, excluding the query's own id.
    func candidateSlots(for query: PreparedRecord) -> [Int32] {
        var seen = Set<Int32>()
        for (kind, key) in Self.blockingKeys(query) {
            guard let list = postings[key], list.count <= maxPosting[kind, default: 1_000] else { continue }
            seen.formUnion(list)
        }
        if let own = slotOfID[query.record.id] { seen.remove(own) }
        return Array(seen)
    }

    /// The best matches of a record, most probable first.
    public func search(_ query: PreparedRecord, limit: Int = 10, minimumProbability: Double = 0.01)
        -> [IdentityCandidate]
    {
        var found: [IdentityCandidate] = []
        for slot in candidateSlots(for: query) {
            guard let other = slots[Int(slot)] else { continue }
            let (probability, weight) = score(query, other)
            if probability >= minimumProbability {
                found.append(IdentityCandidate(id: other.record.id, probability: probability, weight: weight))
            }
        }
        found.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.id < $1.id) }
        return Array(found.prefix(limit))
    }

    func score(_ a: PreparedRecord, _ b: PreparedRecord) -> (Double, Double) { model.score(a, b) }

    /// The record pairs that share a block, each once (for estimation and deduplication);
    /// `kind` limits them to one kind of key ("n", "gf", "d", "doc").
    func candidatePairs(kind: String? = nil) -> [(Int32, Int32)] {
        var pairs = Set<UInt64>()
        let kinds = kind.map { [$0] } ?? Array(keysOfKind.keys)
        for kind in kinds {
            let limit = maxPosting[kind, default: 1_000]
            for key in keysOfKind[kind] ?? [] {
                guard let list = postings[key], list.count > 1, list.count <= limit else { continue }
                for i in 0..<list.count {
                    for j in (i + 1)..<list.count {
                        let (a, b) = list[i] < list[j] ? (list[i], list[j]) : (list[j], list[i])
                        pairs.insert(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))
                    }
                }
            }
        }
        // Sorted: a Set's order changes from process to process, and EM samples from this
        // list, so the same input must give the pairs in the same order.
        return pairs.sorted().map { (Int32(truncatingIfNeeded: $0 >> 32), Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF)) }
    }

    func prepared(_ slot: Int32) -> PreparedRecord? { slots[Int(slot)] }

    static func blockingKeys(_ r: PreparedRecord) -> [(kind: String, key: UInt64)] {
        var keys: [(String, UInt64)] = []
        let year = r.dateOfBirth?.year.map(String.init) ?? "?"
        for key in Set(r.given.keys + r.family.keys) where key.count >= 2 {
            keys.append(("n", hash("n|\(key)|\(year)")))
        }
        if let g = r.given.keys.first, let f = r.family.keys.first {
            keys.append(("gf", hash("gf|" + [g, f].sorted().joined(separator: "|"))))
        }
        if let dob = r.dateOfBirth, dob.isComplete, !dob.isPlaceholder {
            keys.append(("d", hash("d|\(dob)")))
        }
        if let document = r.documentNumber { keys.append(("doc", hash("doc|" + document))) }
        // Extra attributes (an address): each exact value is a block; common values exceed
        // `maxPosting` and are passed over.
        for (i, value) in r.extra.enumerated() where value.count >= 2 {
            keys.append(("x", hash("x\(i)|" + value)))
        }
        return keys
    }

    /// FNV-1a, 64 bits: stable across runs (Swift's Hasher is seeded per process).
    static func hash(_ text: String) -> UInt64 {
        var h = FNV1a()
        h.feed(text.utf8)
        return h.value
    }
}

/// The 64-bit FNV-1a hash, fed byte by byte.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func feed(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100_0000_01b3
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) { for byte in bytes { feed(byte) } }
}
