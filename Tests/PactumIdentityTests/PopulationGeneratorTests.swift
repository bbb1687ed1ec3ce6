import PactumIdentity
import Testing

@Suite("Synthetic population")
struct PopulationGeneratorTests {
    @Test("the same seed gives the same population; duplicates share a person id and vary")
    func reproducibleWithVariants() throws {
        let a = try PopulationGenerator(persons: 2_000, seed: 7).generate()
        let b = try PopulationGenerator(persons: 2_000, seed: 7).generate()
        #expect(a == b)
        #expect(try PopulationGenerator(persons: 2_000, seed: 8).generate() != a)
        let byPerson = Dictionary(grouping: a, by: \.personID)
        #expect(byPerson.count == 2_000)
        let duplicated = byPerson.values.filter { $0.count > 1 }
        #expect(duplicated.count > 400 && duplicated.count < 800, "about 30 % registered twice or more")
        #expect(duplicated.contains { $0.map(\.record.givenNames).count > Set($0.map(\.record.givenNames)).count - 1 })
        // Some later registrations write the name in Arabic or Cyrillic script.
        #expect(a.contains { Transliteration.script(of: $0.record.familyNames) == .arabic })
        #expect(a.contains { Transliteration.script(of: $0.record.familyNames) == .cyrillic })
        #expect(Set(a.compactMap(\.record.nationality)).count == PopulationGenerator.nationalities.count)
        #expect(a.allSatisfy { PartialDate($0.record.dateOfBirth ?? "") != nil })
    }

    @Test("deduplication finds most generated duplicates with few false merges")
    func dedupeQuality() throws {
        let generated = try PopulationGenerator(persons: 3_000, seed: 11).generate()
        let truth = Dictionary(uniqueKeysWithValues: generated.map { ($0.record.id, $0.personID) })
        var options = Linker.Options()
        options.threshold = Linker.Options.dedupeThreshold
        let (clusters, _, _) = Linker.dedupe(generated.map(\.record), options: options)
        var truePairs = 0
        var foundPairs = 0
        var correctPairs = 0
        for group in Dictionary(grouping: generated, by: \.personID).values {
            truePairs += group.count * (group.count - 1) / 2
        }
        for cluster in clusters {
            for i in 0..<cluster.count {
                for j in (i + 1)..<cluster.count {
                    foundPairs += 1
                    if truth[cluster[i]] == truth[cluster[j]] { correctPairs += 1 }
                }
            }
        }
        let precision = Double(correctPairs) / Double(max(foundPairs, 1))
        let recall = Double(correctPairs) / Double(truePairs)
        #expect(precision > 0.95, "precision \(precision)")
        #expect(recall > 0.95, "recall \(recall)")
    }
}
