import Fluent
import Foundation
import PactumLaw
import Vapor

/// A request to read the audit trail, from query parameters (API and web page alike).
struct AuditQuery: Sendable {
    var purpose: Purpose
    var state: MemberState?
    var action: AuditAction?
    var actor: String?
    var outcome: AuditOutcome?
    /// One record's entries: "who read this file".
    var record: UUID?
    var from: Date?
    var to: Date?
    var limit: Int
    /// Entries older than this position (the cursor).
    var before: Int?

    static let defaultLimit = 50
    static let maxLimit = 500

    struct Raw: Content {
        var purpose: String?
        var state: String?
        var action: String?
        var actor: String?
        var outcome: String?
        var record: String?
        var from: String?
        var to: String?
        var limit: String?
        var cursor: String?
    }

    /// Validates every parameter and reports all faults together. `defaultPurpose` lets the
    /// web form preselect the role's purpose; the API requires it explicitly.
    init(_ raw: Raw, defaultPurpose: Purpose? = nil) throws {
        var check = FieldValidator()
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        let purposeText = nonEmpty(raw.purpose)
        let purpose = purposeText.flatMap(Purpose.init(rawValue:)) ?? (purposeText == nil ? defaultPurpose : nil)
        if purpose == nil {
            check.fail("purpose", "must be one of: \(Purpose.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        state = nonEmpty(raw.state).flatMap { MemberState(code: $0) }
        check.require(nonEmpty(raw.state) == nil || state != nil, "state", "is not a Member State code")
        action = nonEmpty(raw.action).flatMap(AuditAction.init(rawValue:))
        check.require(nonEmpty(raw.action) == nil || action != nil, "action", "is not an audited action")
        outcome = nonEmpty(raw.outcome).flatMap(AuditOutcome.init(rawValue:))
        check.require(nonEmpty(raw.outcome) == nil || outcome != nil, "outcome", "must be success, failure or denied")
        actor = nonEmpty(raw.actor)
        record = nonEmpty(raw.record).flatMap(UUID.init(uuidString:))
        check.require(nonEmpty(raw.record) == nil || record != nil, "record", "must be a record id (a UUID)")
        from = nonEmpty(raw.from).flatMap(Self.parseDate)
        check.require(
            nonEmpty(raw.from) == nil || from != nil, "from", "must be a date (YYYY-MM-DD) or an ISO 8601 time")
        to = nonEmpty(raw.to).flatMap(Self.parseDate)
        check.require(nonEmpty(raw.to) == nil || to != nil, "to", "must be a date (YYYY-MM-DD) or an ISO 8601 time")
        let parsedLimit = nonEmpty(raw.limit).map { Int($0) } ?? Self.defaultLimit
        check.require(
            parsedLimit.map { (1...Self.maxLimit).contains($0) } ?? false, "limit",
            "must be a whole number from 1 to \(Self.maxLimit)")
        limit = parsedLimit ?? Self.defaultLimit
        before = nonEmpty(raw.cursor).flatMap(Self.decodeCursor)
        check.require(nonEmpty(raw.cursor) == nil || before != nil, "cursor", "is not a cursor returned by this API")
        try check.throwIfInvalid()
        self.purpose = purpose!
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
    }

    static func encodeCursor(_ seq: Int) -> String { Data("seq:\(seq)".utf8).base64EncodedString() }

    static func decodeCursor(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("seq:"), let seq = Int(text.dropFirst(4)), seq > 0
        else { return nil }
        return seq
    }
}

/// One audit entry as the API and the pages show it.
struct AuditEntryView: Content {
    var seq: Int
    var id: UUID?
    var occurredAt: Date
    var actor: String
    var actorRole: String?
    var actorState: String?
    var action: String
    var outcome: String
    var recordType: String?
    var recordId: String?
    var recordState: String?
    var purpose: String?
    var requestId: String?
    var detail: String?
    var hash: String

    init(_ entry: AuditEntry) {
        seq = entry.seq
        id = entry.id
        occurredAt = entry.occurredAt
        actor = entry.actor
        actorRole = entry.actorRole
        actorState = entry.actorState
        action = entry.action
        outcome = entry.outcome
        recordType = entry.recordType
        recordId = entry.recordID
        recordState = entry.recordState
        purpose = entry.purpose
        requestId = entry.requestID
        detail = entry.detail
        hash = entry.hash
    }
}

/// A page of results with the cursor of the next page.
struct CursorPage<Item: Content>: Content {
    var items: [Item]
    var nextCursor: String?
}

extension AuditLog {
    /// Reads one page of the trail for a user after the policy allowed it, and audits the read
    /// itself: monitors' and officers' reads are personal-data access too.
    func read(_ query: AuditQuery, by principal: Principal, requestID: String, on db: any Database) async throws
        -> CursorPage<AuditEntryView>
    {
        let state = query.state ?? principal.state
        let filter = Filter(
            state: state.code, action: query.action?.rawValue, actor: query.actor, outcome: query.outcome?.rawValue,
            record: query.record?.uuidString, from: query.from, to: query.to)
        let entries = try await entries(on: db, filter: filter, limit: query.limit + 1, before: query.before)
        let page = Array(entries.prefix(query.limit))
        try await record(
            AuditDraft(
                principal, .auditRead, record: AuditRecord(type: "audit-trail", id: nil, state: state),
                purpose: query.purpose,
                requestID: requestID, detail: "\(page.count) entries"), on: db)
        return CursorPage(
            items: page.map(AuditEntryView.init),
            nextCursor: entries.count > query.limit ? page.last.map { AuditQuery.encodeCursor($0.seq) } : nil)
    }

    /// Verifies the chain for a user and audits that they did.
    func verify(by principal: Principal, purpose: Purpose?, requestID: String, on db: any Database) async throws
        -> AuditVerification
    {
        let result = try await verify(on: db)
        try await record(
            AuditDraft(
                principal, .auditVerify, record: AuditRecord(type: "audit-trail", id: nil, state: nil),
                purpose: purpose,
                requestID: requestID,
                detail: result.valid ? "valid, \(result.entries) entries" : "broken at \(result.brokenAt ?? 0)"),
            on: db)
        return result
    }
}
