import Foundation
import PactumIdentity
import Testing

@Suite("The 1:N fingerprint gallery: filter, then full comparison")
struct FingerGalleryTests {
    static let generator = FingerGenerator()

    static func impression(_ finger: Int, _ index: Int) -> FingerTemplate {
        FingerTemplate(
            generator.impression(of: generator.master(seed: UInt64(finger)), seed: UInt64(finger), index: index))
    }

    static func gallery(_ fingers: Int, settings: FingerSearchSettings = FingerSearchSettings()) -> FingerGallery<Int> {
        var g = FingerGallery<Int>(settings: settings)
        for f in 0..<fingers { g.insert(f, impression(f, 0)) }
        return g
    }

    @Test("the filter ranks the mate among the best 1 % for at least 95 % of probes")
    func filterHitRate() {
        let g = Self.gallery(2_000)
        let probes = Array(stride(from: 3, to: 2_000, by: 20))
        let hits = probes.filter { f in g.candidates(Self.impression(f, 1), keep: 20).contains { $0.id == f } }
        #expect(Double(hits.count) / Double(probes.count) >= 0.95)
    }

    @Test("a search compares only the share the filter passes, and finds the mate first")
    func search() {
        var settings = FingerSearchSettings()
        settings.penetration = 0.05
        settings.minimumCandidates = 10
        let g = Self.gallery(1_000, settings: settings)
        let result = g.search(Self.impression(421, 1))
        #expect(result.count == 50)
        #expect(result.first?.id == 421)
        #expect(result.first!.score > FingerCalibration.threshold(fmr: 1e-3))
        #expect(result.dropFirst().allSatisfy { $0.score < FingerCalibration.threshold(fmr: 1e-3) })
    }

    @Test("a small gallery is compared in full; inserts replace and erasures remove")
    func insertAndErase() {
        var g = Self.gallery(50)
        #expect(g.search(Self.impression(7, 1)).count == 50)
        g.erase(7)
        #expect(g.count == 49)
        #expect(g.template(of: 7) == nil)
        #expect(!g.search(Self.impression(7, 1)).contains { $0.id == 7 })
        // The last finger moved into the erased slot is still found.
        #expect(g.search(Self.impression(49, 1)).first?.id == 49)
        g.insert(49, Self.impression(7, 0))
        #expect(g.count == 49)
        #expect(g.search(Self.impression(7, 1)).first?.id == 49)
        g.erase(12345)
        #expect(g.count == 49)
    }

    @Test("ten-prints: the mate is found by fused evidence, the probe's own id is left out, erasure removes")
    func tenPrints() async {
        let index = TenPrintIndex<String>()
        for person in ["anna", "bilal", "chen"] {
            await index.insert(Self.generator.tenPrint(person: person, index: 0).templatesByPosition, of: person)
        }
        let probe = Self.generator.tenPrint(person: "bilal", index: 1).templatesByPosition
        let found = await index.search(probe, minimumEvidence: 4, excluding: nil, limit: 10)
        #expect(found.map(\.id) == ["bilal"])
        #expect(found[0].fingers.count == 10 && found[0].evidence > 20)
        await index.insert(probe, of: "bilal-again")
        #expect(
            await index.search(probe, minimumEvidence: 4, excluding: "bilal-again", limit: 10).map(\.id) == ["bilal"])
        // One searched finger finds the person; all ten are then compared.
        var one = FingerSearchSettings()
        one.searchedFingers = 1
        let single = TenPrintIndex<String>(settings: one)
        await single.insert(Self.generator.tenPrint(person: "bilal", index: 0).templatesByPosition, of: "bilal")
        let viaOne = await single.search(probe, minimumEvidence: 4, excluding: nil, limit: 10)
        #expect(viaOne.map(\.id) == ["bilal"] && viaOne[0].fingers.count == 10)
        await index.erase("bilal")
        #expect(await index.fingers(of: "bilal").isEmpty)
        #expect(await index.search(probe, minimumEvidence: 4, excluding: "bilal-again", limit: 10).isEmpty)
    }
}
