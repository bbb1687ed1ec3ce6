import ArgumentParser
import Foundation
import PactumLaw

/// Reads a JSON facts document strictly (FactsDocument): a fault, an unknown key among them,
/// is printed with its path and exits 2.
func readFacts<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
    guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("Cannot read \(path).") }
    do {
        return try FactsDocument.decode(T.self, from: data)
    } catch {
        FileHandle.standardError.write(Data("Error: \(path): \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// Reads a CSV of `state,value` rows.
func readFigures(_ path: String, name: String, source: String) throws -> FigureTable {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw CLIError("Cannot read \(path).")
    }
    return try FigureTable.parse(csv: text, name: name, referenceDate: "", source: source)
}

extension Law {
    struct Responsibility: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The responsible Member State (AMMR Arts 16, 24-34), every criterion weighed, and missing evidence.")

        @Option(help: "JSON facts document (keys in docs/LAW.md).")
        var facts: String

        func run() throws {
            try printJSON(try ResponsibilityEngine().decide(try readFacts(ResponsibilityFacts.self, from: facts)))
        }
    }

    struct Routing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Border procedure (mandatory, possible, excluded) and accelerated grounds (APR Arts 42-45, 53).")

        @Option(help: "JSON facts document (keys in docs/LAW.md).")
        var facts: String

        func run() throws { try printJSON(try RoutingEngine().route(try readFacts(RoutingFacts.self, from: facts))) }
    }

    struct FairShare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fair-share", abstract: "Solidarity fair shares (AMMR Art 66): 50 % population, 50 % GDP.",
            discussion: FigureTable.gdpMissingReason)

        @Option(help: "CSV with columns state,gdp_million_eur (GDP at current prices).")
        var gdp: String?

        @Option(name: .customLong("gdp-source"), help: "Where the GDP figures come from (printed with the table).")
        var gdpSource = "operator-supplied GDP"

        @Option(help: "Relocations in the pool (Council decision), to split by share.")
        var relocations: Int?

        @Option(help: "Financial contributions in the pool, EUR, to split by share.")
        var euro: Double?

        @Option(help: "Participating states, comma-separated (default: the 27 Member States).")
        var states: String?

        func run() throws {
            guard let gdp else { throw CLIError(FigureTable.gdpMissingReason + " Use --gdp FILE.") }
            let participants =
                try states.map { list in
                    try list.split(separator: ",").map { code in
                        guard let state = MemberState(code: String(code)) else {
                            throw ValidationError("\(code) is not a Member State code.")
                        }
                        return state
                    }
                } ?? FairShareTable.defaultStates
            try printJSON(
                try FairShareTable.compute(
                    population: .population2025, gdp: try readFigures(gdp, name: "gdp", source: gdpSource),
                    states: participants, relocations: relocations, euro: euro))
        }
    }

    struct BorderCapacityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "border-capacity",
            abstract: "Adequate capacity and annual maximum of the border procedure (APR Arts 46-47).")

        @Option(
            help:
                "CSV with columns state,arrivals: irregular crossings + SAR arrivals + refusals of entry over 3 years.")
        var data: String

        @Option(help: "Where the arrival figures come from.")
        var source = "operator-supplied arrivals"

        @Option(help: "The day for which the annual-maximum multiplier applies (default: today).")
        var on: String?

        func run() throws {
            let day: CivilDate
            if let on {
                guard let parsed = CivilDate(iso: on) else {
                    throw ValidationError("--on \(on) is not a date (YYYY-MM-DD).")
                }
                day = parsed
            } else {
                day = CivilDate(dayNumber: Int(Date().timeIntervalSince1970 / 86400))
            }
            try printJSON(
                try BorderCapacity.compute(arrivals: try readFigures(data, name: "arrivals", source: source), on: day))
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "When Eurodac (EDAC Art 29) or a national asylum file (APR Art 72) erases data.")

        @Option(help: "Category: \(RetentionAnswer.categories.map(\.id).joined(separator: ", ")).")
        var category: String

        @Option(help: "Date the biometrics were transmitted (for national files: the final decision).")
        var transmitted: String

        func run() throws { try printJSON(try RetentionAnswer.compute(category: category, from: transmitted)) }
    }
}
