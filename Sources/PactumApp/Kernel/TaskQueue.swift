import Foundation

/// One queue of a role's work as its dashboard shows it: how many records wait, what is
/// urgent, the nearest limit, and the worklist that lists them. Counts only, no personal data,
/// so building one reads no record and writes no audit entry. Its words are the catalogue's
/// `queue.<id>.title`, `.detail` (by count), `.alert` (by the alert's count) and `.link`.
struct TaskQueue: Encodable, Sendable {
    /// A stable id for the page, its tests and its catalogue keys ("screenings", "candidates" …).
    var id: String
    var count: Int
    /// How many need attention first ("1 past its limit"), if any do.
    var alert: Int?
    var nearest: ClockView?
    var href: String
    var titleKey: String
    var detailKey: String
    var alertKey: String
    var linkKey: String

    init(id: String, count: Int, alert: Int? = nil, nearest: ClockView? = nil, href: String) {
        (self.id, self.count, self.alert, self.nearest, self.href) = (id, count, alert, nearest, href)
        (titleKey, detailKey, alertKey, linkKey) = (
            "queue.\(id).title", "queue.\(id).detail", "queue.\(id).alert", "queue.\(id).link"
        )
    }
}
