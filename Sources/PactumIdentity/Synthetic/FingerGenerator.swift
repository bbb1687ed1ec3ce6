import Foundation

/// Synthetic fingers and their impressions, seeded and reproducible (docs/BIOMETRICS.md).
///
/// A *master* finger is a set of minutiae inside an elliptic finger mask at 500 ppi: positions by
/// Poisson-disc sampling, directions from a ridge orientation field with a core and a delta
/// (the zero-pole model of Sherlock and Monro), kinds 60 % ridge endings. An *impression* is what
/// one capture of it gives, under this distortion model:
/// 1. plastic distortion (Cappelli, Maio, Maltoni 2001): the skin in close contact around a
///    contact centre stays put, the outer skin moves by a rigid rotation and translation, and a
///    transitional ring blends the two;
/// 2. a capture window around the contact centre (partial prints);
/// 3. position noise, direction noise, missed minutiae, spurious minutiae, kind flips;
/// 4. a global rotation and translation of the whole print.
public struct FingerGenerator: Sendable {
    public struct Settings: Sendable {
        /// Minutiae of a master finger (the whole finger, more than one plain impression shows).
        public var minutiae = 55...85
        /// Smallest distance between two minutiae (pixels).
        public var minimumDistance = 14.0
        /// Semi-axes of the finger mask (pixels).
        public var width = 150.0...175.0
        public var height = 200.0...240.0
        /// Plastic distortion: radius of close contact and width of the transitional ring.
        public var contactRadius = 60.0
        public var transition = 90.0
        /// Rotation (radians) and translation (pixels) of the outer skin.
        public var skinRotation = 0.10
        public var skinShift = 8.0
        /// Capture window half-size (pixels) around the contact centre.
        public var window = (x: 130.0, y: 170.0)
        /// How far the contact centre strays from the mask centre (pixels).
        public var contactJitter = 35.0
        /// Noise of each kept minutia.
        public var positionNoise = 3.0
        public var angleNoise = 0.12
        public var missing = 0.15
        public var spurious = 0.08
        public var kindFlip = 0.10
        /// Global pose of the print.
        public var rotation = 0.35
        public var shift = 40.0
        public init() {}
    }

    /// A master finger: its minutiae and the geometry impressions need.
    public struct Master: Sendable {
        public var minutiae: [Minutia]
        public var centre: (x: Double, y: Double)
        public var semiAxes: (a: Double, b: Double)
    }

    public var settings: Settings

    public init(settings: Settings = Settings()) { self.settings = settings }

