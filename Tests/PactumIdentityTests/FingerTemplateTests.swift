import Foundation
import PactumIdentity
import Testing

@Suite("Finger minutiae records: ISO/IEC 19794-2:2005 and ANSI/NIST-ITL Type-9")
struct FingerTemplateTests {
    static func sampleRecord() -> FingerMinutiaeRecord {
        let unit = 2 * Double.pi / 256
        let first = (0..<40).map { (n: Int) -> Minutia in
            let x = Double(20 + n * 7)
            let y = Double(30 + (n * 13) % 400)
            let angle = Double((n * 37) % 256) * unit
            return Minutia(x: x, y: y, angle: angle, kind: MinutiaKind.allCases[n % 3], quality: UInt8(n * 2))
        }
        return FingerMinutiaeRecord(
            captureEquipment: 0x1_0A3, width: 400, height: 500, xResolution: 197, yResolution: 197,
            views: [
                FingerView(position: 2, viewNumber: 0, impressionType: 0, quality: 80, minutiae: first),
                FingerView(
                    position: 7, viewNumber: 1, impressionType: 1, quality: 55, minutiae: Array(first.prefix(12)),
                    extendedData: [0x00, 0x01, 0x00, 0x06, 0xAA, 0xBB]),
            ])
    }

    @Test("write, then read, gives the record back, views and extended data included")
    func roundTrip() throws {
        let record = Self.sampleRecord()
        let bytes = record.isoBytes()
        #expect(bytes.count == 24 + 4 + 40 * 6 + 2 + 4 + 12 * 6 + 2 + 6)
        #expect(try FingerMinutiaeRecord(iso: bytes) == record)
        #expect(try FingerMinutiaeRecord(detecting: bytes) == record)
    }

    @Test("the 48-byte record of identity-notes.md §4.4 reads as pyfing reads it")
    func referenceRecord() throws {
        let hex =
            "464d5200 20323000 00000030 0000 0190 01f4 00c5 00c5 01 00 02005003 4064 0078 00 3c 80fa 012c 40 5a 3fff 3fff c0 00 0000"
        let bytes = stride(from: 0, to: hex.filter { $0 != " " }.count, by: 2).map { i -> UInt8 in
            let s = Array(hex.filter { $0 != " " })
            return UInt8(String(s[i..<(i + 2)]), radix: 16)!
        }
        let record = try FingerMinutiaeRecord(iso: bytes)
        #expect(record.width == 400 && record.height == 500 && record.xResolution == 197)
        let view = try #require(record.views.first)
        #expect(view.position == 2 && view.quality == 80)
        #expect(view.minutiae.map(\.x) == [100, 250, 16383] && view.minutiae.map(\.y) == [120, 300, 16383])
        #expect(view.minutiae.map(\.kind) == [.ridgeEnding, .bifurcation, .other])
        #expect(view.minutiae.map(\.quality) == [60, 90, 0])
        #expect(abs(view.minutiae[1].angle - .pi / 2) < 1e-12 && abs(view.minutiae[2].angle - 3 * .pi / 2) < 1e-12)
        #expect(record.isoBytes() == bytes)
    }

    @Test(
        "malformed ISO records are refused with the byte at fault",
        arguments: [
            (0, "no \\\"FMR"), (4, "version"), (8, "record length"), (40, "ends after"), (29, "reserved"),
            (60, "follow the last view"),
        ])
    func malformedISO(offset: Int, message: String) throws {
        var bytes = Self.sampleRecord().isoBytes()
        switch offset {
        case 0: bytes[1] = 0x41
        case 4: bytes[5] = 0x33
        case 8: bytes[11] ^= 0x01
        case 40:
            bytes = Array(bytes.prefix(40))
            bytes[8...11] = [0, 0, 0, 40]
        case 29: bytes[28] |= 0xC0  // first minutia's type bits: 11 is reserved
        default:
            bytes += [1, 2, 3]
            let n = UInt32(bytes.count)
            bytes[8...11] = [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
        }
        do {
            _ = try FingerMinutiaeRecord(iso: bytes)
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains(message.replacingOccurrences(of: "\\", with: "")), "\(error)")
            if offset == 29 { #expect(error.offset == 28) }
        }
    }

    @Test("ANSI/NIST-ITL Type-9 standard-format minutiae read back to within their units")
    func ansiNIST() throws {
        let view = Self.sampleRecord().views[0]
        let bytes = FingerMinutiaeRecord.ansiNISTType9(view)
        let read = try FingerMinutiaeRecord(detecting: bytes)
        let back = try #require(read.views.first)
        #expect(back.position == 2 && back.minutiae.count == view.minutiae.count)
        // 0.01 mm is 0.197 px; directions are whole degrees. y is flipped and shifted.
        let dy = back.minutiae[0].y - view.minutiae[0].y
        for (m, r) in zip(view.minutiae, back.minutiae) {
            #expect(abs(m.x - r.x) < 0.2 && abs(m.y + dy - r.y) < 0.4)
            #expect(abs(sin(m.angle - r.angle)) < 0.01)
        }
        #expect(back.minutiae.map(\.kind) == view.minutiae.map(\.kind))
    }

    @Test("malformed ANSI/NIST-ITL records are refused with a reason")
    func malformedANSI() {
        let view = Self.sampleRecord().views[0]
        let good = String(decoding: FingerMinutiaeRecord.ansiNISTType9(view), as: UTF8.self)
        for (text, reason) in [
            (good.replacingOccurrences(of: "9.004:S", with: "9.004:U"), "only the standard format"),
            (good.replacingOccurrences(of: "9.010:40", with: "9.010:41"), "declares 41 minutiae"),
            (String(good.dropLast()), "runs past the end"),
            ("9.001:12\u{1D}9.004:S", "FS separator"),
            ("hello", "neither an ISO"),
            // These two once trapped the process ("Negative value is not representable").
            (
                Self.relength(good.replacingOccurrences(of: "9.003:\(view.impressionType)", with: "9.003:-1")),
                "impression type (9.003)"
            ),
            (
                Self.relength(good.replacingOccurrences(of: "9.006:\(view.position)", with: "9.006:-1")),
                "finger position (9.006)"
            ),
            (
                Self.relength(
                    good.replacingOccurrences(of: "9.006:\(view.position)", with: "9.006:99999999999999999999")),
                "finger position (9.006)"
            ),
        ] {
            do {
                _ = try FingerMinutiaeRecord(detecting: Array(text.utf8))
                Issue.record("accepted: \(reason)")
            } catch {
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }

    /// A Type-9 record with its 9.001 length set again after an edit.
    static func relength(_ record: String) -> String {
        let body = record.split(separator: "\u{1D}", maxSplits: 1)[1].dropLast()
        var length = body.utf8.count + 9
        while "9.001:\(length)\u{1D}".utf8.count + body.utf8.count + 1 != length { length += 1 }
        return "9.001:\(length)\u{1D}\(body)\u{1C}"
    }

    @Test("20,000 mutated records never crash the readers")
    func mutations() {
        var rng = SeededGenerator(seed: 19794)
        let iso = Self.sampleRecord().isoBytes()
        let ansi = FingerMinutiaeRecord.ansiNISTType9(Self.sampleRecord().views[0])
        var accepted = 0
        for n in 0..<20_000 {
            var bytes = n % 2 == 0 ? iso : ansi
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
                default:
                    bytes.insert(
                        UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
                }
                if bytes.isEmpty { bytes = [0] }
            }
            if (try? FingerMinutiaeRecord(detecting: bytes)) != nil { accepted += 1 }
        }
        #expect(accepted < 20_000)
    }
}
