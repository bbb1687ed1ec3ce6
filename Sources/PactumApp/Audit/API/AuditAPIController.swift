import Fluent
import Vapor

extension AuditVerification: Content {}

/// `/api/v1/audit`: the trail for monitors and data-protection officers.
struct AuditAPIController: RouteCollection {
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", "entries", use: list)
        routes.get("audit", "verify", use: verify)
    }

    func list(req: Request) async throws -> CursorPage<AuditEntryView> {
        try await req.authorize(.readAuditTrail, purpose: nil, with: access)
        let query = try AuditQuery(try req.query.decode(AuditQuery.Raw.self))
        let principal = try await req.authorize(
            .readAuditTrail, state: query.state, purpose: query.purpose, with: access)
        return try await access.audit.read(query, by: principal, requestID: req.requestID, on: req.db)
    }

    func verify(req: Request) async throws -> AuditVerification {
        try await req.authorize(.verifyAuditChain, purpose: nil, with: access)
        let raw = try req.query.decode(AuditQuery.Raw.self)
        guard let purpose = raw.purpose.flatMap(Purpose.init(rawValue:)) else {
            throw InvalidInput([
                .init(
                    field: "purpose",
                    message: "must be one of: \(Purpose.allCases.map(\.rawValue).joined(separator: ", "))")
            ])
        }
        let principal = try await req.authorize(.verifyAuditChain, purpose: purpose, with: access)
        return try await access.audit.verify(by: principal, purpose: purpose, requestID: req.requestID, on: req.db)
    }
}
