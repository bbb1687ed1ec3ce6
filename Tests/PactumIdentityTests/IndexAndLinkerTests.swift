import Foundation
import PactumIdentity
import Testing

@Suite("1:N index, batch linkage and CSV input")
struct IndexAndLinkerTests {
    static func person(_ id: String, _ given: String, _ family: String, _ dob: String?, nationality: String = "SY")
        -> IdentityRecord
    {
        IdentityRecord(
            id: id, givenNames: given, familyNames: family, dateOfBirth: dob, sex: "M", nationality: nationality)
    }

    static let registry: [IdentityRecord] = [
        person("de-1", "Mohammed", "Al-Hassan", "1990-03-07"),
        person("de-2", "Fatima", "Haddad", "1985-11-30"),
        person("it-1", "Youssef", "Khalil", "2001-06-15"),
        person("it-2", "Ahmad", "Karimi", "1978-01-20", nationality: "AF"),
        person("gr-1", "Olena", "Shevchenko", "1995-09-09", nationality: "UA"),
    ]

    static func index() -> IdentityIndex {
        var index = IdentityIndex(model: .initial)
        for record in registry { index.insert(PreparedRecord(record)) }
        return index
    }

    @Test("a registration under another spelling and script finds the earlier record first")
    func searchAcrossScripts() {
        let index = Self.index()
        let query = PreparedRecord(Self.person("q", "محمد", "الحسن", "1990-07-03"))
        let found = index.search(query)
        #expect(found.first?.id == "de-1")
        let cyrillic = PreparedRecord(Self.person("q2", "Олена", "Шевченко", "1995-09-09", nationality: "UA"))
        #expect(index.search(cyrillic).first?.id == "gr-1")
    }

    @Test("erase is immediate: an erased record is never found again; insert replaces by id")
    func eraseAndReplace() {
        var index = Self.index()
        let query = PreparedRecord(Self.person("q", "Youssef", "Khalil", "2001-06-15"))
        #expect(index.search(query).first?.id == "it-1")
        index.erase(id: "it-1")
        #expect(index.search(query).allSatisfy { $0.id != "it-1" })
        #expect(index.count == 4 && index.record(id: "it-1") == nil)
        index.insert(PreparedRecord(Self.person("de-2", "Youssef", "Khalil", "2001-06-15")))
        #expect(index.count == 4)
        #expect(index.search(query).first?.id == "de-2")
        #expect(index.search(PreparedRecord(Self.person("x", "Fatima", "Haddad", "1985-11-30"))).isEmpty)
    }

    @Test("dedupe groups the variants of each person and nothing else")
    func dedupe() {
        var records: [IdentityRecord] = []
        let people = [
            ("Mohammed", "Hassan", "1990-03-07"), ("Fatima", "Haddad", "1985-11-30"),
            ("Youssef", "Khalil", "2001-06-15"),
            ("Ahmad", "Karimi", "1978-01-20"), ("Olena", "Shevchenko", "1995-09-09"), ("Ivan", "Petrov", "1966-04-02"),
        ]
        var rng = SeededGenerator(seed: 3)
        // 400 distinct people: names from a pool of 20 x 20, full random dates of birth.
        let givens = [
            "Ali", "Omar", "Sara", "Lina", "Rami", "Nour", "Hadi", "Maya", "Zaid", "Rana", "Karim", "Dina", "Samir",
            "Hiba",
            "Tarek", "Yara", "Bilal", "Reem", "Fadi", "Aya",
        ]
        let families = [
            "Saleh", "Nasser", "Darwish", "Mansour", "Aziz", "Rahimi", "Popescu", "Nowak", "Kaya", "Demir", "Haidari",
            "Sultani", "Osman", "Yilmaz", "Celik", "Bakr", "Jaber", "Qasim", "Farah", "Idris",
        ]
        for i in 0..<400 {
            let given = givens.randomElement(using: &rng)!
            let family = families.randomElement(using: &rng)!
            let year = 1950 + Int.random(in: 0..<60, using: &rng)
            let month = 1 + Int.random(in: 0..<12, using: &rng)
            let day = 1 + Int.random(in: 0..<28, using: &rng)
            let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            records.append(Self.person("p\(i)", given, family, date))
        }
        for (i, person) in people.enumerated() {
            records.append(Self.person("v\(i)a", person.0, person.1, person.2))
            records.append(Self.person("v\(i)b", person.0.uppercased(), person.1 + "e", person.2))
            records.append(Self.person("v\(i)c", person.1, person.0, person.2))
        }
        var options = Linker.Options()
        options.randomPairs = 20_000
        // A small file: let EM run on its few hundred blocked pairs (the default waits for 500).
        options.minimumPairsForEM = 50
        options.threshold = Linker.Options.dedupeThreshold
        let (clusters, model, _) = Linker.dedupe(records, options: options)
        for i in 0..<people.count {
            #expect(
                clusters.contains(["v\(i)a", "v\(i)b", "v\(i)c"]),
                "person \(i): \(clusters.filter { $0.contains("v\(i)a") })")
        }
        // Among 400 distinct people a false merge is possible (a shared name and a close date);
        // at most 1 % of them may be merged, and never into a variant group.
        let falseMerges = clusters.filter { $0.count > 1 && $0.allSatisfy { $0.hasPrefix("p") } }
        #expect(falseMerges.count <= 4, "\(falseMerges)")
        #expect(!clusters.contains { c in c.contains { $0.hasPrefix("v") } && c.contains { $0.hasPrefix("p") } })
        #expect(model.lambda > 0 && model.lambda < 1)
    }

    @Test("CSV: quotes, commas and newlines in fields; bad files get a reason")
    func csv() throws {
        let table = try CSVTable(
            parsing:
                "# comment\nid,given_name,family_name\n1,\"Ali, Jr\",\"Said \"\"the elder\"\"\"\n2,Sara,\"multi\nline\"\n"
        )
        #expect(table.rows == [["1", "Ali, Jr", "Said \"the elder\""], ["2", "Sara", "multi\nline"]])
        #expect(try CSVTable(parsing: table.text()).rows == table.rows)
        #expect(throws: CSVTable.CSVError.wrongFieldCount(line: 2, expected: 2, found: 3)) {
            try CSVTable(parsing: "a,b\n1,2,3\n")
        }
        #expect(throws: CSVTable.CSVError.unterminatedQuote(line: 2)) { try CSVTable(parsing: "a,b\n\"1,2\n") }
        #expect(throws: CSVTable.CSVError.empty) { try CSVTable(parsing: "") }
    }

    @Test("column mapping: renamed columns, missing optional columns, unknown fields refused")
    func mapping() throws {
        let table = try CSVTable(parsing: "rec,first,last,born\nr1,Ali,Said,19900307\n")
        let records = try ColumnMapping("id=rec,given_name=first,family_name=last,date_of_birth=born").records(
            of: table)
        #expect(records == [IdentityRecord(id: "r1", givenNames: "Ali", familyNames: "Said", dateOfBirth: "19900307")])
        #expect(PartialDate("19900307") == PartialDate(year: 1990, month: 3, day: 7))
        #expect(throws: CSVTable.CSVError.self) { try ColumnMapping("nickname=x") }
        #expect(throws: CSVTable.CSVError.missingColumn("id", available: ["rec", "first", "last", "born"])) {
            try ColumnMapping().records(of: table)
        }
    }
}
