// libFuzzer entry point for the finger minutiae readers (ISO/IEC 19794-2, ANSI/NIST-ITL) and the
// MRZ parser: any bytes must give a record, a zone or an error, never a crash.
// Built and run by Scripts/fuzz.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let record = try? FingerMinutiaeRecord(detecting: bytes) {
        // What was read must write and read back to the same record.
        let again = try? FingerMinutiaeRecord(iso: record.isoBytes())
        if again == nil, !record.views.isEmpty, record.views.allSatisfy({ $0.minutiae.count < 256 }) {
            fatalError("a record read could not be written back")
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? MRZParser.parse(text.split(separator: "\n").map(String.init), currentYear: 2026)
    return 0
}
