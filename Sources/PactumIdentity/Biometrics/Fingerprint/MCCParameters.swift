import Foundation

/// The parameters of Minutia Cylinder-Code (Cappelli, Ferrara, Maltoni, IEEE TPAMI 32(12), 2010,
/// Table 1), in the compact bit form MCC8b: 8 × 8 cells of 6 directions, 384 bits of values and
/// 384 of validity per cylinder. Values marked in identity-notes.md as confirmed are kept; the
/// relaxation constants are the paper's as recalled there.
public struct MCCParameters: Sendable {
    /// Cylinder radius at 500 ppi.
    public var radius = 70.0
    /// Cells along the diameter, and angular sections.
    public let spatialCells = 8
    public let directionCells = 6
    public var sigmaS = 28.0 / 3
    public var sigmaD = 2 * Double.pi / 9
    /// A cell's bit is set when its contribution exceeds μψ.
    public var muPsi = 0.01
    /// Enlargement of the minutiae's convex hull.
    public var omega = 50.0
    public var minValidCells = 0.75
    public var minMinutiae = 2
    public var minMatchableCells = 0.60
    public var maxDirectionDifference = Double.pi / 2
    // Local similarity sort: nP = minNP + round(Z(min(nA, nB); μP, τP) · (maxNP − minNP)).
    public var minNP = 4
    public var maxNP = 12
    public var muP = 20.0
    public var tauP = 0.4
    // Relaxation.
    /// Pairs the relaxation works on. The paper relaxes min(nA, nB) pairs; its cost grows with
    /// the square, and beyond the best 20 the pairs add little (docs/BIOMETRICS.md).
    public var relaxationPairs = 20
    public var relaxations = 5
    public var relaxationWeight = 0.5
    public var mu1 = 5.0, tau1 = -8.0 / 5
    public var mu2 = Double.pi / 12, tau2 = -30.0
    public var mu3 = Double.pi / 12, tau3 = -30.0

    public init() {}

    /// Cells per cylinder, and 64-bit words per bit vector.
    public var cells: Int { spatialCells * spatialCells * directionCells }
    public var words: Int { (cells + 63) / 64 }

    static func sigmoid(_ v: Double, _ mu: Double, _ tau: Double) -> Double { 1 / (1 + exp(-tau * (v - mu))) }
}

/// Angle difference in [-π, π).
@inline(__always)
func angleDifference(_ a: Double, _ b: Double) -> Double {
    var d = a - b
    while d < -.pi { d += 2 * .pi }
    while d >= .pi { d -= 2 * .pi }
    return d
}
