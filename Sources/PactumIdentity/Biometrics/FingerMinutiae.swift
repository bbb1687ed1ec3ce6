/// The kind of a minutia (ISO/IEC 19794-2:2005, 7.4.1.1).
public enum MinutiaKind: UInt8, Sendable, Codable, CaseIterable {
    case other = 0
    case ridgeEnding = 1
    case bifurcation = 2
}

/// One minutia: position in pixels (origin top left, y down), direction in radians measured
/// counter-clockwise from the x axis as seen on the image, in [0, 2π).
public struct Minutia: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var angle: Double
    public var kind: MinutiaKind
    /// 0-100; 0 means not reported.
    public var quality: UInt8

    public init(x: Double, y: Double, angle: Double, kind: MinutiaKind = .ridgeEnding, quality: UInt8 = 0) {
        self.x = x
        self.y = y
        self.angle = Minutia.normalised(angle)
        self.kind = kind
        self.quality = quality
    }

    /// An angle brought into [0, 2π).
    public static func normalised(_ angle: Double) -> Double {
        let r = angle.truncatingRemainder(dividingBy: 2 * .pi)
        return r < 0 ? r + 2 * .pi : r
    }
}

/// One impression of one finger: its position, view, quality and minutiae.
public struct FingerView: Sendable, Hashable, Codable {
    /// ISO/IEC 19794-2 finger position 0-10 (0 unknown, 1 right thumb … 10 left little).
    public var position: UInt8
    /// 0-15: several views of one finger are numbered.
    public var viewNumber: UInt8
    /// 0-15: 0 live-scan plain, 1 live-scan rolled, 2 non-live plain, 3 non-live rolled, …
    public var impressionType: UInt8
    /// 0-100.
    public var quality: UInt8
    public var minutiae: [Minutia]
    /// Extended data blocks as received (ridge counts, cores and deltas, zonal quality); kept
    /// so that a record written back is the record read.
    public var extendedData: [UInt8]

    public init(
        position: UInt8, viewNumber: UInt8 = 0, impressionType: UInt8 = 0, quality: UInt8 = 0, minutiae: [Minutia],
        extendedData: [UInt8] = []
    ) {
        self.position = position
        self.viewNumber = viewNumber
        self.impressionType = impressionType
        self.quality = quality
        self.minutiae = minutiae
        self.extendedData = extendedData
    }
}

/// A finger minutiae record: the capture's geometry and its views.
public struct FingerMinutiaeRecord: Sendable, Hashable, Codable {
    /// Capture equipment certification (4 bits) and device type (12 bits).
    public var captureEquipment: UInt16
    public var width: UInt16
    public var height: UInt16
    /// Pixels per centimetre (500 ppi ≈ 197).
    public var xResolution: UInt16
    public var yResolution: UInt16
    public var views: [FingerView]

    public init(
        captureEquipment: UInt16 = 0, width: UInt16, height: UInt16, xResolution: UInt16 = 197,
        yResolution: UInt16 = 197, views: [FingerView]
    ) {
        self.captureEquipment = captureEquipment
        self.width = width
        self.height = height
        self.xResolution = xResolution
        self.yResolution = yResolution
        self.views = views
    }
}

/// Why a template could not be read: what, and at which byte.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "byte \(offset): \(message)" }
}
