import Foundation
import Leaf
import LeafKit
import PactumLaw
import Vapor

extension LeafContext {
    /// The catalogue in the language of the page being rendered.
    var words: Words {
        request?.words ?? Words(catalogue: MessageCatalogue(texts: [:]), language: .en)
    }

    fileprivate func strings(from index: Int) -> [String] {
        parameters.dropFirst(index).map { $0.string ?? "" }
    }
}

/// `#t("key", value…)`: the catalogue's text of a key in the page's language.
struct TextTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { throw LeafError(.unknownError("#t(key, values…)")) }
        return .string(ctx.words.catalogue.text(key, ctx.strings(from: 1), in: ctx.words.language))
    }
}

/// `#plural("key", n, value…)`: the form of a key for a count ("1 screening", "3 screenings").
struct PluralTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count >= 2, let key = ctx.parameters[0].string, let n = ctx.parameters[1].int else {
            throw LeafError(.unknownError("#plural(key, number, values…)"))
        }
        return .string(ctx.words.catalogue.count(key, n, ctx.strings(from: 2), in: ctx.words.language))
    }
}

/// `#timeleft(clock.secondsLeft, clock.status)`: a clock's time left in words.
struct TimeLeftTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let seconds = ctx.parameters[0].double,
            let status = ctx.parameters[1].string.flatMap(ClockStatus.init(rawValue:))
        else { throw LeafError(.unknownError("#timeleft(secondsLeft, status)")) }
        return .string(ctx.words.timeLeft(seconds: seconds, status: status))
    }
}

/// `#message(e.message)`: a service's English sentence in the page's language where the
/// catalogue has it (`Words.message`).
struct MessageTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        .string(ctx.words.message(ctx.parameters.first?.string ?? ""))
    }
}
