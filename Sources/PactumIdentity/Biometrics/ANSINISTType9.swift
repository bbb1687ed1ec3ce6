/// ANSI/NIST-ITL 1-2011 Type-9 minutiae records in the traditional (tagged ASCII) encoding:
/// records end with FS (0x1C), fields with GS (0x1D), subfields RS (0x1E), items US (0x1F).
/// The standard-format minutiae of field 9.012 are read; every Type-9 record of a transaction
/// becomes one view.
extension FingerMinutiaeRecord {
    static let fs: UInt8 = 0x1C
    static let gs: UInt8 = 0x1D
    static let rs: UInt8 = 0x1E
    static let us: UInt8 = 0x1F

    /// Reads the Type-9 records of a transaction (or of a lone Type-9 record). Coordinates of
    /// 9.012 are in units of 0.01 mm with the origin at the lower left and y up; they become
    /// 500 ppi pixels with y down (1 px = 0.0508 mm). Directions stay as seen on the image.
    public init(ansiNIST bytes: [UInt8]) throws(TemplateError) {
        var offset = 0
        var views: [FingerView] = []
        while offset < bytes.count {
            let (type, length) = try Self.recordHeader(bytes, at: offset)
            guard length > 0, offset + length <= bytes.count else {
                throw TemplateError(offset: offset, "record length \(length) runs past the end (\(bytes.count) bytes)")
            }
            guard bytes[offset + length - 1] == Self.fs else {
                throw TemplateError(offset: offset + length - 1, "a record must end with the FS separator (0x1C)")
            }
            if type == 9 { views.append(try Self.type9(bytes, from: offset, to: offset + length - 1)) }
            offset += length
        }
        guard !views.isEmpty else { throw TemplateError(offset: 0, "no Type-9 minutiae record") }
        self.init(width: 0, height: 0, views: views)
    }

    /// The record type and its length from "T.001:LEN".
    static func recordHeader(_ bytes: [UInt8], at offset: Int) throws(TemplateError) -> (Int, Int) {
        let end = min(bytes.count, offset + 32)
        guard let colon = bytes[offset..<end].firstIndex(of: UInt8(ascii: ":")) else {
            throw TemplateError(offset: offset, "not a tagged record: no \"T.001:\" (binary records are not read)")
        }
        let tag = String(decoding: bytes[offset..<colon], as: UTF8.self)
        let parts = tag.split(separator: ".")
        guard parts.count == 2, let type = Int(parts[0]), Int(parts[1]) == 1 else {
            throw TemplateError(offset: offset, "a record starts with its length field T.001, not \"\(tag)\"")
        }
        var i = colon + 1
        var length = 0
        while i < bytes.count, (48...57).contains(bytes[i]), length < 100_000_000 {
            length = length * 10 + Int(bytes[i] - 48)
            i += 1
        }
        guard i > colon + 1 else { throw TemplateError(offset: colon + 1, "the record length is not a number") }
        return (type, length)
    }

