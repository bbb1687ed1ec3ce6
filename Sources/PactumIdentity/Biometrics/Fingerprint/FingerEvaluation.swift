import Foundation

/// The accuracy report of the fingerprint matcher on synthetic fingers: FMR and FNMR, the equal
/// error rate, FNMR at fixed FMRs, and FNIR at FPIR 0.1 % for 1:N search, with the DET curve.
public struct FingerEvaluation: Sendable, Codable {
    public var fingers: Int
    public var impressions: Int
    public var seed: UInt64
    public var genuineComparisons: Int
    public var impostorComparisons: Int
    public var eer: Double
    /// FNMR at FMR 1 %, 0.1 %, 0.01 %, with the thresholds.
    public var operatingPoints: [OperatingPoint]
    public var search: Search
    /// (FMR, FNMR) along the thresholds, for the DET curve.
    public var det: [[Double]]?

    public struct OperatingPoint: Sendable, Codable {
        public var fmr: Double
        public var threshold: Double
        public var fnmr: Double
    }

    /// 1:N: impression 0 of the first half of the fingers enrolled; impression 1 of every
    /// finger searched, so half the searches are mated and half are not.
    public struct Search: Sendable, Codable {
        public var gallery: Int
        public var matedSearches: Int
        public var nonMatedSearches: Int
        /// The threshold that gives FPIR 0.1 % on the non-mated searches, and the FNIR there.
        public var fpir: Double
        public var threshold: Double
        public var fnir: Double
        public var rank1: Double
    }

    /// Runs the evaluation: `fingers` × `impressions` templates; every genuine pair; `impostors`
    /// impostor pairs drawn at random; 1:N on `searchFingers` fingers. Uses every core.
    public static func run(
        fingers: Int, impressions: Int, seed: UInt64 = 1, impostors: Int = 1_000_000, searchFingers: Int = 2_000,
        generator: FingerGenerator = FingerGenerator(), matcher: MCCMatcher = MCCMatcher()
    ) -> FingerEvaluation {
        precondition(fingers >= 2 && impressions >= 2)
        let templates: [[FingerTemplate]] = Linker.parallelMap(Array(0..<fingers), minimumCount: 0) { f in
            let s = seed &* 1_000_003 &+ UInt64(f)
            let master = generator.master(seed: s)
            return (0..<impressions).map { FingerTemplate(generator.impression(of: master, seed: s, index: $0)) }
        }
        var genuinePairs: [(Int, Int, Int)] = []
        for f in 0..<fingers {
            for i in 0..<impressions { for j in (i + 1)..<impressions { genuinePairs.append((f, i, j)) } }
        }
        let genuine = Linker.parallelMap(genuinePairs, minimumCount: 0) { f, i, j in
            matcher.score(templates[f][i], templates[f][j])
        }.sorted()
        var rng = SeededGenerator(seed: seed ^ 0x5EED)
        let impostorPairs: [(Int, Int, Int, Int)] = (0..<impostors).map { _ in
            let a = Int.random(in: 0..<fingers, using: &rng)
            var b = Int.random(in: 0..<(fingers - 1), using: &rng)
            if b >= a { b += 1 }
            return (a, Int.random(in: 0..<impressions, using: &rng), b, Int.random(in: 0..<impressions, using: &rng))
        }
        let impostor = Linker.parallelMap(impostorPairs, minimumCount: 0) { a, i, b, j in
            matcher.score(templates[a][i], templates[b][j])
        }.sorted()
        func fnmr(_ t: Double) -> Double { Double(lowerBound(genuine, t)) / Double(genuine.count) }
        func fmr(_ t: Double) -> Double { Double(impostor.count - lowerBound(impostor, t)) / Double(impostor.count) }
        func threshold(fmr target: Double) -> Double {
            impostor[min(impostor.count - 1, max(0, Int((1 - target) * Double(impostor.count))))]
        }
        let points = [1e-2, 1e-3, 1e-4].filter { $0 * Double(impostors) >= 10 }.map { target -> OperatingPoint in
            let t = threshold(fmr: target)
            return OperatingPoint(fmr: target, threshold: t, fnmr: fnmr(t))
        }
        // DET and EER along every impostor quantile and genuine score.
        let thresholds = Array(
            Set(
                stride(from: 0, to: impostor.count, by: max(1, impostor.count / 400)).map { impostor[$0] }
                    + stride(from: 0, to: genuine.count, by: max(1, genuine.count / 200)).map { genuine[$0] })
        ).sorted()
        let curve = thresholds.map { [fmr($0), fnmr($0)] }
        let eerPoint = curve.min { abs($0[0] - $0[1]) < abs($1[0] - $1[1]) } ?? [0, 0]
        return FingerEvaluation(
            fingers: fingers, impressions: impressions, seed: seed, genuineComparisons: genuine.count,
            impostorComparisons: impostor.count, eer: (eerPoint[0] + eerPoint[1]) / 2, operatingPoints: points,
            search: search(templates, count: min(fingers, searchFingers), matcher: matcher), det: curve)
    }

