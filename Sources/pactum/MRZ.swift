import ArgumentParser
import Foundation
import PactumIdentity

struct MRZ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrz", abstract: "Machine readable zones of travel documents and visas (ICAO Doc 9303).",
        subcommands: [Parse.self])

    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Reads a TD1, TD2, TD3, MRV-A or MRV-B zone and prints its fields, check digits and errors as JSON.",
            discussion: """
                Give each line of the zone as an argument (quote lines that hold <). Exits 0 when the zone is \
                valid, 1 when it was read but has errors (a wrong check digit, an unknown code, an impossible \
                date: each listed with its line, column and the expected digit), 2 when it is not a zone.
                """)

        @Argument(help: "The lines of the zone: 2 (TD2, TD3, MRV-A, MRV-B) or 3 (TD1).")
        var lines: [String]

        struct Output: Encodable {
            var format: MRZFormat
            var valid: Bool
            var fields: MachineReadableZone.Fields
            var birthDate: String?
            var expiryDate: String?
            var checks: [MachineReadableZone.CheckDigitResult]
            var errors: [MRZError]
        }

        func run() throws {
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            let zone: MachineReadableZone
            do {
                zone = try MRZParser.parse(lines, currentYear: year)
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let output = Output(
                format: zone.format, valid: zone.valid, fields: zone.fields,
                birthDate: zone.fields.birthDate(currentYear: year),
                expiryDate: zone.fields.expiryDate(currentYear: year),
                checks: zone.checks, errors: zone.errors)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
            if !zone.valid { throw ExitCode(1) }
        }
    }
}