    /// The master finger of `seed`.
    public func master(seed: UInt64) -> Master {
        var rng = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ 1)
        let s = settings
        let a = Double.random(in: s.width, using: &rng)
        let b = Double.random(in: s.height, using: &rng)
        let centre = (x: 250.0, y: 300.0)
        // Core above the centre, delta below and to one side; their positions shape the
        // orientation field (whorls, loops and arches differ by where they sit).
        let core = (
            x: centre.x + Double.random(in: -30...30, using: &rng),
            y: centre.y - b * Double.random(in: 0.1...0.35, using: &rng)
        )
        let delta = (
            x: centre.x + Double.random(in: -1...1, using: &rng) * a * 0.7,
            y: centre.y + b * Double.random(in: 0.3...0.7, using: &rng)
        )
        let turn = Double.random(in: -0.3...0.3, using: &rng)
        func orientation(_ x: Double, _ y: Double) -> Double {
            0.5 * (atan2(y - core.y, x - core.x) - atan2(y - delta.y, x - delta.x)) + turn
        }
        let target = Int.random(in: s.minutiae, using: &rng)
        var points: [Minutia] = []
        var attempts = 0
        while points.count < target, attempts < target * 60 {
            attempts += 1
            let x = centre.x + Double.random(in: -a...a, using: &rng)
            let y = centre.y + Double.random(in: -b...b, using: &rng)
            let dx = (x - centre.x) / a
            let dy = (y - centre.y) / b
            guard dx * dx + dy * dy <= 1 else { continue }
            guard !points.contains(where: { hypot($0.x - x, $0.y - y) < s.minimumDistance }) else { continue }
            // A minutia runs along the ridge: the orientation, either way along it. The field is
            // computed in pixel coordinates (y down); ISO angles turn counter-clockwise as seen,
            // hence the minus.
            let angle = -orientation(x, y) + (Bool.random(using: &rng) ? .pi : 0)
            let kind: MinutiaKind = Double.random(in: 0..<1, using: &rng) < 0.6 ? .ridgeEnding : .bifurcation
            points.append(
                Minutia(x: x, y: y, angle: angle, kind: kind, quality: UInt8.random(in: 40...100, using: &rng)))
        }
        return Master(minutiae: points, centre: centre, semiAxes: (a, b))
    }

    /// Impression `index` of a master finger: the same seed and index give the same print.
    public func impression(of master: Master, seed: UInt64, index: Int) -> [Minutia] {
        var rng = SeededGenerator(seed: seed &* 0xD1B5_4A32_D192_ED03 &+ UInt64(index) &* 0x94D0_49BB &+ 7)
        let s = settings
        let contact = (
            x: master.centre.x + Double.random(in: -s.contactJitter...s.contactJitter, using: &rng),
            y: master.centre.y + Double.random(in: -s.contactJitter...s.contactJitter, using: &rng)
        )
        let skinTurn = Double.random(in: -s.skinRotation...s.skinRotation, using: &rng)
        let skinShift = (
            x: Double.random(in: -s.skinShift...s.skinShift, using: &rng),
            y: Double.random(in: -s.skinShift...s.skinShift, using: &rng)
        )
        let turn = Double.random(in: -s.rotation...s.rotation, using: &rng)
        let shift = (
            x: Double.random(in: -s.shift...s.shift, using: &rng), y: Double.random(in: -s.shift...s.shift, using: &rng)
        )
        var out: [Minutia] = []
        for m in master.minutiae {
            let dx = m.x - contact.x
            let dy = m.y - contact.y
            guard abs(dx) <= s.window.x, abs(dy) <= s.window.y else { continue }
            guard Double.random(in: 0..<1, using: &rng) >= s.missing else { continue }
            // Plastic distortion: none in close contact, the full skin movement outside the
            // ring, a smooth blend (a raised cosine) across it.
            let d = hypot(dx, dy)
            let weight =
                d <= s.contactRadius
                ? 0
                : d >= s.contactRadius + s.transition
                    ? 1 : (1 - cos(.pi * (d - s.contactRadius) / s.transition)) / 2
            let angle = skinTurn * weight
            var x = contact.x + dx * cos(angle) - dy * sin(angle) + skinShift.x * weight
            var y = contact.y + dx * sin(angle) + dy * cos(angle) + skinShift.y * weight
            x += rng.gaussian() * s.positionNoise
            y += rng.gaussian() * s.positionNoise
            var kind = m.kind
            if Double.random(in: 0..<1, using: &rng) < s.kindFlip {
                kind = kind == .ridgeEnding ? .bifurcation : .ridgeEnding
            }
            out.append(
                Minutia(
                    x: x, y: y, angle: m.angle - angle + rng.gaussian() * s.angleNoise, kind: kind, quality: m.quality))
        }
        let spurious = Int((Double(out.count) * s.spurious).rounded())
        for _ in 0..<spurious {
            out.append(
                Minutia(
                    x: contact.x + Double.random(in: -s.window.x...s.window.x, using: &rng) * 0.9,
                    y: contact.y + Double.random(in: -s.window.y...s.window.y, using: &rng) * 0.9,
                    angle: Double.random(in: 0..<(2 * .pi), using: &rng), kind: .other, quality: 20))
        }
        // The pose of the whole print, then shuffled so order says nothing. A turn of the
        // pixel grid by +t is a turn of -t in the ISO angle convention.
        let c = (x: 250.0, y: 300.0)
        out = out.map { m in
            let dx = m.x - c.x
            let dy = m.y - c.y
            return Minutia(
                x: c.x + dx * cos(turn) - dy * sin(turn) + shift.x, y: c.y + dx * sin(turn) + dy * cos(turn) + shift.y,
                angle: m.angle - turn, kind: m.kind, quality: m.quality)
        }
        out.shuffle(using: &rng)
        return out
    }
}

extension FingerGenerator {
    /// The ten fingers of a synthetic person as one ISO/IEC 19794-2 record: impression `index`
    /// of each finger (positions 1-10), all seeded by the person's id.
    public func tenPrint(person: String, index: Int) -> FingerMinutiaeRecord {
        var hash = FNV1a()
        hash.feed(person.utf8)
        let views = (1...10).map { position -> FingerView in
            let seed = hash.value &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15
            let minutiae = impression(of: master(seed: seed), seed: seed, index: index).map { m in
                // Whole pixels inside the 500 × 600 capture, as a record stores them.
                Minutia(
                    x: min(499, max(0, m.x.rounded())), y: min(599, max(0, m.y.rounded())), angle: m.angle,
                    kind: m.kind, quality: m.quality)
            }
            return FingerView(position: UInt8(position), impressionType: 0, quality: 60, minutiae: minutiae)
        }
        return FingerMinutiaeRecord(width: 500, height: 600, views: views)
    }
}