    static func search(_ templates: [[FingerTemplate]], count: Int, matcher: MCCMatcher) -> Search {
        let enrolled = count / 2
        let results = Linker.parallelMap(Array(0..<count), minimumCount: 0) { probe -> (Double, Int) in
            var best = (0.0, -1)
            for g in 0..<enrolled {
                let s = matcher.score(templates[probe][1], templates[g][0])
                if s > best.0 { best = (s, g) }
            }
            return best
        }
        let nonMated = results[enrolled...].map(\.0).sorted()
        let fpir = 1e-3
        // The threshold that at most 0.1 % of non-mated searches exceed.
        let threshold = nonMated[min(nonMated.count - 1, Int((1 - fpir) * Double(nonMated.count)))]
        let mated = results[..<enrolled]
        let missed = mated.enumerated().filter { n, r in r.1 != n || r.0 <= threshold }.count
        let rank1 = Double(mated.enumerated().filter { $0.offset == $0.element.1 }.count) / Double(enrolled)
        return Search(
            gallery: enrolled, matedSearches: enrolled, nonMatedSearches: count - enrolled, fpir: fpir,
            threshold: threshold, fnir: Double(missed) / Double(enrolled), rank1: rank1)
    }

    static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The DET curve as an SVG drawing: FNMR against FMR, both on log scales.
    public func detSVG() -> String {
        let (w, h, left, bottom) = (560.0, 420.0, 70.0, 50.0)
        let (xMin, xMax, yMin, yMax) = (-6.0, 0.0, -4.0, 0.0)
        func px(_ fmr: Double) -> Double { left + (log10(max(fmr, 1e-6)) - xMin) / (xMax - xMin) * (w - left - 20) }
        func py(_ fnmr: Double) -> Double {
            h - bottom - (log10(max(fnmr, 1e-4)) - yMin) / (yMax - yMin) * (h - bottom - 20)
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>

            """
        for e in stride(from: xMin, through: xMax, by: 1) {
            let x = px(pow(10, e))
            svg += "<line x1=\"\(x)\" y1=\"20\" x2=\"\(x)\" y2=\"\(h - bottom)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(x)\" y=\"\(h - bottom + 16)\" text-anchor=\"middle\">1e\(Int(e))</text>\n"
        }
        for e in stride(from: yMin, through: yMax, by: 1) {
            let y = py(pow(10, e))
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(w - 20)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">1e\(Int(e))</text>\n"
        }
        let points = (det ?? []).filter { $0[0] > 0 && $0[1] > 0 }.map { "\(px($0[0])),\(py($0[1]))" }.joined(
            separator: " ")
        svg += "<polyline fill=\"none\" stroke=\"#003399\" stroke-width=\"2\" points=\"\(points)\"/>\n"
        svg += "<text x=\"\((w + left) / 2)\" y=\"\(h - 12)\" text-anchor=\"middle\">false match rate (FMR)</text>\n"
        svg +=
            "<text x=\"16\" y=\"\((h - bottom) / 2)\" transform=\"rotate(-90 16 \((h - bottom) / 2))\" text-anchor=\"middle\">false non-match rate (FNMR)</text>\n"
        svg += String(
            format: "<text x=\"%.0f\" y=\"36\">MCC8b + LSSR, %d synthetic fingers × %d impressions; EER %.4f</text>\n",
            left + 10, fingers, impressions, eer)
        return svg + "</svg>\n"
    }
}
