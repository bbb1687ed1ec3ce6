import Foundation
import LeafKit

/// `#label("action", e.action)`: the words for a code (`Labels`) in the page's language. An
/// unknown kind is a template error, found by the page tests, not a blank on a page.
struct LabelTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let kind = ctx.parameters[0].string.flatMap(Labels.Kind.init(rawValue:))
        else {
            throw LeafError(.unknownError("#label(kind, code) needs one of: \(Labels.Kind.allCases.map(\.rawValue))"))
        }
        guard let code = ctx.parameters[1].string, !code.isEmpty else { return .string("") }
        return .string(ctx.words.label(kind, code))
    }
}
