import Foundation
import PactumLaw
import Vapor

/// A clock as every page and API answer shows it: the rule, the limit, the time left and the
/// status in the one vocabulary, with the citation and any variant or reason.
struct ClockView: Content, Equatable {
    var rule: String
    var dueAt: Date
    var hoursLeft: Double
    var status: ClockStatus
    var citation: String
    var variant: String?
    var reason: String?

    init(_ c: LegalClock, now: Date) {
        rule = c.rule
        dueAt = c.dueAt
        hoursLeft = c.position.hoursLeft(at: now)
        status = c.status(at: now)
        citation = c.citation
        variant = c.variant
        reason = c.reason
    }
}
