import Foundation
import Leaf
import LeafKit
import PactumLaw
import Vapor

/// `#local(date)`: a moment in the local time of the signed-in user's Member State, with the
/// zone named ("Thu 26 Nov 2026, 14:05 CET"); in UTC, named so, when nobody is signed in.
/// `#local(date, "day")` gives the date alone.
struct LocalTimeTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard (1...2).contains(ctx.parameters.count) else {
            throw LeafError(.unknownError("#local(date) or #local(date, \"day\")"))
        }
        guard let seconds = ctx.parameters[0].double else { return .string("") }
        let date = Date(timeIntervalSince1970: seconds)
        let zone = ctx.request?.auth.get(Principal.self)?.state.timeZone ?? TimeZone(identifier: "UTC")!
        return .string(ctx.parameters.count == 2 ? ClockView.day(date, in: zone) : ClockView.local(date, in: zone))
    }
}
