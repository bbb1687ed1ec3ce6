import Foundation

/// A face template: a vector of the model's dimension, L2-normalised on input.
public struct FaceTemplate: Sendable, Equatable {
    public let model: String
    public let vector: [Float]

    /// Why a vector is refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case dimension(Int, expected: Int)
        case notFinite(index: Int)
        case zero
        case notANumber(index: Int)

        public var description: String {
            switch self {
            case .dimension(let d, let e): "the vector has \(d) values; the model gives \(e)"
            case .notFinite(let i): "value \(i) is not a finite number"
            case .zero: "the vector is zero and has no direction"
            case .notANumber(let i): "value \(i) is not a number"
            }
        }
    }

    public init(model: String, vector raw: [Float], dimension: Int = 512) throws(Problem) {
        guard raw.count == dimension else { throw .dimension(raw.count, expected: dimension) }
        if let i = raw.firstIndex(where: { !$0.isFinite }) { throw .notFinite(index: i) }
        // Scaled by the largest magnitude first: squares of values near Float's limit (3e38)
        // would overflow the norm to infinity and leave an all-zero template.
        let largest = raw.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else { throw .zero }
        let scaled = raw.map { $0 / largest }
        let norm = scaled.reduce(0) { $0 + $1 * $1 }.squareRoot()
        self.model = model
        vector = scaled.map { $0 / norm }
    }
}

extension FaceTemplate {
    /// Reads a template as the API and the capture form take it: its values separated by
    /// commas, spaces around them allowed.
    public init(model: String, parsing text: String, dimension: Int = 512) throws(Problem) {
        var values: [Float] = []
        for (i, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            guard let value = Float(part.trimmingCharacters(in: .whitespaces)) else { throw .notANumber(index: i) }
            values.append(value)
        }
        try self.init(model: model, vector: values, dimension: dimension)
    }
}
