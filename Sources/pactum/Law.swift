import ArgumentParser
import Foundation
import PactumLaw

struct Law: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The Pact's legal clocks, calendars and calculators; JSON on standard output.",
        subcommands: [
            Holidays.self, PeriodCommand.self, DeadlineCommand.self, Rules.self, Responsibility.self, Routing.self,
            DublinCommand.self, AppealCommand.self, SubsequentCommand.self, WithdrawalCommand.self,
            AdmissibilityCommand.self, BorderBudgetCommand.self, CrisisCommand.self, RelocationCommand.self,
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

/// `--subdivision ES-CN --decree canarias-2026.csv`: a region and, where it decrees its holidays
/// yearly, the decree to count with.
struct RegionOptions: ParsableArguments {
    @Option(
        help: "ISO 3166-2 subdivision: DE-BY etc. for regional holidays; ES-CN, PT-20, PT-30 also count in island time."
    )
    var subdivision: String?

    @Option(help: "A region's decreed holidays for one year: CSV with a '# source:' line, then date,name rows.")
    var decree: [String] = []

    func decrees(for state: MemberState) throws -> [HolidayDecree] {
        try decree.map { path in
            guard let subdivision else { throw ValidationError("--decree needs --subdivision.") }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw CLIError("Cannot read \(path).") }
            do {
                return try HolidayDecree(csv: text, state: state, subdivision: subdivision)
            } catch let error as HolidayDecree.DecreeError {
                throw CLIError("\(path): \(error)")
            }
        }
    }
}

extension Law {
    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Public holidays of a state (or a subdivision) in a year.")

        @OptionGroup var state: StateOption
        @OptionGroup var region: RegionOptions

        @Option(help: "Year, 1990-2100.")
        var year: Int

        func run() throws {
            try printJSON(
                try HolidayList(
                    state: state.memberState, subdivision: region.subdivision, year: year,
                    decrees: try region.decrees(for: state.memberState)))
        }
    }

    struct PeriodCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "period", abstract: "The end of a period counted from an event, in a state's calendar.")

        @OptionGroup var state: StateOption
        @OptionGroup var region: RegionOptions

        @Option(help: "The event: a date (2026-12-22) or, for hours, a date and time (2026-12-22T14:30:00+01:00).")
        var from: String

        @Option(help: "Hours.") var hours: Int?
        @Option(help: "Days.") var days: Int?
        @Option(name: .customLong("working-days"), help: "Working days.") var workingDays: Int?
        @Option(help: "Weeks.") var weeks: Int?
        @Option(help: "Months.") var months: Int?
        @Option(help: "Years.") var years: Int?

        @Option(
            help:
                "pact (APR Art 73, AMMR Art 75, RBPR Art 11), general (Regulation 1182/71) or dublin-iii (604/2013 Art 42)."
        )
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
            let engine = DeadlineEngine(decrees: try region.decrees(for: state.memberState))
            try printJSON(
                try PeriodAnswer(
                    engine: engine, state: state.memberState, subdivision: region.subdivision, from: from,
                    period: period!, regime: regime))
        }
    }

    struct DeadlineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deadline",
            abstract: "When one of the Pact's time limits expires (`pactum law rules` lists them).")

        @Argument(help: "Rule id, e.g. APR-R1, DUB-6, EDAC-D.")
        var rule: String

        @OptionGroup var state: StateOption
        @OptionGroup var region: RegionOptions

        @Option(help: "The triggering event: a date, or a date and time for limits in hours.")
        var from: String

        @Option(help: "Apply the crisis derogation of this situation: \(CrisisKind.list) (Regulation (EU) 2024/1359).")
        var crisis: CrisisKind?

        @Option(
            name: .customLong("registered-on"),
            help: "The application's registration date: before 1 July 2026, Dublin III governs (AMMR Art 84(2)).")
        var registeredOn: String?

        @Option(
            name: .customLong("lodged-on"),
            help: "The application's lodging date: before 12 June 2026, Directive 2013/32 governs (APR Art 79(3)).")
        var lodgedOn: String?

        @Flag(help: "Apply the rule's extension (when it has exactly one).")
        var extended = false

        @Option(help: "Apply the extension with this id (when the rule has several).")
        var `extension`: String?

        func validate() throws {
            if crisis != nil, extended || `extension` != nil {
                throw ValidationError("Choose --crisis or an extension, not both.")
            }
            for (name, value) in [("--registered-on", registeredOn), ("--lodged-on", lodgedOn)] {
                if let value, CivilDate(iso: value) == nil {
                    throw ValidationError("\(name) \(value) is not a date (YYYY-MM-DD).")
                }
            }
        }

        func run() throws {
            let engine = DeadlineEngine(decrees: try region.decrees(for: state.memberState))
            try printJSON(
                try engine.deadline(
                    rule, state: state.memberState, subdivision: region.subdivision, from: from, crisis: crisis,
                    extension: `extension` ?? (extended ? "" : nil),
                    application: ApplicationDates(
                        registered: registeredOn.flatMap(CivilDate.init(iso:)),
                        lodged: lodgedOn.flatMap(CivilDate.init(iso:)))))
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The whole catalogue of time limits, with citations.")

        func run() throws { try printJSON(ClockRule.catalogue) }
    }
}

extension ComputationRegime: ExpressibleByArgument {}
extension CrisisKind: ExpressibleByArgument {}
