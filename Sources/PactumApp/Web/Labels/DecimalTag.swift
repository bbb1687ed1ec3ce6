import Foundation
import LeafKit

/// `#decimal(x, 2)`: a number with a fixed count of decimals, for scores and weights, with the
/// page's language's decimal sign.
struct DecimalTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard (1...2).contains(ctx.parameters.count), let value = ctx.parameters[0].double else {
            throw LeafError(.unknownError("#decimal(number, places) needs a number"))
        }
        let places = ctx.parameters.count == 2 ? (ctx.parameters[1].int ?? 2) : 2
        return .string(ctx.words.decimal(value, places: places))
    }
}
