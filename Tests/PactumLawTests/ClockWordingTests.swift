import Foundation
import Testing

@testable import PactumLaw

@Suite struct ClockWordingTests {
    @Test func timeLeftInWords() {
        let hour: TimeInterval = 3_600
        #expect(
            ClockWording.timeLeft(seconds: 7 * 86_400 + 11 * hour + 59 * 60, status: .open) == "7 days 11 hours left")
        #expect(ClockWording.timeLeft(seconds: 86_400, status: .open) == "1 day left")
        #expect(ClockWording.timeLeft(seconds: 5 * hour + 60, status: .due) == "5 hours 1 minute left")
        #expect(ClockWording.timeLeft(seconds: 45 * 60 + 30, status: .due) == "45 minutes left")
        #expect(ClockWording.timeLeft(seconds: 20, status: .due) == "less than a minute left")
        #expect(ClockWording.timeLeft(seconds: -2 * hour, status: .overdue) == "passed 2 hours ago")
        #expect(ClockWording.timeLeft(seconds: 3 * hour, status: .suspended) == "3 hours left when it resumes")
        #expect(ClockWording.timeLeft(seconds: 3 * hour, status: .met) == "met in time")
        #expect(ClockWording.timeLeft(seconds: -hour, status: .lapsed) == "lapsed")
    }

    @Test func everyStatusHasItsOwnLabel() {
        let labels = ClockStatus.allCases.map(ClockWording.label)
        #expect(Set(labels).count == ClockStatus.allCases.count)
        #expect(!labels.contains { ClockStatus(rawValue: $0) != nil })
    }
}
