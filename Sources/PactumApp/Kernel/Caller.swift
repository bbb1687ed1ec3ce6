import Foundation
import PactumLaw

/// Who acts on personal data, and why: every audited entry carries both.
struct Caller: Sendable {
    let principal: Principal
    let purpose: Purpose
    let requestID: String?

    var state: MemberState { principal.state }

    func draft(
        _ action: AuditAction, _ type: String, _ id: UUID?, state: String?, detail: String? = nil,
        outcome: AuditOutcome = .success
    ) -> AuditDraft {
        AuditDraft(
            principal, action, outcome: outcome,
            record: AuditRecord(type: type, id: id?.uuidString, state: state.flatMap { MemberState(rawValue: $0) }),
            purpose: purpose, requestID: requestID, detail: detail)
    }
}
