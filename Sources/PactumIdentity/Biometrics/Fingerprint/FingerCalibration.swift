import Foundation

/// What an MCC score means: the false match rate at which it would be a hit, measured on the
/// synthetic impostor distribution.
///
/// Measured with `finger-benchmark 2000 500`: 2,000 synthetic fingers (seeds 0-1,999, the
/// generator's default settings), 1,000,000 impostor comparisons of first against second
/// impressions (docs/BIOMETRICS.md). Real prints from a real extractor have another impostor
/// distribution; an operator recalibrates on their own impostors before relying on the rates.
public enum FingerCalibration {
    /// (false match rate, the score an impostor exceeds at that rate), most frequent first.
    public static let table: [(fmr: Double, score: Double)] = [
        (0.5, 0.01350), (1e-1, 0.01471), (1e-2, 0.01638), (1e-3, 0.01836), (1e-4, 0.02094), (1e-5, 0.02469),
    ]

    /// The score threshold of a false match rate of the table (1 %, 0.1 %, 0.01 % …).
    public static func threshold(fmr: Double) -> Double {
        table.first { abs($0.fmr - fmr) / fmr < 1e-9 }?.score ?? interpolatedScore(fmr: fmr)
    }

    /// The estimated false match rate of a score: log-linear between the measured points,
    /// linear from (0, 1) to the impostors' median, and above the last point that point's rate
    /// (the rate is at most that).
    public static func fmr(_ score: Double) -> Double {
        guard score > table[0].score else { return 1 - max(0, score) / table[0].score * (1 - table[0].fmr) }
        for (lo, hi) in zip(table, table.dropFirst()) where score <= hi.score {
            let t = (score - lo.score) / (hi.score - lo.score)
            return pow(10, log10(lo.fmr) + t * (log10(hi.fmr) - log10(lo.fmr)))
        }
        return table.last!.fmr
    }

    static func interpolatedScore(fmr: Double) -> Double {
        let f = min(max(fmr, table.last!.fmr), table[0].fmr)
        for (lo, hi) in zip(table, table.dropFirst()) where f <= lo.fmr && f >= hi.fmr {
            let t = (log10(f) - log10(lo.fmr)) / (log10(hi.fmr) - log10(lo.fmr))
            return lo.score + t * (hi.score - lo.score)
        }
        return table.last!.score
    }
}

/// Ten-print comparison: the fingers both records hold in the same position are compared and
/// their scores fused by the sum of log-likelihood ratios' stand-in, the sum of −log10 FMR,
/// which rewards several moderately good fingers over one lucky one.
public enum FingerFusion {
    /// The fused evidence of fingers compared position by position, with the per-finger scores.
    public static func compare(
        _ a: [UInt8: FingerTemplate], _ b: [UInt8: FingerTemplate], matcher: MCCMatcher = MCCMatcher()
    ) -> (evidence: Double, fingers: [(position: UInt8, score: Double, fmr: Double)]) {
        let shared = Set(a.keys).intersection(b.keys).sorted()
        let fingers = shared.map { position -> (UInt8, Double, Double) in
            let s = matcher.score(a[position]!, b[position]!)
            return (position, s, FingerCalibration.fmr(s))
        }
        return (fingers.reduce(0) { $0 - log10($1.2) }, fingers.map { ($0.0, $0.1, $0.2) })
    }
}
