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

/// Ten-print comparison: the fingers both records hold in the same position are compared, and
/// their false match rates fused as independent: the evidence is −log10 of the chance that n
/// impostor fingers give a product of rates as small as theirs (the tail of an Erlang law), so
/// several moderately good fingers count for more than one lucky one, and ten fingers do not
/// add up chance agreement.
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
        return (evidence(fingers.map(\.2)), fingers.map { ($0.0, $0.1, $0.2) })
    }

    /// −log10 P(Σ −ln Uᵢ ≥ s) for n independent uniform rates Uᵢ, where s = Σ −ln fmrᵢ:
    /// P = e^−s Σ_{k<n} s^k / k!, computed in logarithms.
    public static func evidence(_ rates: [Double]) -> Double {
        guard !rates.isEmpty else { return 0 }
        let s = rates.reduce(0) { $0 - log(max($1, 1e-300)) }
        var logTerm = 0.0  // log(s^k / k!)
        var logSum = 0.0  // log Σ, starting with k = 0
        for k in 1..<rates.count {
            logTerm += log(s) - log(Double(k))
            let high = max(logSum, logTerm)
            logSum = high + log(exp(logSum - high) + exp(logTerm - high))
        }
        return max(0, (s - logSum) / log(10))
    }
}
