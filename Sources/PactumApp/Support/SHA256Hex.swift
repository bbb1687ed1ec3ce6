import Crypto
import Foundation

/// The SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits.
func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }

/// The SHA-256 of bytes, as 64 lowercase hex digits.
func sha256Hex(_ bytes: Data) -> String {
    let hex = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
}
