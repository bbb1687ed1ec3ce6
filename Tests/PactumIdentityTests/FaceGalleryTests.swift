import Foundation
import PactumIdentity
import Testing

@Suite("Face templates and the 1:N face gallery")
struct FaceGalleryTests {
    static func vector(_ rng: inout SeededGenerator, dimension: Int = 64) -> [Float] {
        (0..<dimension).map { _ in Float.random(in: -1...1, using: &rng) }
    }

    @Test("templates are L2-normalised; a wrong dimension, a NaN or a zero vector is refused")
    func templates() throws {
        let t = try FaceTemplate(model: "m", vector: [3, 4], dimension: 2)
        #expect(t.vector == [0.6, 0.8])
        #expect(throws: FaceTemplate.Problem.dimension(2, expected: 512)) {
            try FaceTemplate(model: "m", vector: [3, 4])
        }
        #expect(throws: FaceTemplate.Problem.notFinite(index: 1)) {
            try FaceTemplate(model: "m", vector: [1, .nan], dimension: 2)
        }
        #expect(throws: FaceTemplate.Problem.zero) { try FaceTemplate(model: "m", vector: [0, 0], dimension: 2) }
        // Values near Float's limit once overflowed the norm and stored an all-zero template.
        let huge = try FaceTemplate(model: "m", vector: [3e38, -3e38], dimension: 2)
        #expect(abs(huge.vector[0] - 0.70710677) < 1e-6 && abs(huge.vector[1] + 0.70710677) < 1e-6)
    }

    @Test("search gives the exact top 10 of a brute-force float scan, through inserts and erasures")
    func exactness() throws {
        var rng = SeededGenerator(seed: 64)
        var gallery = FaceGallery(dimension: 64)
        var all: [String: [Float]] = [:]
        for n in 0..<20_000 {
            let t = try FaceTemplate(model: "m", vector: Self.vector(&rng), dimension: 64)
            gallery.insert("p\(n)", t)
            all["p\(n)"] = t.vector
        }
        for n in stride(from: 0, to: 20_000, by: 7) {
            gallery.erase("p\(n)")
            all["p\(n)"] = nil
        }
        #expect(gallery.count == all.count)
        var agree = 0
        for _ in 0..<30 {
            let q = try FaceTemplate(model: "m", vector: Self.vector(&rng), dimension: 64)
            let truth = all.map { id, v in (id, zip(v, q.vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
                .sorted { $0.1 > $1.1 }.prefix(10).map(\.0)
            let found = gallery.search(q, k: 10)
            agree += Set(found.map(\.id)).intersection(truth).count
            #expect(!found.contains { $0.id.dropFirst().allSatisfy(\.isNumber) && Int($0.id.dropFirst())! % 7 == 0 })
        }
        // Half floats can swap two near-equal scores at the 10th place, nothing more.
        #expect(agree >= 297, "\(agree) of 300")
    }

    @Test("synthetic faces: seeded, unit length, genuine pairs near the set similarity, impostors near 0")
    func generator() {
        let g = FaceGenerator(genuineSimilarity: 0.6)
        #expect(g.capture(person: "p1", index: 0) == g.capture(person: "p1", index: 0))
        #expect(g.capture(person: "p1", index: 0) != g.capture(person: "p1", index: 1))
        func cosine(_ a: FaceTemplate, _ b: FaceTemplate) -> Double {
            zip(a.vector, b.vector).reduce(0) { $0 + Double($1.0 * $1.1) }
        }
        let genuine = (0..<200).map {
            cosine(g.capture(person: "p\($0)", index: 0), g.capture(person: "p\($0)", index: 1))
        }
        let impostor = (0..<200).map {
            cosine(g.capture(person: "p\($0)", index: 0), g.capture(person: "q\($0)", index: 0))
        }
        let mean = { (v: [Double]) in v.reduce(0, +) / Double(v.count) }
        #expect(abs(mean(genuine) - 0.6) < 0.02)
        #expect(abs(mean(impostor)) < 0.01)
        let spread = (impostor.map { $0 * $0 }.reduce(0, +) / 200).squareRoot()
        #expect(abs(spread - 1 / 512.0.squareRoot()) < 0.01)
        #expect(genuine.min()! > impostor.max()!)
    }
}
