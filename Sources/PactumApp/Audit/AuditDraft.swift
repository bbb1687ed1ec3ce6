import Foundation
import PactumLaw

/// What happened, before it is given its place and hash in the chain.
struct AuditDraft: Sendable {
    var actorID: String?
    var actor: String
    var actorRole: String?
    var actorState: String?
    var action: AuditAction
    var outcome: AuditOutcome = .success
    var recordType: String?
    var recordID: String?
    var recordState: String?
    var purpose: Purpose?
    var requestID: String?
    var detail: String?

    /// An action by a signed-in user.
    init(
        _ principal: Principal, _ action: AuditAction, outcome: AuditOutcome = .success, record: AuditRecord? = nil,
        purpose: Purpose?, requestID: String?, detail: String? = nil
    ) {
        self.init(
            actorID: principal.userID.uuidString, actor: principal.email, actorRole: principal.roleLabel,
            actorState: principal.state.code, action: action, outcome: outcome, record: record, purpose: purpose,
            requestID: requestID, detail: detail)
    }

    init(
        actorID: String? = nil, actor: String, actorRole: String? = nil, actorState: String? = nil,
        action: AuditAction, outcome: AuditOutcome = .success, record: AuditRecord? = nil, purpose: Purpose? = nil,
        requestID: String? = nil, detail: String? = nil
    ) {
        self.actorID = actorID
        self.actor = actor
        self.actorRole = actorRole
        self.actorState = actorState
        self.action = action
        self.outcome = outcome
        self.recordType = record?.type
        self.recordID = record?.id
        self.recordState = record?.state?.code
        self.purpose = purpose
        self.requestID = requestID
        self.detail = detail
    }
}

/// The record an audited action touched, and the Member State that owns it.
struct AuditRecord: Sendable {
    var type: String
    var id: String?
    var state: MemberState?
}

enum AuditOutcome: String, Sendable, Codable, CaseIterable {
    case success, failure, denied
}

/// Every kind of audited action.
enum AuditAction: String, Sendable, Codable, CaseIterable {
    case login = "auth.login"
    case logout = "auth.logout"
    case tokenIssue = "auth.token.issue"
    case tokenRevoke = "auth.token.revoke"
    case passwordChange = "auth.password.change"
    case languageChange = "account.language"
    case accountRead = "account.read"
    case userCreate = "user.create"
    case userUnlock = "user.unlock"
    case userList = "user.list"
    case auditRead = "audit.read"
    case auditVerify = "audit.verify"
    case backupCreate = "backup.create"
    case backupRestore = "backup.restore"
    case accessDenied = "access.denied"
    case demoLoad = "demo.load"
    case registryRegister = "registry.register"
    case registryCompare = "registry.compare"
    case registrySearch = "registry.search"
    case registryRead = "registry.read"
    case registryUpdate = "registry.update"
    case registryReview = "registry.review"
    case registryNotice = "registry.notice"
    case registryNoticeRead = "registry.notice.read"
    case registryErase = "registry.erase"
    case registryExport = "registry.export"
    case registryRectify = "registry.rectify"
    case registryRestrict = "registry.restrict"
    case screeningOpen = "screening.open"
    case screeningRead = "screening.read"
    case screeningRecord = "screening.record"
    case screeningSecurity = "screening.security"
    case screeningRefer = "screening.refer"
    case screeningErase = "screening.erase"
    case referralRead = "screening.referral.read"
    case watchlistLoad = "screening.watchlist.load"
    case monitoringRecord = "monitoring.record"
    case monitoringRead = "monitoring.read"
}
