import Foundation

/// Synthetic face templates, seeded and reproducible (docs/BIOMETRICS.md). Each person has a
/// centre, a random direction in the model's space; each capture is the centre plus independent
/// Gaussian noise, normalised. Two captures of one person then have a cosine of about
/// 1 / (1 + d·σ²), which `genuineSimilarity` sets, and two persons' captures a cosine about 0
/// with a standard deviation of 1/√d: the shape of a real model's scores, not their values.
public struct FaceGenerator: Sendable {
    public var dimension: Int
    /// The mean cosine similarity of two captures of one person.
    public var genuineSimilarity: Double

    public init(dimension: Int = 512, genuineSimilarity: Double = 0.6) {
        precondition(dimension > 0 && genuineSimilarity > 0 && genuineSimilarity < 1)
        self.dimension = dimension
        self.genuineSimilarity = genuineSimilarity
    }

    /// The noise per component that gives `genuineSimilarity`.
    var sigma: Double { ((1 / genuineSimilarity - 1) / Double(dimension)).squareRoot() }

    /// Capture `index` of a person: the same person and index give the same template.
    public func capture(person: String, index: Int, model: String = "synthetic") -> FaceTemplate {
        var hash = FNV1a()
        hash.feed(person.utf8)
        var centre = SeededGenerator(seed: hash.value)
        var noise = SeededGenerator(seed: hash.value &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
        let scale = 1 / Double(dimension).squareRoot()
        let sigma = sigma
        let vector = (0..<dimension).map { _ in Float(centre.gaussian() * scale + noise.gaussian() * sigma) }
        // A draw of d Gaussians is never the zero vector, and all are finite.
        return try! FaceTemplate(model: model, vector: vector, dimension: dimension)
    }
}
