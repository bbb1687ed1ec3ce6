import PactumLaw
import Testing

@Suite("Screening rules (SCR Arts 8, 13, 18)")
struct ScreeningRuleTests {
    @Test(
        "SCR-T1, T2, T3: the limit follows the situation and the hours held at the border",
        arguments: [
            (ScreeningSituation.borderApprehension, 10.0, FourDayLimitScope.borderApprehension, "SCR-T1"),
            (.borderApprehension, 73, .borderApprehension, "SCR-T2"),
            (.borderApprehension, 72, .borderApprehension, "SCR-T1"),
            (.disembarkation, 80, .borderApprehension, "SCR-T1"),
            (.disembarkation, 80, .everyExternalBorderScreening, "SCR-T2"),
            (.borderCrossingPoint, 100, .borderApprehension, "SCR-T1"),
            (.borderCrossingPoint, 100, .everyExternalBorderScreening, "SCR-T2"),
            (.territoryApprehension, 0, .borderApprehension, "SCR-T3"),
            (.territoryApprehension, 100, .everyExternalBorderScreening, "SCR-T3"),
        ])
    func clocks(situation: ScreeningSituation, hours: Double, scope: FourDayLimitScope, rule: String) {
        let clock = ScreeningRules.clock(situation, hoursHeldBeforeStart: hours, scope: scope)
        #expect(clock.rule == rule)
        #expect(clock.fromScreeningStart == (rule == "SCR-T2"))
    }

    @Test("the engine gives 7, 4 and 3 days for the three screening limits")
    func deadlines() throws {
        let engine = DeadlineEngine()
        // Wednesday 18 November 2026, 11:06 in Italy: day 0; 7 days end Wednesday 25 November.
        let t1 = try engine.deadline("SCR-T1", state: .IT, from: "2026-11-18T11:06:00+01:00")
        #expect(t1.due == "2026-11-25")
        let t2 = try engine.deadline("SCR-T2", state: .IT, from: "2026-11-18T11:06:00+01:00")
        #expect(t2.due == "2026-11-23")  // 4 days end Sunday 22 November; 1182/71 Art 3(4) moves it to Monday
        let t3 = try engine.deadline("SCR-T3", state: .DE, from: "2026-11-18T11:06:00+01:00")
        #expect(t3.due == "2026-11-23")  // 3 days end Saturday 21 November → Monday 23 November
    }

    @Test(
        "SCR Art 18: each referral has its condition",
        arguments: [
            (ScreeningReferral.asylumRegistration, false, nil as MemberState?, nil as String?, false),
            (.asylumRegistration, true, nil, nil, true),
            (.returnProcedure, false, nil, nil, true),
            (.returnProcedure, true, nil, nil, false),
            (.relocation, true, nil, nil, false),
            (.relocation, true, .IT, nil, false),
            (.relocation, true, .DE, nil, true),
            (.relocation, false, .DE, nil, false),
            (.interruption, false, nil, nil, false),
            (.interruption, false, nil, "extradition request of 12 November", true),
        ])
    func referrals(
        referral: ScreeningReferral, applied: Bool, relocation: MemberState?, reason: String?, allowed: Bool
    ) {
        let refusal = ScreeningRules.refusal(
            of: referral, applied: applied, relocationState: relocation, screeningState: .IT, interruptionReason: reason
        )
        #expect((refusal == nil) == allowed, "\(refusal ?? "allowed")")
    }

    @Test("an interruption goes to registration when the person applied, to return otherwise (SCR Art 18(6))")
    func interruptionAuthority() {
        #expect(ScreeningReferral.interruption.receivingAuthority(applied: true) == .asylumRegistration)
        #expect(ScreeningReferral.interruption.receivingAuthority(applied: false) == .returnAuthority)
        #expect(ScreeningReferral.relocation.receivingAuthority(applied: true) == .asylumRegistration)
    }

    @Test("an unaccompanied minor is kept out of the border procedure except on the security ground")
    func vulnerability() {
        #expect(VulnerabilityIndicator.unaccompaniedMinor.borderProcedure == .securityGroundOnly)
        #expect(VulnerabilityIndicator.mentalHealth.borderProcedure == .excludedForMedicalReasons)
        #expect(ScreeningSituation.disembarkation.eurodacCategory == .seaRescue)
        #expect(ScreeningSituation.territoryApprehension.eurodacCategory == .illegalStayer)
    }
}
