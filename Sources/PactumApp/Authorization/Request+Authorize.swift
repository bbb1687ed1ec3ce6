import Fluent
import PactumLaw
import Vapor

/// The policy and audit log that routes use, wired once per application.
struct AccessControl: Sendable {
    let policy: Policy
    let audit: AuditLog
    /// Expensive searches (registry searches, registrations and biometric uploads, which
    /// identify) count against `limits.searchPerUser`.
    let limiter: RateLimiter
    let limits: RateLimits

    static let expensive: Set<Action> = [.searchRegistry, .registerDataset]
}

extension Request {
    /// The signed-in user, or a 401 problem.
    func principal() throws -> Principal {
        guard let principal = auth.get(Principal.self) else { throw Problem.unauthenticated }
        return principal
    }

    /// Asks the policy whether the signed-in user may perform `action` on data of `state` for
    /// `purpose`. A refusal is audited and answered with 403; no user gets 401. A user with a
    /// one-time password may do nothing but change it. Without a purpose only the role is
    /// checked, so that a route can refuse a role before it validates the request.
    @discardableResult
    func authorize(
        _ action: Action, state: MemberState? = nil, purpose: Purpose?, with access: AccessControl
    ) async throws -> Principal {
        let principal = try principal()
        let decision: PolicyDecision =
            principal.mustChangePassword && action != .changeOwnPassword
            ? .deny("Change your one-time password first.")
            : access.policy.decide(principal, action, state: state, purpose: purpose)
        if case .deny(let reason) = decision {
            try await access.audit.record(
                AuditDraft(
                    principal, .accessDenied, outcome: .denied,
                    record: AuditRecord(type: action.rawValue, id: nil, state: state), purpose: purpose,
                    requestID: requestID, detail: reason), on: db)
            throw Problem.forbidden(reason)
        }
        return principal
    }
}
