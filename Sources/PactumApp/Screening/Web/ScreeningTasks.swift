import Foundation

/// The steps of a screening as the case page's task list shows them (GOV.UK task list): each
/// with where it stands, so that the officer sees at a glance what is left before the
/// referral, and what the law no longer allows.
struct ScreeningTask: Encodable, Sendable {
    /// Worded by the catalogue's `task.<status>` (`#label("task", t.status)`).
    enum Status: String, Encodable, Sendable, CaseIterable {
        case done, todo, blocked, skipped, missed
    }

    var id: String
    var status: Status
    /// The catalogue's `step.<id>`: the step's name with its article.
    var titleKey: String

    init(_ id: String, _ status: Status) {
        (self.id, self.status, titleKey) = (id, status, "step.\(id)")
    }

    /// The checks of SCR Art 8(5) run only while the limit runs and, for a child, once the
    /// safeguards of Art 13 are in place; the form runs until the referral.
    static func list(_ v: ScreeningView, canCheck: Bool) -> [ScreeningTask] {
        let waitsForSafeguards = v.minor && !v.safeguardsRecorded
        func check(_ done: Bool) -> Status {
            done ? .done : !canCheck ? .missed : waitsForSafeguards ? .blocked : .todo
        }
        let referred = v.referral != nil
        return [
            ScreeningTask(
                "safeguards", !v.minor ? .skipped : v.safeguardsRecorded ? .done : canCheck ? .todo : .missed),
            ScreeningTask("health", check(v.checks.health != nil)),
            ScreeningTask(
                "vulnerability", check(v.checks.vulnerability != nil)
            ),
            ScreeningTask("identity", check(v.checks.identity != nil)),
            ScreeningTask("biometrics", check(v.checks.biometrics)),
            ScreeningTask("security", check(v.checks.security != nil)),
            ScreeningTask("form", referred ? .done : .todo),
            ScreeningTask("referral-form", referred ? .done : .todo),
        ]
    }
}
