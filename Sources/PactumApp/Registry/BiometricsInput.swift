import Foundation
import PactumIdentity
import Vapor

/// The biometric data of a dataset as a capture station sends them: a fingerprint record
/// (ISO/IEC 19794-2 or ANSI/NIST-ITL, base64), a face template (its values separated by commas,
/// and the model's name), an image (base64, with its media type).
struct BiometricsInput: Content, JSONRequestBody {
    var fingerprints, face, faceModel, image, imageFormat: String?

    static let fields: [BodyField] = ["fingerprints", "face", "faceModel", "image", "imageFormat"].map {
        BodyField.string($0, required: false)
    }

    struct Valid: Sendable {
        var fingerprints: (record: FingerMinutiaeRecord, data: Data, format: String)?
        var face: (template: FaceTemplate, data: Data)?
        var image: (data: Data, format: String)?
    }

    func validated(dimension: Int) throws -> Valid {
        var check = FieldValidator()
        var valid = Valid()
        check.require(fingerprints.given != nil || face.given != nil, "fingerprints", "give fingerprints or a face")
        if let raw = fingerprints.given {
            if let data = Data(base64Encoded: raw) {
                do {
                    let record = try FingerMinutiaeRecord(detecting: Array(data))
                    let format =
                        data.starts(with: [0x46, 0x4D, 0x52, 0x00]) ? "iso-19794-2:2005" : "ansi-nist-itl-1-2011"
                    if record.views.allSatisfy({ $0.minutiae.count < 2 }) {
                        check.fail("fingerprints", "no finger has two minutiae: nothing to compare")
                    }
                    valid.fingerprints = (record, data, format)
                } catch {
                    check.fail("fingerprints", "\(error)")
                }
            } else {
                check.fail("fingerprints", "must be base64")
            }
        }
        if let raw = face.given {
            let model = faceModel.given
            check.require(model != nil, "faceModel", "name the model that made the face template")
            // The values are checked even without a model, so that both faults are reported.
            do {
                let template = try FaceTemplate(model: model ?? "", parsing: raw, dimension: dimension)
                valid.face = (template, template.vector.withUnsafeBufferPointer { Data(buffer: $0) })
            } catch .notANumber {
                check.fail("face", "must be numbers separated by commas")
            } catch {
                check.fail("face", "\(error)")
            }
        }
        if let raw = image.given {
            let data = Data(base64Encoded: raw)
            check.require(data != nil, "image", "must be base64")
            let format = imageFormat.given
            check.require(
                format.map { $0.hasPrefix("image/") || $0 == "application/octet-stream" } ?? false, "imageFormat",
                "give the image's media type (image/png, image/jp2, image/x-wsq …)")
            if let data, let format { valid.image = (data, format) }
        }
        try check.throwIfInvalid()
        return valid
    }
}

/// Why a biometric candidate was proposed, kept with the candidate for the expert.
struct BiometricEvidence: Codable, Sendable, Equatable {
    var kind: Candidate.Source
    /// Fingerprints: Σ −log10 FMR over the fingers compared; face: the cosine similarity.
    var evidence: Double
    /// The estimated false match rate (fingers as if independent).
    var fmr: Double?
    var fingers: [Finger]
    /// The best finger's minutiae and matched pairs, for the drawing.
    var drawing: Drawing?
    /// The fused decision, with its reasons.
    var decision: IdentificationFusion.Decision?

    struct Finger: Codable, Sendable, Equatable {
        var position: UInt8
        var score: Double
        var fmr: Double
    }

    struct Drawing: Codable, Sendable, Equatable {
        var position: UInt8
        /// x, y, angle of each minutia of each print.
        var probe: [[Float]]
        var match: [[Float]]
        /// Indices of matched minutiae, probe then match.
        var pairs: [[Int]]
    }
}

extension BiometricEvidence.Drawing {
    /// Both prints side by side, every minutia with its direction, the matched ones joined by a
    /// line: what the expert checks before confirming (EDAC Art 38(4)).
    func svg(score: Double?, fmr: Double?) -> String {
        let (box, gap, top) = (300.0, 40.0, 30.0)
        func place(_ points: [[Float]], dx: Double) -> [(Double, Double, Double)] {
            let xs = points.map { Double($0[0]) }
            let ys = points.map { Double($0[1]) }
            let (x0, x1, y0, y1) = (xs.min() ?? 0, xs.max() ?? 1, ys.min() ?? 0, ys.max() ?? 1)
            let scale = (box - 20) / max(x1 - x0, y1 - y0, 1)
            return points.map {
                (dx + 10 + (Double($0[0]) - x0) * scale, top + 10 + (Double($0[1]) - y0) * scale, Double($0[2]))
            }
        }
        let a = place(probe, dx: 0)
        let b = place(match, dx: box + gap)
        let matchedA = Set(pairs.map { $0[0] })
        let matchedB = Set(pairs.map { $0[1] })
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"minutiae\" width=\"\(Int(2 * box + gap))\" height=\"\(Int(box + top + 10))\" role=\"img\" aria-label=\"Matched minutiae of finger \(position)\">"
        out += "<rect x=\"0\" y=\"\(top)\" width=\"\(box)\" height=\"\(box)\" fill=\"#fafafa\" stroke=\"#999\"/>"
        out +=
            "<rect x=\"\(box + gap)\" y=\"\(top)\" width=\"\(box)\" height=\"\(box)\" fill=\"#fafafa\" stroke=\"#999\"/>"
        let caption =
            String(
                format: "Finger %d: registered here (left), stored (right); %d matched minutiae", Int(position),
                pairs.count)
            + (score.map { String(format: "; score %.4f", $0) } ?? "")
            + (fmr.map { String(format: ", FMR %.1e", $0) } ?? "")
        out += "<text x=\"0\" y=\"18\" font-family=\"sans-serif\" font-size=\"13\">\(caption)</text>"
        for pair in pairs where pair[0] < a.count && pair[1] < b.count {
            let (p, q) = (a[pair[0]], b[pair[1]])
            out += String(
                format:
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d97706\" stroke-width=\"0.8\"/>",
                p.0, p.1, q.0, q.1)
        }
        for (points, matched) in [(a, matchedA), (b, matchedB)] {
            for (n, m) in points.enumerated() {
                let colour = matched.contains(n) ? "#003399" : "#888"
                // ISO angles turn counter-clockwise as seen, with y down.
                out += String(
                    format:
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"none\" stroke=\"%@\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\"/>",
                    m.0, m.1, colour, m.0, m.1, m.0 + 9 * cos(m.2), m.1 - 9 * sin(m.2), colour)
            }
        }
        return out + "</svg>"
    }
}
