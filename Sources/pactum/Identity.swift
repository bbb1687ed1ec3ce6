import ArgumentParser
import Foundation
import PactumIdentity

struct Identity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Biographic identification: link two files, deduplicate one.",
        subcommands: [Link.self, Dedupe.self, Generate.self, CompareFingers.self, Evaluate.self])
}

/// Reads a CSV file of identity records with a column mapping.
func readRecords(_ path: String, mapping: String?, extra: [String]) throws -> [IdentityRecord] {
    try readRecords(path, mapping: mapping, extra: extra, labels: nil).records
}

/// The records of a CSV file, and the values of its `labels` column (empty: unknown).
func readRecords(_ path: String, mapping: String?, extra: [String], labels: String?) throws -> (
    records: [IdentityRecord], labels: [String?]?
) {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw CLIError("Cannot read \(path).")
    }
    do {
        let table = try CSVTable(parsing: text)
        let records = try ColumnMapping(mapping, extra: extra).records(of: table)
        guard let labels else { return (records, nil) }
        let column = try table.column(labels)
        return (records, table.rows.map { $0[column].isEmpty ? nil : $0[column] })
    } catch let error as CSVTable.CSVError {
        throw CLIError("\(path): \(error)")
    }
}

/// Linked pairs with their probability, six decimals.
func pairsTable(_ links: [(String, String, Double)], header: [String]) -> CSVTable {
    CSVTable(header: header, rows: links.map { [$0.0, $0.1, String(format: "%.6f", $0.2)] })
}

func write(_ table: CSVTable, to path: String) throws {
    do {
        try table.text().write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw CLIError("Cannot write \(path): \(error.localizedDescription)")
    }
}

struct MatchOptions: ParsableArguments {
    @Option(
        help: """
            Column of each field, as field=column pairs separated by commas. Fields: \
            \(ColumnMapping.fields.joined(separator: ", ")). Unmapped fields use the column of the same name.
            """)
    var map: String?

    @Option(help: "Further columns to compare as free text (an address, a parent's name), comma-separated.")
    var extra: String?

    @Option(help: "Match probability from which a pair is linked (0-1); default 0.5 for link, 0.99 for dedupe.")
    var threshold: Double?

    var extraColumns: [String] { (extra ?? "").split(separator: ",").map(String.init) }

    @Option(name: .customLong("model-out"), help: "Also write the fitted model (m, u, lambda) as JSON.")
    var modelOut: String?

    func save(_ model: FellegiSunterModel) throws {
        guard let modelOut else { return }
        var copy = model
        copy.givenNameFrequency = [:]
        copy.familyNameFrequency = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(copy).write(to: URL(fileURLWithPath: modelOut))
    }

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) {
            throw ValidationError("--threshold must be between 0 and 1.")
        }
    }

    var linkerOptions: Linker.Options {
        var options = Linker.Options()
        options.threshold = threshold ?? 0.5
        options.extraFields = extraColumns
        return options
    }
}

extension Identity {
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the records of two files that are the same person; write left_id,right_id,probability.")

        @Option var left: String
        @Option var right: String
        @Option(help: "Output CSV.") var out: String
        @Option(
            help:
                "Also write each record's ten fingers as an ISO/IEC 19794-2 file in this directory (<id>.fmr); a person's later records are later impressions of the same fingers."
        )
        var fingerprints: String?
        @OptionGroup var options: MatchOptions

        @Flag(
            name: .customLong("one-to-one"),
            help: "Each record links to at most one of the other file (files without duplicates).")
        var oneToOne = false

