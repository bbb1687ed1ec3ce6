import Foundation
import PactumLaw
import Vapor

/// What every page gets besides its own content: title, navigation, the signed-in user, the
/// CSRF token for its forms and the feedback of the action that led to it.
struct WebPage<Body: Encodable & Sendable>: Encodable, Sendable {
    var title: String
    var nav: [NavItem]
    var user: UserBadge?
    var csrf: String
    var flash: FlashView?
    /// The demo data set is loaded: every page carries the "Demonstration data" marker.
    var demo: Bool
    /// The page's language, and the others it can be read in (the switch).
    var lang: String
    var languages: [LanguageChoice]
    /// This page's path, where the language switch comes back to.
    var path: String
    var body: Body
}

struct LanguageChoice: Encodable, Sendable {
    var code: String
    var name: String
    var current: Bool

    /// Every language Pactum speaks, the current one marked.
    static func all(current: Language) -> [LanguageChoice] {
        Language.allCases.map { .init(code: $0.rawValue, name: $0.name, current: $0 == current) }
    }
}

/// Set once, before serving, when `serve --demo` loaded the demo data set.
struct DemoMarker: StorageKey {
    typealias Value = Bool
}

struct FlashView: Encodable, Sendable {
    var text: String
    var warning: Bool
}

struct NavItem: Encodable, Sendable {
    var label: String
    var href: String
    var current: Bool
}

struct UserBadge: Encodable, Sendable {
    var displayName: String
    var email: String
    var state: String
    var stateName: String
    var authority: String
    var roles: String
}

/// Errors that a page answers with a redirect rather than an error page.
struct WebRedirect: Error {
    var location: String
}

extension Request {
    /// Renders a page inside the layout, with the navigation for the signed-in user's roles.
    /// `title` is the catalogue key of the page's title, `titleValues` what it names.
    func renderPage<Body: Encodable & Sendable>(
        _ template: String, title: String, titleValues: [String] = [], _ body: Body, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = auth.get(Principal.self)
        let words = self.words
        let page = WebPage(
            title: words.catalogue.text(title, titleValues, in: words.language),
            nav: Self.navigation(for: principal, path: url.path, words),
            user: principal.map {
                .init(
                    displayName: $0.displayName, email: $0.email, state: $0.state.code,
                    stateName: words.label(.state, $0.state.code), authority: $0.authority,
                    roles: $0.roles.sorted().map { words.label(.role, $0.rawValue) }.joined(separator: ", "))
            },
            csrf: storage[WebSessionKey.self] == true ? csrfToken() : "",
            flash: takeFlash().map { FlashView(text: $0.text(words), warning: $0.isWarning) },
            demo: application.storage[DemoMarker.self] ?? false, lang: words.language.rawValue,
            languages: LanguageChoice.all(current: words.language), path: url.path, body: body)
        let response = try await view.render(template, page).encodeResponse(status: status, for: self)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The signed-in user of a page, or a redirect to the sign-in page (or to the password
    /// page while the account still has its one-time password).
    func webPrincipal() throws -> Principal {
        guard let principal = auth.get(Principal.self) else { throw WebRedirect(location: "/login") }
        if principal.mustChangePassword, url.path != "/account/password" {
            throw WebRedirect(location: "/account/password")
        }
        return principal
    }

    private static func navigation(for principal: Principal?, path: String, _ words: Words) -> [NavItem] {
        var items: [(String, String)] = []
        if let principal {
            items.append(("nav.dashboard", "/"))
            if !Policy().purposes(of: principal, for: .readScreening).isEmpty {
                items.append(("nav.screening", "/screening"))
            }
            if !Policy().purposes(of: principal, for: .receiveReferrals).isEmpty {
                items.append(("nav.referrals", "/screening/referrals"))
            }
            if !Policy().purposes(of: principal, for: .monitorScreening).isEmpty {
                items.append(("nav.monitoring", "/monitoring"))
            }
            if !Policy().purposes(of: principal, for: .searchRegistry).isEmpty {
                items.append(("nav.registry", "/registry"))
            }
            if !Policy().purposes(of: principal, for: .readAuditTrail).isEmpty {
                items.append(("nav.audit", "/audit"))
            }
            items.append(("nav.account", "/account/password"))
        } else {
            items.append(("nav.login", "/login"))
        }
        items.append(("nav.law", "/law"))
        items.append(("nav.about", "/about"))
        return items.map { .init(label: words($0.0), href: $0.1, current: $0.1 == path) }
    }
}