    /// One Type-9 record's fields between `from` and its FS at `to`.
    static func type9(_ bytes: [UInt8], from: Int, to: Int) throws(TemplateError) -> FingerView {
        var fields: [Int: (offset: Int, value: ArraySlice<UInt8>)] = [:]
        var start = from
        while start < to {
            let end = bytes[start..<to].firstIndex(of: gs) ?? to
            let field = bytes[start..<end]
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else {
                throw TemplateError(offset: start, "a field has no \"9.NNN:\" tag")
            }
            let tag = String(decoding: field[start..<colon], as: UTF8.self).split(separator: ".")
            guard tag.count == 2, tag[0] == "9", let number = Int(tag[1]) else {
                throw TemplateError(offset: start, "a field of a Type-9 record is tagged 9.NNN")
            }
            guard fields[number] == nil else { throw TemplateError(offset: start, "field 9.\(number) appears twice") }
            fields[number] = (start, field[(colon + 1)...])
            start = end + 1
        }
        func text(_ n: Int) -> String? { fields[n].map { String(decoding: $0.value, as: UTF8.self) } }
        guard let format = text(4) else {
            throw TemplateError(offset: from, "field 9.004 (minutiae format) is missing")
        }
        guard format == "S" else {
            throw TemplateError(
                offset: fields[4]!.offset, "minutiae format \"\(format)\": only the standard format S (9.012) is read")
        }
        // A code outside its table is an error, never a trap: 9.003 and 9.006 come from outside.
        func code(_ n: Int, _ name: String, _ raw: Substring?) throws(TemplateError) -> Int? {
            guard let raw else { return nil }
            guard let value = Int(raw), (0...255).contains(value) else {
                throw TemplateError(
                    offset: fields[n]?.offset ?? from, "\(name) \"\(raw.prefix(16))\" is not a code 0-255")
            }
            return value
        }
        let impression = UInt8(min(try code(3, "impression type (9.003)", text(3).map { Substring($0) }) ?? 0, 15))
        let firstPosition = text(6).flatMap { $0.split(separator: Character(UnicodeScalar(rs))).first }
        let position = UInt8((try code(6, "finger position (9.006)", firstPosition)).map { $0 <= 10 ? $0 : 0 } ?? 0)
        guard let mrc = fields[12] else {
            if text(10).flatMap({ Int($0) }) == 0 {
                return FingerView(position: position, impressionType: impression, minutiae: [])
            }
            throw TemplateError(offset: from, "field 9.012 (minutiae and ridge counts) is missing")
        }
        var minutiae: [Minutia] = []
        var subStart = mrc.value.startIndex
        while subStart < mrc.value.endIndex {
            let subEnd = mrc.value[subStart...].firstIndex(of: rs) ?? mrc.value.endIndex
            let items = mrc.value[subStart..<subEnd].split(separator: us, omittingEmptySubsequences: false)
            guard items.count >= 2, items[1].count == 11, items[1].allSatisfy({ (48...57).contains($0) }) else {
                throw TemplateError(
                    offset: subStart, "a minutia of 9.012 gives its position and direction as XXXXYYYYTTT")
            }
            let digits = Array(items[1]).map { Int($0 - 48) }
            let x = digits[0..<4].reduce(0) { $0 * 10 + $1 }
            let y = digits[4..<8].reduce(0) { $0 * 10 + $1 }
            let theta = digits[8..<11].reduce(0) { $0 * 10 + $1 }
            guard theta < 360 else { throw TemplateError(offset: subStart, "direction \(theta) is not 0-359 degrees") }
            let quality = items.count > 2 ? Int(String(decoding: items[2], as: UTF8.self)) ?? 0 : 0
            guard (0...63).contains(quality) else {
                throw TemplateError(offset: subStart, "quality \(quality) is not 0-63")
            }
            let kind: MinutiaKind =
                switch items.count > 3 ? items[3].first : nil {
                case UInt8(ascii: "A"): .ridgeEnding
                case UInt8(ascii: "B"): .bifurcation
                case UInt8(ascii: "C"), UInt8(ascii: "D"), nil: .other
                default: throw TemplateError(offset: subStart, "minutia type must be A, B, C or D")
                }
            minutiae.append(
                Minutia(
                    x: Double(x) / 5.08, y: -Double(y) / 5.08, angle: Double(theta) * .pi / 180, kind: kind,
                    quality: UInt8((Double(quality) * 100 / 63).rounded())))
            subStart = subEnd == mrc.value.endIndex ? subEnd : subEnd + 1
        }
        if let declared = text(10).flatMap({ Int($0) }), declared != minutiae.count {
            throw TemplateError(
                offset: fields[10]!.offset, "9.010 declares \(declared) minutiae; 9.012 holds \(minutiae.count)")
        }
        // y up became y down by negation; shift back into positive pixels.
        let top = minutiae.map(\.y).min() ?? 0
        return FingerView(
            position: position, impressionType: impression,
            minutiae: minutiae.map {
                var m = $0; m.y -= top; return m
            })
    }

    /// Reads either format, told apart by the first bytes: "FMR\0" is ISO/IEC 19794-2, a
    /// tagged "1.001:" or "9.001:" is ANSI/NIST-ITL.
    public init(detecting bytes: [UInt8]) throws(TemplateError) {
        if bytes.starts(with: Self.isoMagic) {
            try self.init(iso: bytes)
        } else if bytes.starts(with: Array("1.001:".utf8)) || bytes.starts(with: Array("9.001:".utf8)) {
            try self.init(ansiNIST: bytes)
        } else {
            throw TemplateError(
                offset: 0, "neither an ISO/IEC 19794-2 record (FMR) nor an ANSI/NIST-ITL transaction (1.001: or 9.001:)"
            )
        }
    }

    /// A lone Type-9 record in the traditional encoding with the standard-format minutiae of a
    /// view (the inverse of the reader, for tests and fixtures).
    public static func ansiNISTType9(_ view: FingerView, idc: Int = 1) -> [UInt8] {
        let top = view.minutiae.map(\.y).max() ?? 0
        let mrc = view.minutiae.enumerated().map { n, m -> String in
            let x = Int((m.x * 5.08).rounded())
            let y = Int(((top - m.y) * 5.08).rounded())
            let theta = Int((m.angle * 180 / .pi).rounded()) % 360
            let type = m.kind == .ridgeEnding ? "A" : m.kind == .bifurcation ? "B" : "D"
            let q = Int((Double(m.quality) * 63 / 100).rounded())
            return "\(n + 1)\u{1F}" + pad(x, 4) + pad(y, 4) + pad(theta, 3) + "\u{1F}\(q)\u{1F}\(type)"
        }.joined(separator: "\u{1E}")
        let body = [
            "9.002:\(idc)", "9.003:\(view.impressionType)", "9.004:S", "9.005:PACTUM", "9.006:\(view.position)",
            "9.007:UN", "9.010:\(view.minutiae.count)", "9.011:0", "9.012:\(mrc)",
        ].joined(separator: "\u{1D}")
        // The length counts itself: find the fixed point of "9.001:LEN<GS>" + body + FS.
        var length = body.utf8.count + 9
        while "9.001:\(length)\u{1D}".utf8.count + body.utf8.count + 1 != length { length += 1 }
        return Array("9.001:\(length)\u{1D}\(body)\u{1C}".utf8)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(max(0, n))
        return String(repeating: "0", count: max(0, width - s.count)) + s.suffix(width)
    }
}