        func run() throws {
            let l = try readRecords(left, mapping: options.map, extra: options.extraColumns)
            let r = try readRecords(right, mapping: options.map, extra: options.extraColumns)
            var linkerOptions = options.linkerOptions
            linkerOptions.oneToOne = oneToOne
            let start = ContinuousClock.now
            let (links, model) = Linker.link(l, r, options: linkerOptions)
            let elapsed = ContinuousClock.now - start
            try options.save(model)
            try write(pairsTable(links, header: ["left_id", "right_id", "probability"]), to: out)
            FileHandle.standardError.write(
                Data("\(links.count) pairs from \(l.count) x \(r.count) records in \(elapsed)\n".utf8))
        }
    }

    struct Dedupe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Group the records of one file that are the same person; write id,cluster.")

        @Argument(help: "Input CSV.") var input: String
        @Option(help: "Output CSV.") var out: String
        @Option(
            help:
                "Also write each record's ten fingers as an ISO/IEC 19794-2 file in this directory (<id>.fmr); a person's later records are later impressions of the same fingers."
        )
        var fingerprints: String?
        @Option(name: .customLong("pairs-out"), help: "Also write the linked pairs (id, id, probability) for review.")
        var pairsOut: String?
        @Option(
            help:
                "A column naming the person of each record where it is known (confirmed hits; empty where not): m is learned from those pairs."
        )
        var labels: String?
        @OptionGroup var options: MatchOptions

        func run() throws {
            let (records, known) = try readRecords(
                input, mapping: options.map, extra: options.extraColumns, labels: labels)
            let start = ContinuousClock.now
            var linkerOptions = options.linkerOptions
            linkerOptions.threshold = options.threshold ?? Linker.Options.dedupeThreshold
            let (clusters, model, links) = Linker.dedupe(records, options: linkerOptions, labels: known)
            let elapsed = ContinuousClock.now - start
            try options.save(model)
            var rows: [[String]] = []
            for cluster in clusters { for id in cluster { rows.append([id, cluster[0]]) } }
            try write(CSVTable(header: ["id", "cluster"], rows: rows), to: out)
            if let pairsOut { try write(pairsTable(links, header: ["id_a", "id_b", "probability"]), to: pairsOut) }
            FileHandle.standardError.write(
                Data("\(clusters.count) clusters from \(records.count) records in \(elapsed)\n".utf8))
        }
    }
}

extension Identity {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write a synthetic population of applicants with duplicates, variants and the ground truth (person_id)."
        )

        @Option(help: "Number of distinct persons.") var persons: Int
        @Option(help: "Seed: the same seed writes the same file.") var seed: UInt64 = 1
        @Option(help: "Share of persons registered more than once (0-1).") var duplicates = 0.3
        @Option(help: "Output CSV.") var out: String
        @Option(
            help:
                "Also write each record's ten fingers as an ISO/IEC 19794-2 file in this directory (<id>.fmr); a person's later records are later impressions of the same fingers."
        )
        var fingerprints: String?
        @Option(
            help:
                "Also write each record's face template in this directory (<id>.face: 512 values separated by commas, the registry API's face field); a person's later records are later captures of the same face."
        )
        var faces: String?

        func validate() throws {
            guard persons > 0 else { throw ValidationError("--persons must be at least 1.") }
            guard (0...1).contains(duplicates) else { throw ValidationError("--duplicates must be between 0 and 1.") }
        }

        func run() throws {
            var generator = PopulationGenerator(persons: persons, seed: seed)
            generator.duplicateShare = duplicates
            let records = try generator.generate()
            let header = [
                "id", "person_id", "given_name", "family_name", "date_of_birth", "sex", "nationality",
                "document_number",
            ]
            let rows = records.map { g in
                let r = g.record
                return [
                    r.id, g.personID, r.givenNames, r.familyNames, r.dateOfBirth ?? "", r.sex ?? "",
                    r.nationality ?? "", r.documentNumber ?? "",
                ]
            }
            try write(CSVTable(header: header, rows: rows), to: out)
            if let directory = fingerprints {
                let fingers = FingerGenerator()
                try writeCaptures(records, to: directory, as: "fingerprints", suffix: "fmr") { person, index in
                    Data(fingers.tenPrint(person: person, index: index).isoBytes())
                }
            }
            if let directory = faces {
                let faces = FaceGenerator()
                try writeCaptures(records, to: directory, as: "faces", suffix: "face") { person, index in
                    Data(faces.capture(person: person, index: index).vector.map { "\($0)" }.joined(separator: ",").utf8)
                }
            }
            FileHandle.standardError.write(Data("\(records.count) records of \(persons) persons\n".utf8))
        }

        /// One file per record, named by its id; a person's n-th record gets capture n.
        func writeCaptures(
            _ records: [GeneratedRecord], to directory: String, as kind: String, suffix: String,
            _ capture: (String, Int) -> Data
        ) throws {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                var seen: [String: Int] = [:]
                for g in records {
                    let index = seen[g.personID, default: 0]
                    seen[g.personID] = index + 1
                    // The seed qualifies the person: P1 of another population has other fingers.
                    try capture("\(seed)-\(g.personID)", index).write(
                        to: URL(fileURLWithPath: directory).appendingPathComponent("\(g.record.id).\(suffix)"))
                }
            } catch {
                throw CLIError("Cannot write \(kind) to \(directory): \(error.localizedDescription)")
            }
        }
    }
}
