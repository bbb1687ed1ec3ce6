import Foundation
import PactumLaw
import Vapor

extension Request {
    /// The caller of a route that reads or writes personal data: the role gate first (so that a refused role learns
    /// nothing of the request's validity), then the purpose (given, or the first the role
    /// allows) checked against the policy for the caller's own state.
    func caller(_ action: Action, purpose raw: String?, with access: AccessControl) async throws
        -> Caller
    {
        let principal = try await authorize(action, purpose: nil, with: access)
        if AccessControl.expensive.contains(action) {
            try await access.limiter.take("search:\(principal.userID)", access.limits.searchPerUser)
        }
        let purpose: Purpose
        // Absent means the role's first purpose; given, even empty (`?purpose=`), it must be one.
        if let raw {
            guard let parsed = Purpose(rawValue: raw) else {
                throw InvalidInput([
                    .init(
                        field: "purpose",
                        message:
                            "must be one of: \(access.policy.purposes(of: principal, for: action).map(\.rawValue).joined(separator: ", "))"
                    )
                ])
            }
            purpose = parsed
        } else {
            purpose = access.policy.purposes(of: principal, for: action)[0]
        }
        try await authorize(action, state: principal.state, purpose: purpose, with: access)
        return Caller(principal: principal, purpose: purpose, requestID: requestID)
    }

    /// A UUID path parameter, or a 404 problem.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else {
            throw Problem.notFound("No record with id \(parameters.get(name) ?? "").")
        }
        return id
    }
}
