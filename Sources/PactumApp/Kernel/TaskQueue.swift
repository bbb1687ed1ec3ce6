import Foundation

/// One queue of a role's work as its dashboard shows it: how many records wait, what is
/// urgent, the nearest limit, and the worklist that lists them. Counts only, no personal data,
/// so building one reads no record and writes no audit entry.
struct TaskQueue: Encodable, Sendable {
    /// A stable id for the page and its tests ("screenings", "candidates" …).
    var id: String
    var title: String
    var count: Int
    /// What the count counts, in words beside it: "screenings open".
    var detail: String
    /// What needs attention first ("1 past its limit"), if anything does.
    var alert: String?
    var nearest: ClockView?
    var href: String
    var link: String

    init(
        id: String, title: String, count: Int, detail: String, alert: String? = nil, nearest: ClockView? = nil,
        href: String, link: String
    ) {
        (self.id, self.title, self.count, self.detail, self.alert) = (id, title, count, detail, alert)
        (self.nearest, self.href, self.link) = (nearest, href, link)
    }

    /// "1 screening", "3 screenings": English plurals of the nouns the queues count.
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(noun(n, one, many))" }

    static func noun(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }
}
