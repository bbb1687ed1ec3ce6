import Foundation
import PactumIdentity
import Testing

@Suite("Fellegi-Sunter: comparisons, EM, term frequencies, explanations")
struct FellegiSunterTests {
    static func record(
        _ given: String, _ family: String, _ dob: String?, sex: String? = nil, nationality: String? = nil,
        doc: String? = nil
    )
        -> PreparedRecord
    {
        PreparedRecord(
            IdentityRecord(
                id: UUID().uuidString, givenNames: given, familyNames: family, dateOfBirth: dob, sex: sex,
                nationality: nationality,
                documentNumber: doc))
    }

    @Test("comparison levels: transliteration, swapped names, transposed dates, document typos")
    func comparisons() {
        let arabic = Self.record("محمد", "حسن", "1990-03-07", sex: "M", nationality: "SY", doc: "N1234567")
        let latin = Self.record("Mohammed", "Hassan", "1990-07-03", sex: "M", nationality: "sy", doc: "N1234576")
        let v = Comparator.compare(arabic, latin)
        #expect(v[.givenName] == 1 && v[.familyName] == 1)
        #expect(v[.dateOfBirth] == DateAgreement.transposed.rawValue)
        #expect(v[.sex] == 0 && v[.nationality] == 0 && v[.documentNumber] == 1)
        let swapped = Comparator.compare(Self.record("Hassan", "Mohammed", nil), Self.record("Mohammed", "Hassan", nil))
        #expect(
            swapped.namesSwapped && swapped[.givenName] == 0 && swapped[.dateOfBirth] == DateAgreement.missing.rawValue)
    }

    @Test("dates of birth: placeholders, unknown parts, one year off, different")
    func dates() {
        func level(_ a: String?, _ b: String?) -> DateAgreement {
            DateAgreement.compare(a.flatMap(PartialDate.init), b.flatMap(PartialDate.init))
        }
        #expect(level("1990-05-17", "1990-05-17") == .exact)
        #expect(
            level("1990-01-01", "1990-01-01") == .partial, "1 January is a placeholder: weaker than a real exact date")
        #expect(level("1990-05-17", "1991-05-17") == .yearOff)
        #expect(level("1990-XX-XX", "1990-05-17") == .partial)
        #expect(level("1990-00-00", "1991-05-17") == .different)
        #expect(level("1990-07-01", "1990-11-23") == .partial)
        #expect(level("1990-05-17", "1990-05-02") == .sameMonth)
        #expect(level(nil, "1990-05-17") == .missing)
        #expect(
            PartialDate("1990-13-01") == nil && PartialDate("90-01-01") == nil && PartialDate("1990-02-XX")?.month == 2)
    }

    /// Draws comparison vectors from a known model: a fraction lambda of matches.
    static func simulate(m: [[Double]], u: [[Double]], lambda: Double, count: Int, seed: UInt64) -> [ComparisonVector] {
        var rng = SeededGenerator(seed: seed)
        func draw(_ p: [Double]) -> UInt8 {
            var r = Double.random(in: 0..<1, using: &rng)
            for (i, q) in p.enumerated() {
                r -= q
                if r < 0 { return UInt8(i) }
            }
            return UInt8(p.count - 2)
        }
        return (0..<count).map { _ in
            let isMatch = Double.random(in: 0..<1, using: &rng) < lambda
            return ComparisonVector(levels: (isMatch ? m : u).map(draw), namesSwapped: false)
        }
    }

    @Test("EM recovers the m probabilities and the match share of generated data")
    func emRecovers() {
        let truth = FellegiSunterModel(
            m: [
                [0.80, 0.10, 0.05, 0.03, 0.02, 0], [0.85, 0.08, 0.04, 0.02, 0.01, 0],
                [0.80, 0.05, 0.05, 0.04, 0.01, 0.05, 0],
                [0.97, 0.03, 0], [0.95, 0.05, 0], [0.9, 0.1, 0], [0.9, 0.05, 0.05, 0],
            ],
            u: [
                [0.01, 0.02, 0.04, 0.13, 0.80, 0], [0.005, 0.01, 0.03, 0.10, 0.855, 0],
                [0.001, 0.002, 0.007, 0.05, 0.04, 0.9, 0],
                [0.5, 0.5, 0], [0.2, 0.8, 0], [0.05, 0.95, 0], [0.0001, 0.0009, 0.999, 0],
            ], lambda: 0.2)
        let candidates = Self.simulate(m: truth.m, u: truth.u, lambda: truth.lambda, count: 40_000, seed: 1)
        let random = Self.simulate(m: truth.m, u: truth.u, lambda: 0, count: 40_000, seed: 2)
        var model = FellegiSunterModel.initial
        model.estimateU(from: random)
        let iterations = model.estimateMByEM(from: candidates, iterations: 100)
        #expect(iterations > 1)
        #expect(abs(model.lambda - truth.lambda) < 0.01, "lambda \(model.lambda)")
        for f in 0..<truth.m.count {
            for level in 0..<(truth.m[f].count - 1) {
                #expect(abs(model.m[f][level] - truth.m[f][level]) < 0.02, "m[\(f)][\(level)] \(model.m[f][level])")
            }
        }
    }

    @Test("confirmed hits give m directly, without EM")
    func labelled() {
        var model = FellegiSunterModel.initial
        let hits = [
            ComparisonVector(levels: [0, 0, 0, 0, 0, 2, 3], namesSwapped: false),
            ComparisonVector(levels: [1, 0, 1, 0, 0, 2, 3], namesSwapped: false),
        ]
        model.estimateM(fromConfirmedMatches: hits)
        #expect(model.m[0][0] == 0.5 && model.m[0][1] == 0.5 && model.m[1][0] == 1)
    }

    @Test("term frequencies: sharing a common surname is weaker evidence than a rare one")
    func termFrequency() {
        var model = FellegiSunterModel.initial
        let records =
            (0..<90).map { _ in Self.record("Ali", "Mohammed", nil) }
            + (0..<10).map { i in Self.record("Ali", "Rare\(Character(UnicodeScalar(65 + i)!))", nil) }
        model.learnTermFrequencies(from: records)
        let common = model.weight(.familyName, level: 0, value: "MOHAMMED")
        let rare = model.weight(.familyName, level: 0, value: "RAREA")
        #expect(rare > common + 3)
    }

    @Test("the explanation lists every field's contribution and they add up to the weight")
    func explanation() {
        let model = FellegiSunterModel.initial
        let a = Self.record("Youssef", "Al-Masri", "1988-02-11", sex: "M")
        let b = Self.record("يوسف", "المصري", "1988-11-02", sex: "M")
        let explanation = MatchExplanation(model: model, a: a, b: b)
        #expect(explanation.contributions.count == MatchField.allCases.count)
        #expect(abs(explanation.contributions.reduce(0) { $0 + $1.weight } - explanation.weight) < 1e-9)
        #expect(explanation.contributions.first { $0.field == "dateOfBirth" }?.level == "day and month transposed")
        // Even under the uninformative prior u, the evidence points to the same person:
        // transliterated names agree phonetically and the date is transposed.
        #expect(explanation.weight > 3, "\(explanation.contributions)")
        #expect(explanation.contributions.filter { $0.weight < 0 }.isEmpty)
    }
}
