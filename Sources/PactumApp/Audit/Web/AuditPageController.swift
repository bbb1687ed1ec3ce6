import Fluent
import Vapor

/// The audit trail page for monitors and data-protection officers.
struct AuditPageController: RouteCollection {
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: list)
        routes.get("audit", "verify", use: verify)
    }

    struct AuditPage: Encodable, Sendable {
        var purposes: [SelectOption]
        var actions: [SelectOption]
        var outcomes: [SelectOption]
        var actor: String
        var record: String
        var from: String
        var to: String
        var entries: [AuditEntryView]
        var nextPage: String?
        var errors: [FieldError]
        var verification: AuditVerification?
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        try await req.authorize(.readAuditTrail, purpose: nil, with: access)
        let raw = try req.query.decode(AuditQuery.Raw.self)
        let purposes = access.policy.purposes(of: principal, for: .readAuditTrail)
        var page = Self.form(raw, purposes: purposes, req.words)
        do {
            let query = try AuditQuery(raw, defaultPurpose: purposes.first)
            try await req.authorize(.readAuditTrail, state: query.state, purpose: query.purpose, with: access)
            let result = try await access.audit.read(query, by: principal, requestID: req.requestID, on: req.db)
            page.entries = result.items
            page.nextPage = result.nextCursor.map { cursor in
                var next = raw
                next.cursor = cursor
                return "/audit?" + ((try? URLEncodedFormEncoder().encode(next)) ?? "")
            }
        } catch let invalid as InvalidInput {
            page.errors = invalid.errors
            return try await req.renderPage("Audit/audit", title: "title.audit", page, status: .unprocessableEntity)
        }
        return try await req.renderPage("Audit/audit", title: "title.audit", page)
    }

    func verify(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        let purposes = access.policy.purposes(of: principal, for: .verifyAuditChain)
        try await req.authorize(.verifyAuditChain, purpose: purposes.first, with: access)
        let result = try await access.audit.verify(
            by: principal, purpose: purposes.first, requestID: req.requestID, on: req.db)
        var page = Self.form(AuditQuery.Raw(), purposes: purposes, req.words)
        page.verification = result
        return try await req.renderPage("Audit/audit", title: "title.audit", page)
    }

    private static func form(_ raw: AuditQuery.Raw, purposes: [Purpose], _ words: Words) -> AuditPage {
        AuditPage(
            purposes: purposes.map {
                .init(
                    value: $0.rawValue, label: words.label(.purpose, $0.rawValue), selected: $0.rawValue == raw.purpose)
            },
            actions: AuditAction.allCases.map {
                .init(value: $0.rawValue, label: words.label(.action, $0.rawValue), selected: $0.rawValue == raw.action)
            },
            outcomes: AuditOutcome.allCases.map {
                .init(
                    value: $0.rawValue, label: words.label(.outcome, $0.rawValue), selected: $0.rawValue == raw.outcome)
            },
            actor: raw.actor ?? "", record: raw.record ?? "", from: raw.from ?? "", to: raw.to ?? "", entries: [],
            nextPage: nil, errors: [],
            verification: nil)
    }
}
