import Fluent
import Foundation
import PactumLaw

/// The capability that owns a clock and registers what happens when it lapses.
enum ClockOwner: String, Codable, Sendable, CaseIterable {
    case registry, screening, exchange
}

/// One running legal limit on one record: the rule of PactumLaw's catalogue, the record and the
/// Member State it runs on, what started it, when it ends, and how it ended. Every capability's
/// limits are rows of this one table, so one scheduler and one worklist query serve them all.
final class LegalClock: Model, @unchecked Sendable {
    static let schema = "legal_clocks"

    @ID(key: .id) var id: UUID?
    @Field(key: "rule_id") var rule: String
    @Field(key: "owner") var owner: ClockOwner
    /// The record the clock runs on (`registry.dataset`, `screening`) and its owning state.
    @Field(key: "record_type") var recordType: String
    @Field(key: "record_id") var recordID: UUID
    @Field(key: "state_code") var state: MemberState
    /// The event that started the clock, and when it happened.
    @Field(key: "trigger") var trigger: String
    @Field(key: "triggered_at") var triggeredAt: Date
    @Field(key: "due_at") var dueAt: Date
    @Field(key: "citation") var citation: String
    /// What the law attaches to the limit passing.
    @Field(key: "consequence") var consequence: String
    /// Why this rule (or variant) applies to the record, where the choice needs a reason.
    @OptionalField(key: "reason") var reason: String?
    /// An extension or crisis variant of the rule, with the grounds it was granted on.
    @OptionalField(key: "variant") var variant: String?
    @OptionalField(key: "variant_grounds") var variantGrounds: String?
    @OptionalField(key: "suspended_at") var suspendedAt: Date?
    /// Stopped by the act the limit asks for (a transmission, a referral), and which act.
    @OptionalField(key: "stopped_at") var stoppedAt: Date?
    @OptionalField(key: "stop_event") var stopEvent: String?
    /// When the scheduler applied the consequence, and what it did.
    @OptionalField(key: "lapsed_at") var lapsedAt: Date?
    @OptionalField(key: "lapse_outcome") var lapseOutcome: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var position: ClockPosition {
        ClockPosition(dueAt: dueAt, suspendedAt: suspendedAt, stoppedAt: stoppedAt, lapsedAt: lapsedAt)
    }

    func status(at now: Date) -> ClockStatus { position.status(at: now) }

    /// The stop event of a clock another clock replaced (a retake's new limit).
    static let replaced = "replaced"

    /// Of one record's clocks of one limit, the one that counts: a running one, else the last
    /// one that was not replaced by another, else the last started.
    static func latest(of clocks: [LegalClock]) -> LegalClock? {
        clocks.max { a, b in
            func rank(_ c: LegalClock) -> (Int, Int, Date) {
                (c.stoppedAt == nil && c.lapsedAt == nil ? 1 : 0, c.stopEvent == replaced ? 0 : 1, c.createdAt)
            }
            return rank(a) < rank(b)
        }
    }
}
