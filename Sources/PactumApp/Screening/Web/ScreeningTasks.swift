import Foundation

/// The steps of a screening as the case page's task list shows them (GOV.UK task list): each
/// with where it stands, so that the officer sees at a glance what is left before the
/// referral, and what the law no longer allows.
struct ScreeningTask: Encodable, Sendable {
    enum Status: String, Encodable, Sendable {
        case done, todo, blocked, skipped, missed

        var label: String {
            switch self {
            case .done: "Done"
            case .todo: "To do"
            case .blocked: "Cannot start yet"
            case .skipped: "Not needed"
            case .missed: "Not done in time"
            }
        }
    }

    var id: String
    var title: String
    var status: Status
    var statusLabel: String

    init(_ id: String, _ title: String, _ status: Status) {
        (self.id, self.title, self.status, statusLabel) = (id, title, status, status.label)
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
                "safeguards", "Safeguards of the child (Art 13)",
                !v.minor ? .skipped : v.safeguardsRecorded ? .done : canCheck ? .todo : .missed),
            ScreeningTask("health", "Preliminary health check (Art 12(1)-(2))", check(v.checks.health != nil)),
            ScreeningTask(
                "vulnerability", "Preliminary vulnerability check (Art 12(3)-(5))", check(v.checks.vulnerability != nil)
            ),
            ScreeningTask("identity", "Identity check (Art 14)", check(v.checks.identity != nil)),
            ScreeningTask("biometrics", "Biometrics registered in Eurodac (Art 15(3))", check(v.checks.biometrics)),
            ScreeningTask("security", "Security check (Art 15)", check(v.checks.security != nil)),
            ScreeningTask("form", "The screening form (Art 17)", referred ? .done : .todo),
            ScreeningTask("referral-form", "Referral (Art 18)", referred ? .done : .todo),
        ]
    }
}
