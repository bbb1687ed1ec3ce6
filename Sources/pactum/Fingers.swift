import ArgumentParser
import Foundation
import PactumIdentity

struct CompareFingers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-fingers",
        abstract: "Compare two finger minutiae records (ISO/IEC 19794-2:2005 or ANSI/NIST-ITL Type-9) and print JSON.",
        discussion: """
            The format is detected from the content. Fingers are paired by finger position; two records of one \
            finger each are compared whatever their positions. `score` is the MCC similarity (the mean over the \
            fingers compared), `fmr` the false match rate estimated from the synthetic calibration (for several \
            fingers, fused as independent fingers), `evidence` −log10 of it.
            """)

    @Argument(help: "First record.") var first: String
    @Argument(help: "Second record.") var second: String

    struct Output: Encodable {
        var score: Double
        var fmr: Double
        var evidence: Double
        var fingers: [Finger]
        var minutiae: [Int]

        struct Finger: Encodable {
            var position: UInt8
            var score: Double
            var fmr: Double
        }
    }

    func run() throws {
        let a = try Self.read(first)
        let b = try Self.read(second)
        // Two records of one finger each are compared whatever positions they give.
        let single = a.views.count == 1 && b.views.count == 1
        let left = single ? [0: FingerTemplate(a.views[0].minutiae)] : a.templatesByPosition
        let right = single ? [0: FingerTemplate(b.views[0].minutiae)] : b.templatesByPosition
        let fused = FingerFusion.compare(left, right)
        guard !fused.fingers.isEmpty else {
            throw CLIError("The two records share no finger position; nothing to compare.")
        }
        let output = Output(
            score: fused.fingers.map(\.score).reduce(0, +) / Double(fused.fingers.count),
            fmr: pow(10, -fused.evidence), evidence: fused.evidence,
            fingers: fused.fingers.map { .init(position: $0.position, score: $0.score, fmr: $0.fmr) },
            minutiae: [a, b].map { $0.views.reduce(0) { $0 + $1.minutiae.count } })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }

    static func read(_ path: String) throws -> FingerMinutiaeRecord {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("Cannot read \(path).") }
        do {
            return try FingerMinutiaeRecord(detecting: Array(data))
        } catch {
            throw CLIError("\(path): \(error)")
        }
    }
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Measure the fingerprint matcher on synthetic fingers: FMR, FNMR, EER, FNIR at FPIR 0.1 %, DET curve.",
        discussion: """
            Every pair of impressions of a finger is a genuine comparison; impostor pairs are drawn at random. The \
            1:N search enrols impression 0 of half of the first --search-fingers fingers and searches impression 1 \
            of all of them. Prints the report as JSON (without the curve's points).
            """)

    @Option(help: "Synthetic fingers.") var fingers = 10_000
    @Option(help: "Impressions of each finger.") var impressions = 4
    @Option(help: "Impostor comparisons.") var impostors = 1_000_000
    @Option(help: "Fingers of the 1:N search.") var searchFingers = 2_000
    @Option(help: "Seed: the same seed gives the same report.") var seed: UInt64 = 1
    @Option(help: "Write the DET curve as SVG to this file.") var det: String?

    func validate() throws {
        guard fingers >= 2, impressions >= 2 else {
            throw ValidationError("--fingers and --impressions must be at least 2.")
        }
        guard impostors >= 100 else { throw ValidationError("--impostors must be at least 100.") }
        guard searchFingers >= 4 else { throw ValidationError("--search-fingers must be at least 4.") }
    }

    func run() throws {
        let report = FingerEvaluation.run(
            fingers: fingers, impressions: impressions, seed: seed, impostors: impostors, searchFingers: searchFingers)
        if let det {
            do { try report.detSVG().write(toFile: det, atomically: true, encoding: .utf8) } catch {
                throw CLIError("Cannot write \(det): \(error.localizedDescription)")
            }
        }
        var summary = report
        summary.det = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    }
}
