import Foundation
import PactumIdentity

/// A candidate as the expert's pages show it: the two datasets side by side, how strong the
/// evidence is in words, and each field's agreement as a reason for or against, with no
/// score, weight or algorithm name in sight (the numbers stay in the API answer).
struct CandidateCard: Encodable, Sendable {
    var candidate: CandidateView
    var isBiometric: Bool
    var isPending: Bool
    var sourceLabel: String
    var strength: String
    var fields: [Field]
    var fingers: [Finger]

    struct Field: Encodable, Sendable {
        var label, agreement, effect: String
    }

    struct Finger: Encodable, Sendable {
        var finger: String
        var score: String
        var falseMatch: String
    }

    init(_ c: CandidateView, _ words: Words) {
        candidate = c
        let source = Candidate.Source(rawValue: c.source) ?? .biographic
        isBiometric = source != .biographic
        isPending = c.status == Candidate.Status.pending.rawValue
        sourceLabel = words.label(.source, source.rawValue)
        strength = Labels.strength(probability: c.probability, words)
        fields = (c.explanation?.contributions ?? []).map {
            Field(
                label: words.label(.field, $0.field), agreement: Labels.agreement($0.level, words),
                effect: Labels.effect(bits: $0.weight, words))
        }
        fingers = (c.evidence?.fingers ?? []).map {
            Finger(
                finger: Labels.finger($0.position, words), score: words.decimal($0.score, places: 2),
                falseMatch: Labels.falseMatchRate($0.fmr, words))
        }
    }
}
