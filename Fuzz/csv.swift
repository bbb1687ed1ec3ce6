// libFuzzer target: the CSV files of linkage, deduplication and the watchlists, read into a
// table and then into identity records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let table = try? CSVTable(parsing: text) else { return 0 }
    if table.rows.contains(where: { $0.count != table.header.count }) { fatalError("a row of another width") }
    _ = try? ColumnMapping().records(of: table)
    _ = try? CSVTable(parsing: table.text())
    return 0
}
