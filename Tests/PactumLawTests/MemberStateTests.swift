import Foundation
import PactumLaw
import Testing

@Suite("Member States and the Pact's acts")
struct MemberStateTests {
    @Test("27 EU Member States and 4 Dublin-associated states")
    func membership() {
        #expect(MemberState.allCases.count == 31)
        #expect(MemberState.allCases.filter { $0.membership == .europeanUnion }.count == 27)
        #expect(Set(MemberState.allCases.filter { $0.membership == .dublinAssociated }) == [.IS, .LI, .NO, .CH])
    }

    @Test("every state's time zone is a real IANA zone with European offsets")
    func timeZones() {
        let winter = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00Z
        for state in MemberState.allCases {
            let offset = state.timeZone.secondsFromGMT(for: winter) / 3600
            #expect((0...2).contains(offset), "\(state) offset \(offset)")
        }
        #expect(MemberState.PT.timeZone.secondsFromGMT(for: winter) == 0)
        #expect(MemberState.GR.timeZone.secondsFromGMT(for: winter) == 7200)
    }

    @Test("codes parse case-insensitively, and Eurostat's EL means Greece")
    func codes() {
        #expect(MemberState(code: "de") == .DE)
        #expect(MemberState(code: "EL") == .GR)
        #expect(MemberState(code: "UK") == nil)
        #expect(MemberState(code: "") == nil)
    }

    @Test("the acts' dates of application: 12 June 2026, and 1 July 2026 for AMMR and CFM")
    func applicationDates() {
        let dates = Dictionary(uniqueKeysWithValues: PactInstrument.all.map { ($0.id, $0.appliesFrom) })
        #expect(dates["APR"] == "2026-06-12" && dates["SCR"] == "2026-06-12" && dates["EDAC"] == "2026-06-12")
        #expect(dates["AMMR"] == "2026-07-01" && dates["CFM"] == "2026-07-01")
        #expect(PactInstrument.all.allSatisfy { !$0.citation.isEmpty })
    }
}
