import Foundation

// libFuzzer target: the JSON facts of the legal engine (responsibility, routing), decoded and
// decided as `pactum law` and the API do (strictly: FactsDocument).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(UnsafeRawBufferPointer(start: start, count: count))
    if let facts = try? FactsDocument.decode(ResponsibilityFacts.self, from: data) {
        _ = try? ResponsibilityEngine().decide(facts)
    }
    if let facts = try? FactsDocument.decode(RoutingFacts.self, from: data) {
        _ = try? RoutingEngine().route(facts)
    }
    return 0
}
