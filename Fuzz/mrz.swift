// libFuzzer target: machine readable zones (ICAO Doc 9303), one line per text line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? MRZParser.parse(text.split(separator: "\n").map(String.init), currentYear: 2026)
    return 0
}
