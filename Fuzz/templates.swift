// libFuzzer target: the finger minutiae readers (ISO/IEC 19794-2, ANSI/NIST-ITL Type-9, told
// apart by their first bytes): any bytes give a record or an error, never a crash, and what
// was read writes and reads back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let record = try? FingerMinutiaeRecord(detecting: bytes) {
        let again = try? FingerMinutiaeRecord(iso: record.isoBytes())
        if again == nil, !record.views.isEmpty, record.views.allSatisfy({ $0.minutiae.count < 256 }) {
            fatalError("a record read could not be written back")
        }
    }
    _ = try? FingerMinutiaeRecord(ansiNIST: bytes)
    return 0
}
