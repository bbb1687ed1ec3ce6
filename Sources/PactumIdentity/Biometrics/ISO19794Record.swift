/// ISO/IEC 19794-2:2005 finger minutiae records: big-endian, a 24-byte record header, per view
/// a 4-byte header, 6 bytes per minutia and an extended-data block.
extension FingerMinutiaeRecord {
    static let isoMagic: [UInt8] = [0x46, 0x4D, 0x52, 0x00]  // "FMR\0"
    static let isoVersion: [UInt8] = [0x20, 0x32, 0x30, 0x00]  // " 20\0"
    /// 360/256 degrees: the angle unit of the 2005 edition.
    static let isoAngleUnit = 2 * Double.pi / 256

    /// Reads a record; every fault names its byte.
    public init(iso bytes: [UInt8]) throws(TemplateError) {
        var r = ByteReader(bytes)
        guard try r.bytes(4) == Self.isoMagic else {
            throw TemplateError(offset: 0, "not an ISO/IEC 19794-2 record: no \"FMR\\0\"")
        }
        guard try r.bytes(4) == Self.isoVersion else {
            throw TemplateError(offset: 4, "version is not \" 20\\0\" (ISO/IEC 19794-2:2005)")
        }
        let length = try r.uint32()
        guard length == bytes.count else {
            throw TemplateError(offset: 8, "record length says \(length) bytes; the record has \(bytes.count)")
        }
        let equipment = try r.uint16()
        let width = try r.uint16()
        let height = try r.uint16()
        let xRes = try r.uint16()
        let yRes = try r.uint16()
        let viewCount = try r.uint8()
        _ = try r.uint8()  // reserved
        var views: [FingerView] = []
        for _ in 0..<viewCount {
            let start = r.offset
            let position = try r.uint8()
            guard position <= 10 else { throw TemplateError(offset: start, "finger position \(position) is not 0-10") }
            let viewAndImpression = try r.uint8()
            let quality = try r.uint8()
            guard quality <= 100 else {
                throw TemplateError(offset: start + 2, "finger quality \(quality) is above 100")
            }
            let count = try r.uint8()
            var minutiae: [Minutia] = []
            minutiae.reserveCapacity(Int(count))
            for _ in 0..<count {
                let at = r.offset
                let xWord = try r.uint16()
                let yWord = try r.uint16()
                let angle = try r.uint8()
                let mq = try r.uint8()
                guard let kind = MinutiaKind(rawValue: UInt8(xWord >> 14)) else {
                    throw TemplateError(offset: at, "minutia type 3 is reserved")
                }
                guard mq <= 100 else { throw TemplateError(offset: at + 5, "minutia quality \(mq) is above 100") }
                // Coordinates are not checked against the image size: devices write minutiae
                // at the border, and a matcher does not need the image.
                let x = Double(xWord & 0x3FFF)
                let y = Double(yWord & 0x3FFF)
                minutiae.append(
                    Minutia(x: x, y: y, angle: Double(angle) * Self.isoAngleUnit, kind: kind, quality: mq))
            }
            // Extended data (ridge counts, cores and deltas, zonal quality) is kept as received
            // and never interpreted: a reader that does not know a block must skip it.
            let extendedLength = Int(try r.uint16())
            let extended = try r.bytes(extendedLength)
            views.append(
                FingerView(
                    position: position, viewNumber: viewAndImpression >> 4, impressionType: viewAndImpression & 0x0F,
                    quality: quality, minutiae: minutiae, extendedData: extended))
        }
        guard r.offset == bytes.count else {
            throw TemplateError(offset: r.offset, "\(bytes.count - r.offset) bytes follow the last view")
        }
        self.init(
            captureEquipment: equipment, width: width, height: height, xResolution: xRes, yResolution: yRes,
            views: views)
    }

    /// The record as ISO/IEC 19794-2:2005 bytes. Angles are rounded to the 2005 unit of
    /// 360/256 degrees; coordinates to whole pixels.
    public func isoBytes() -> [UInt8] {
        var body: [UInt8] = []
        for v in views {
            body += [
                v.position, (v.viewNumber << 4) | (v.impressionType & 0x0F), v.quality,
                UInt8(min(v.minutiae.count, 255)),
            ]
            for m in v.minutiae.prefix(255) {
                let x = UInt16(max(0, min(0x3FFF, m.x.rounded()))) | UInt16(m.kind.rawValue) << 14
                let y = UInt16(max(0, min(0x3FFF, m.y.rounded())))
                let angle = UInt8(Int((m.angle / Self.isoAngleUnit).rounded()) % 256)
                body += x.bigEndianBytes + y.bigEndianBytes + [angle, m.quality]
            }
            body += UInt16(v.extendedData.count).bigEndianBytes + v.extendedData
        }
        let length = UInt32(24 + body.count)
        var out = Self.isoMagic + Self.isoVersion + length.bigEndianBytes
        for word in [captureEquipment, width, height, xResolution, yResolution] { out += word.bigEndianBytes }
        out += [UInt8(views.count), 0]
        return out + body
    }
}

/// Reads big-endian fields and says where the data ran out.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func bytes(_ n: Int) throws(TemplateError) -> [UInt8] {
        guard n >= 0, offset + n <= bytes.count else {
            throw TemplateError(offset: offset, "the record ends after \(bytes.count) bytes; \(n) more were expected")
        }
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }

    mutating func uint8() throws(TemplateError) -> UInt8 { try bytes(1)[0] }
    mutating func uint16() throws(TemplateError) -> UInt16 {
        let b = try bytes(2)
        return UInt16(b[0]) << 8 | UInt16(b[1])
    }
    mutating func uint32() throws(TemplateError) -> UInt32 {
        let b = try bytes(4)
        return b.reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension FixedWidthInteger {
    var bigEndianBytes: [UInt8] { (0..<(bitWidth / 8)).reversed().map { UInt8(truncatingIfNeeded: self >> ($0 * 8)) } }
}
