import Foundation
import Leaf
import LeafKit
import PactumLaw
import Vapor

/// `#local(date)`: a moment in the local time of the signed-in user's Member State, with the
/// zone named, in the page's language ("Thu 26 Nov 2026, 14:05 CET"); in UTC, named so, when
/// nobody is signed in. `#local(date, "day")` gives the date alone; `#local(date, "time", "ES")`
/// the time in another state's zone (a limit counted in that state's calendar).
struct LocalTimeTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard (1...3).contains(ctx.parameters.count) else {
            throw LeafError(.unknownError("#local(date), #local(date, \"day\") or #local(date, \"time\", state)"))
        }
        guard let seconds = ctx.parameters[0].double else { return .string("") }
        let date = Date(timeIntervalSince1970: seconds)
        let state = ctx.parameters.count == 3 ? ctx.parameters[2].string.flatMap(MemberState.init(rawValue:)) : nil
        let zone =
            (state ?? ctx.request?.auth.get(Principal.self)?.state)?.timeZone ?? TimeZone(identifier: "UTC")!
        let words = ctx.words
        return .string(
            ctx.parameters.count >= 2 && ctx.parameters[1].string == "day"
                ? words.day(date, in: zone) : words.local(date, in: zone))
    }
}
