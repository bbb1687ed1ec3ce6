import Fluent
import Foundation
import PactumIdentity
import PactumLaw

/// Synthetic registry data for the demo: persons from `PopulationGenerator` registered by the
/// demo registry operators of Germany, Italy and Spain over the last days, so that the
/// worklist has clocks running, and persons registered again in another state leave
/// candidates for the demo fingerprint experts. Every transmitted dataset has its person's ten
/// fingers (synthetic impressions), so that a person registered again is found by fingerprints
/// under the names of the new record. Loaded once, into an empty registry.
struct DemoRegistry {
    let registry: RegistryService
    var persons = 120

    /// ICAO 9303 codes of the generator's nationalities.
    static let icao = [
        "SY": "SYR", "IQ": "IRQ", "AF": "AFG", "IR": "IRN", "TR": "TUR", "CO": "COL", "VE": "VEN",
        "RU": "RUS", "UA": "UKR",
    ]

    /// Registers the demo datasets; returns how many (0 when the registry already has data).
    func load(on db: any Database) async throws -> Int {
        guard try await Dataset.query(on: db).count() == 0 else { return 0 }
        var callers: [MemberState: Caller] = [:]
        for state in DemoData.states {
            guard let caller = try await DemoData.caller(.registryOperator, state, .eurodacRegistration, on: db)
            else { return 0 }
            callers[state] = caller
        }
        let records = try PopulationGenerator(persons: persons, seed: 7).generate()
        var rng = SeededGenerator(seed: 7)
        let now = registry.clock.now()
        var count = 0
        var seen: [String: MemberState] = [:]
        var captures: [String: Int] = [:]
        let fingers = FingerGenerator()
        for (n, generated) in records.enumerated() {
            // A person's first record in one state; a later one, as often, in another.
            let first = seen[generated.personID]
            let state =
                first.map { previous in DemoData.states.filter { $0 != previous }.randomElement(using: &rng)! }
                ?? DemoData.states.randomElement(using: &rng)!
            seen[generated.personID] = state
            let category = ["A", "D", "F", "E"].randomElement(using: &rng)!
            let hoursAgo = Double(Int.random(in: 1...120, using: &rng))
            let event = now.addingTimeInterval(-hoursAgo * 3600)
            let record = generated.record
            let input = DatasetInput(
                category: category, reference: "\(state.code)-DEMO-\(n + 1)", givenNames: record.givenNames,
                familyNames: record.familyNames, nationalities: record.nationality.flatMap { Self.icao[$0] },
                dateOfBirth: record.dateOfBirth, sex: record.sex, documentNumber: record.documentNumber,
                eventPlace: "Demo", eventAt: event.iso,
                // Most are transmitted; the recent ones and a few late ones wait on the worklist.
                biometricsTakenAt: hoursAgo > 12 && Double.random(in: 0..<1, using: &rng) < 0.85
                    ? event.iso : nil)
            // The generator writes children too: those under 6 are refused, as the law says.
            guard let valid = try? input.validated(now: now) else { continue }
            let registered = try await registry.register(valid, by: callers[state]!, on: db)
            count += 1
            if let dataset = registered.dataset, valid.biometricsTakenAt != nil {
                let index = captures[generated.personID, default: 0]
                captures[generated.personID] = index + 1
                let record = fingers.tenPrint(person: "demo-\(generated.personID)", index: index)
                let biometrics = try BiometricsInput(fingerprints: Data(record.isoBytes()).base64EncodedString())
                    .validated(dimension: registry.settings.faceDimension)
                _ = try await registry.recordBiometrics(biometrics, dataset: dataset.id, by: callers[state]!, on: db)
            }
        }
        return count
    }
}
