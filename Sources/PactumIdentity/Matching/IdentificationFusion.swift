import Foundation

/// One stored dataset's evidence of being the probe's person, from each source that could be
/// compared, fused into one figure and a decision: a hit for the expert (EDAC Art 38(4)) or no
/// hit, with the reasons in words.
///
/// The figure is log10 of a likelihood ratio. Fingerprints give −log10 of their fused false
/// match rate: an impostor reaches it with that rate, a mate at most always. Biographic data
/// give their Fellegi-Sunter weight (bits, converted). Biographic data only ever add, and at
/// most `biographicCeiling`: names and dates are declared, not verified, so disagreeing ones
/// must not hide a fingerprint hit (a false identity is what Eurodac is for), and agreeing
/// ones, which namesakes share, must not make one. The face has no calibrated rate (no real
/// model's scores can be measured here) and decides by its threshold alone, only where no
/// fingerprints could be compared (EDAC Art 28).
public struct IdentificationFusion: Sendable {
    public struct Settings: Sendable {
        /// Fused evidence for a fingerprint hit: an adult's, and a child's aged 6-14, whose
        /// growing, smaller fingers give more chance agreement (EDAC Art 14).
        public var fingerEvidence = 4.0
        public var childFingerEvidence = 6.0
        /// The most that agreeing biographic data can add, in log10.
        public var biographicCeiling = 2.0
        /// Face hits (cosine similarity), only without comparable fingerprints.
        public var faceSimilarity: Float = 0.5
        /// Biographic-only hits: the match probability, as for a biographic search.
        public var biographicProbability = 0.2
        public init() {}
    }

    /// What each source said of one stored dataset; nil where that source was not compared.
    public struct Evidence: Sendable, Codable, Equatable {
        /// −log10 of the fused false match rate, and how many fingers were compared.
        public var fingers: Double?
        public var fingersCompared = 0
        public var face: Float?
        /// Fellegi-Sunter weight in bits, and the match probability.
        public var biographicWeight: Double?
        public var biographicProbability: Double?

        public init(
            fingers: Double? = nil, fingersCompared: Int = 0, face: Float? = nil, biographicWeight: Double? = nil,
            biographicProbability: Double? = nil
        ) {
            self.fingers = fingers
            self.fingersCompared = fingersCompared
            self.face = face
            self.biographicWeight = biographicWeight
            self.biographicProbability = biographicProbability
        }
    }

    public struct Decision: Sendable, Codable, Equatable {
        public var hit: Bool
        /// What the decision rests on: "fingerprints", "face" or "biographic".
        public var basis: String
        /// The fused log10 likelihood ratio (fingerprints), the similarity (face) or the match
        /// probability (biographic): the candidate list is ranked by basis, then by this.
        public var score: Double
        public var reasons: [String]
    }

    public var settings: Settings

    public init(settings: Settings = Settings()) { self.settings = settings }

    public func decide(_ e: Evidence, child: Bool) -> Decision {
        let bits = e.biographicWeight.map { $0 * log10(2.0) }
        let biographicReason = e.biographicProbability.map {
            String(format: "biographic data: weight %+.1f bits, match probability %.2f", e.biographicWeight ?? 0, $0)
        }
        if let fingers = e.fingers {
            let lift = min(settings.biographicCeiling, max(0, bits ?? 0))
            let fused = fingers + lift
            let needed = child ? settings.childFingerEvidence : settings.fingerEvidence
            var reasons = [
                String(
                    format: "fingerprints: %d compared, evidence %.1f (false match rate %.1e)", e.fingersCompared,
                    fingers, pow(10, -fingers))
            ]
            if let biographicReason {
                reasons.append(biographicReason + String(format: ", adds %.1f", lift))
            }
            reasons.append(
                String(
                    format: "%@: fused evidence %.1f %@ the %@ threshold of %.1f", fused >= needed ? "hit" : "no hit",
                    fused, fused >= needed ? "reaches" : "is below", child ? "child's (6-14)" : "adult's", needed))
            return Decision(hit: fused >= needed, basis: "fingerprints", score: fused, reasons: reasons)
        }
        if let face = e.face {
            let hit = face >= settings.faceSimilarity
            var reasons = [
                "no fingerprints could be compared; the face decides (EDAC Art 28)",
                String(
                    format: "%@: face similarity %.3f %@ the threshold of %.2f", hit ? "hit" : "no hit", face,
                    hit ? "reaches" : "is below", settings.faceSimilarity),
            ]
            if let biographicReason { reasons.insert(biographicReason + ", shown, not fused", at: 1) }
            return Decision(hit: hit, basis: "face", score: Double(face), reasons: reasons)
        }
        let probability = e.biographicProbability ?? 0
        let hit = probability >= settings.biographicProbability
        return Decision(
            hit: hit, basis: "biographic", score: probability,
            reasons: [
                "no biometric data could be compared",
                (biographicReason ?? "biographic data not compared")
                    + String(
                        format: "; %@ of %.2f",
                        hit ? "reaches the candidate threshold" : "below the candidate threshold",
                        settings.biographicProbability),
            ])
    }

    /// Candidates best first: fingerprint decisions, then face, then biographic, each by score.
    public static func rank<T>(_ items: [(T, Decision)]) -> [(T, Decision)] {
        let order = ["fingerprints": 0, "face": 1, "biographic": 2]
        return items.sorted {
            let (a, b) = (order[$0.1.basis] ?? 3, order[$1.1.basis] ?? 3)
            return a != b ? a < b : $0.1.score > $1.1.score
        }
    }
}
