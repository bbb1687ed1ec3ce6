import Foundation
import Vapor

/// The message catalogue, loaded once at start.
struct CatalogueKey: StorageKey {
    typealias Value = MessageCatalogue
}

/// A page rendered in a language other than the reader's: the person's copy of a form.
struct PageLanguageKey: StorageKey {
    typealias Value = Language
}

extension Request {
    static let languageCookie = "pactum-language"

    /// The language of this request's page: the language the page itself is in (a person's
    /// copy), else the signed-in user's choice, else the one chosen
    /// before signing in (a cookie), else the browser's `Accept-Language`, else English.
    var language: Language {
        if let page = storage[PageLanguageKey.self] { return page }
        if let chosen = auth.get(Principal.self)?.language { return chosen }
        if let code = cookies[Self.languageCookie]?.string, let chosen = Language(rawValue: code) { return chosen }
        return headers.first(name: .acceptLanguage).flatMap(Language.preferred(in:)) ?? .en
    }

    var words: Words { words(in: language) }

    func words(in language: Language) -> Words {
        Words(catalogue: application.storage[CatalogueKey.self] ?? MessageCatalogue(texts: [:]), language: language)
    }
}
