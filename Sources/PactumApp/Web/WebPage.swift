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
    var body: Body
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
    func renderPage<Body: Encodable & Sendable>(
        _ template: String, title: String, _ body: Body, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = auth.get(Principal.self)
        let page = WebPage(
            title: title, nav: Self.navigation(for: principal, path: url.path),
            user: principal.map {
                .init(
                    displayName: $0.displayName, email: $0.email, state: $0.state.code, stateName: $0.state.name,
                    authority: $0.authority, roles: $0.roles.sorted().map(\.title).joined(separator: ", "))
            },
            csrf: storage[WebSessionKey.self] == true ? csrfToken() : "",
            flash: takeFlash().map { FlashView(text: $0.text, warning: $0.isWarning) },
            demo: application.storage[DemoMarker.self] ?? false, body: body)
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

    private static func navigation(for principal: Principal?, path: String) -> [NavItem] {
        var items: [(String, String)] = []
        if let principal {
            items.append(("Dashboard", "/"))
            if !Policy().purposes(of: principal, for: .readScreening).isEmpty {
                items.append(("Screening", "/screening"))
            }
            if !Policy().purposes(of: principal, for: .receiveReferrals).isEmpty {
                items.append(("Referrals", "/screening/referrals"))
            }
            if !Policy().purposes(of: principal, for: .monitorScreening).isEmpty {
                items.append(("Monitoring", "/monitoring"))
            }
            if !Policy().purposes(of: principal, for: .searchRegistry).isEmpty {
                items.append(("Registry", "/registry"))
            }
            if !Policy().purposes(of: principal, for: .readAuditTrail).isEmpty {
                items.append(("Audit trail", "/audit"))
            }
            items.append(("Account", "/account/password"))
        } else {
            items.append(("Sign in", "/login"))
        }
        items.append(("Legal clocks", "/law"))
        items.append(("About", "/about"))
        return items.map { .init(label: $0.0, href: $0.1, current: $0.1 == path) }
    }
}
