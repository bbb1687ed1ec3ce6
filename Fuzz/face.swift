// libFuzzer target: face templates as the API takes them (values separated by commas).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let template = try? FaceTemplate(model: "fuzz", parsing: text, dimension: 8) {
        let norm = template.vector.reduce(0) { $0 + $1 * $1 }
        if !(abs(norm - 1) < 1e-3) { fatalError("a template read is not of unit length: \(norm)") }
    }
    return 0
}
