import Foundation
import PactumIdentity
import Testing

@Suite("Fusion of fingerprint, face and biographic evidence")
struct IdentificationFusionTests {
    let fusion = IdentificationFusion()

    @Test("fingerprints decide; disagreeing names never hide a fingerprint hit")
    func fingerprintsDecide() {
        let alias = fusion.decide(
            .init(fingers: 9, fingersCompared: 10, biographicWeight: -40, biographicProbability: 0.0), child: false)
        #expect(alias.hit)
        #expect(alias.basis == "fingerprints")
        #expect(alias.score == 9)
        #expect(alias.reasons.last!.hasPrefix("hit: fused evidence 9.0 reaches the adult's threshold of 4.0"))
    }

    @Test("agreeing names lift weak fingerprint evidence over the threshold, but by at most the ceiling")
    func biographicLift() {
        let weak = IdentificationFusion.Evidence(fingers: 2.5, fingersCompared: 4)
        #expect(!fusion.decide(weak, child: false).hit)
        var named = weak
        named.biographicWeight = 10  // 3.0 in log10, capped at 2
        named.biographicProbability = 0.9
        let lifted = fusion.decide(named, child: false)
        #expect(lifted.hit)
        #expect(lifted.score == 4.5)
        // Namesakes whose fingers disagree stay apart however well their names agree.
        let namesake = fusion.decide(
            .init(fingers: 0.1, fingersCompared: 10, biographicWeight: 60, biographicProbability: 1), child: false)
        #expect(!namesake.hit)
    }

    @Test("a child aged 6-14 needs the stricter threshold")
    func children() {
        let e = IdentificationFusion.Evidence(fingers: 5, fingersCompared: 10)
        #expect(fusion.decide(e, child: false).hit)
        let child = fusion.decide(e, child: true)
        #expect(!child.hit)
        #expect(child.reasons.last!.contains("child's (6-14) threshold of 6.0"))
    }

    @Test("the face decides only without fingerprints, and the biographic rule only without either")
    func faceAndBiographic() {
        let face = fusion.decide(.init(face: 0.62, biographicWeight: -5, biographicProbability: 0.01), child: false)
        #expect(face.hit && face.basis == "face")
        #expect(!fusion.decide(.init(face: 0.3), child: false).hit)
        // A face beside compared fingerprints plays no part.
        #expect(!fusion.decide(.init(fingers: 0.5, fingersCompared: 10, face: 0.99), child: false).hit)
        let names = fusion.decide(.init(biographicWeight: 12, biographicProbability: 0.7), child: false)
        #expect(names.hit && names.basis == "biographic")
        #expect(!fusion.decide(.init(biographicWeight: -3, biographicProbability: 0.05), child: false).hit)
    }

    @Test("the list ranks fingerprint hits first, then face, then biographic, each by score")
    func ranking() {
        let decisions = [
            ("b", fusion.decide(.init(biographicWeight: 20, biographicProbability: 0.99), child: false)),
            ("f1", fusion.decide(.init(fingers: 5, fingersCompared: 2), child: false)),
            ("face", fusion.decide(.init(face: 0.9), child: false)),
            ("f2", fusion.decide(.init(fingers: 8, fingersCompared: 10), child: false)),
        ]
        #expect(IdentificationFusion.rank(decisions).map(\.0) == ["f2", "f1", "face", "b"])
    }
}
