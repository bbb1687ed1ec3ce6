import ArgumentParser
import Foundation
import PactumLaw

struct Law: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The Pact's legal clocks, calendars and calculators; JSON on standard output.",
        subcommands: [
            Holidays.self, PeriodCommand.self, DeadlineCommand.self, Rules.self, Responsibility.self, Routing.self,
            FairShare.self, BorderCapacityCommand.self, Retention.self,
        ])
}

/// `--state DE`, parsed and checked.
struct StateOption: ParsableArguments {
    @Option(help: "Member State, ISO 3166-1 alpha-2 (EL is accepted for Greece).")
    var state: String

    var memberState: MemberState { MemberState(code: state)! }

    func validate() throws {
        guard MemberState(code: state) != nil else {
            throw ValidationError(
                "--state \(state) is not one of \(MemberState.allCases.map(\.code).joined(separator: ", ")).")
        }
    }
}

extension Law {
    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Public holidays of a state (or a subdivision) in a year.")

        @OptionGroup var state: StateOption

        @Option(help: "ISO 3166-2 subdivision, e.g. DE-BY (DE, AT and CH have regional holidays).")
        var subdivision: String?

        @Option(help: "Year, 1990-2100.")
        var year: Int

        func run() throws {
            try printJSON(try HolidayList(state: state.memberState, subdivision: subdivision, year: year))
        }
    }

    struct PeriodCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "period", abstract: "The end of a period counted from an event, in a state's calendar.")

        @OptionGroup var state: StateOption

        @Option(help: "The event: a date (2026-12-22) or, for hours, a date and time (2026-12-22T14:30:00+01:00).")
        var from: String

        @Option(help: "Hours.") var hours: Int?
        @Option(help: "Days.") var days: Int?
        @Option(name: .customLong("working-days"), help: "Working days.") var workingDays: Int?
        @Option(help: "Weeks.") var weeks: Int?
        @Option(help: "Months.") var months: Int?
        @Option(help: "Years.") var years: Int?

        @Option(help: "pact (APR Art 73, AMMR Art 75, RBPR Art 11) or general (Regulation 1182/71).")
        var regime: ComputationRegime = .general

        var period: Period? {
            let given: [(Int?, Period.Unit)] = [
                (hours, .hours), (days, .days), (workingDays, .workingDays), (weeks, .weeks), (months, .months),
                (years, .years),
            ]
            let set = given.compactMap { amount, unit in amount.map { Period($0, unit) } }
            return set.count == 1 ? set[0] : nil
        }

        func validate() throws {
            guard let period else {
                throw ValidationError(
                    "Give exactly one of --hours, --days, --working-days, --weeks, --months, --years.")
            }
            guard period.amount >= 0 else { throw ValidationError("The period cannot be negative.") }
        }

        func run() throws {
            try printJSON(
                try PeriodAnswer(
                    engine: DeadlineEngine(), state: state.memberState, from: from, period: period!, regime: regime))
        }
    }

    struct DeadlineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deadline",
            abstract: "When one of the Pact's time limits expires (`pactum law rules` lists them).")

        @Argument(help: "Rule id, e.g. APR-R1, DUB-6, EDAC-D.")
        var rule: String

        @OptionGroup var state: StateOption

        @Option(help: "The triggering event: a date, or a date and time for limits in hours.")
        var from: String

        @Flag(help: "Apply the crisis or force-majeure variant (Regulation (EU) 2024/1359).")
        var crisis = false

        @Flag(help: "Apply the rule's extension (when it has exactly one).")
        var extended = false

        @Option(help: "Apply the extension with this id (when the rule has several).")
        var `extension`: String?

        func validate() throws {
            if crisis, extended || `extension` != nil {
                throw ValidationError("Choose --crisis or an extension, not both.")
            }
        }

        func run() throws {
            try printJSON(
                try DeadlineEngine().deadline(
                    rule, state: state.memberState, from: from, crisis: crisis,
                    extension: `extension` ?? (extended ? "" : nil)))
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The whole catalogue of time limits, with citations.")

        func run() throws { try printJSON(ClockRule.catalogue) }
    }
}

extension ComputationRegime: ExpressibleByArgument {}
