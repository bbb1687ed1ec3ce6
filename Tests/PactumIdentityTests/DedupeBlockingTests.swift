import Foundation
import Testing

@testable import PactumIdentity

@Suite("Deduplication: composite blocks and constrained clusters")
struct DedupeBlockingTests {
    static func record(_ id: String, _ given: String, _ family: String, _ dob: String?, sex: String? = "M")
        -> PreparedRecord
    {
        PreparedRecord(IdentityRecord(id: id, givenNames: given, familyNames: family, dateOfBirth: dob, sex: sex))
    }

    @Test("swapped names, another transcription and a year off still meet; a large block costs n x window pairs")
    func blocks() {
        let records = [
            Self.record("a", "Mohammed", "Al-Hassan", "1990-03-12"),
            Self.record("b", "Al Hassan", "Muhammad", "1990-03-12"),  // swapped: names and year
            Self.record("c", "Mohammed", "Al Hasan", "1991-03-12"),  // a year off: the whole name
            Self.record("d", "Olena", "Kovalenko", "1985-07-30"),
        ]
        let pairs = DedupeBlocking().pairs(records, kinds: DedupeBlocking.linkage)
        #expect(pairs.contains { $0 == (0, 1) } && pairs.contains { $0 == (0, 2) })
        #expect(!pairs.contains { $0.0 == 3 || $0.1 == 3 })
        // 300 namesakes born in one year: one block, paired by sorted neighbourhood.
        let namesakes = (0..<300).map { i in
            Self.record(
                "n\(i)", "Ivan", "Petrenko",
                "1980-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1))")
        }
        let blocking = DedupeBlocking(fullBlock: 50, window: 5)
        let bounded = blocking.pairs(namesakes, kinds: [.namesAndYear])
        #expect(bounded.count <= 300 * 5 && bounded.count >= 290 * 5)
        #expect(Set(bounded.map { "\($0.0)-\($0.1)" }).count == bounded.count)
    }

    @Test("a cluster never holds two full dates of birth that no quirk explains, nor both sexes")
    func constraints() {
        var clusters = ConstrainedClusters([
            Self.record("a", "Rami", "Al Mani", "2003-02-04"), Self.record("b", "Rami", "Al Mani", "2003-01-01"),
            Self.record("c", "Rami", "Al Mani", "2003-06-13"), Self.record("d", "Rami", "Al Mani", "2004-02-04"),
            Self.record("e", "Rami", "Al Mani", "2003-04-02"),
            Self.record("f", "Rami", "Al Mani", "2003-02-04", sex: "F"),
        ])
        let joins = [(0, 1), (1, 2), (0, 3), (0, 4), (0, 5)].map { clusters.join($0.0, $0.1) }
        // A placeholder date joins, but cannot then bring in another full date; a year off
        // joins; a transposed day and month would too, but every date of the cluster must
        // explain every other, and 2003-04-02 does not explain 2004-02-04; both sexes never.
        #expect(joins == [true, false, true, false, false])
        let (r0, r2, r3) = (clusters.root(0), clusters.root(2), clusters.root(3))
        #expect(r0 == r3 && r2 != r0)
    }
}
