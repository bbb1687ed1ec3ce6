import Foundation
import PactumLaw

/// The retention limits as clocks: the day a registry dataset's retention ends (EDAC Art
/// 29(10)), and the retention of a referred screening without a dataset, which follows the
/// registry's for its category from the referral (SCR Art 18(7)). Both end at the start of the
/// day in the recording state's calendar; the scheduler erases then.
struct RetentionClocks: Sendable {
    let law: DeadlineEngine
    static let datasetRule = "EDAC-E1"
    static let screeningRule = "SCR-O6"

    func dataset(_ id: UUID, state: MemberState, transmitted: Date, eraseOn: CivilDate) -> ClockStart {
        ClockStart(
            rule: Self.datasetRule, owner: .registry, recordType: "registry.dataset", recordID: id, state: state,
            trigger: "transmission of the biometric data", triggeredAt: transmitted,
            dueAt: law.calculator(for: state).startOfDay(eraseOn), citation: "EDAC Art 29(10)",
            consequence: "the data are erased automatically from the central system")
    }

    func screening(_ id: UUID, state: MemberState, situation: ScreeningSituation, referredAt: Date) -> ClockStart? {
        let calendar = law.calculator(for: state)
        guard
            let end = EurodacRules.erasureDate(
                category: situation.eurodacCategory, outcome: nil, transmitted: calendar.localDay(of: referredAt),
                protectionDecision: nil)
        else { return nil }
        return ClockStart(
            rule: Self.screeningRule, owner: .screening, recordType: "screening", recordID: id, state: state,
            trigger: "referral at the end of the screening", triggeredAt: referredAt, dueAt: calendar.startOfDay(end),
            citation: "SCR Art 18(7)", consequence: "the screening data are erased, as the Eurodac data would be")
    }
}
