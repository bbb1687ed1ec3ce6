import PactumLaw
import Testing

@testable import PactumApp

@Suite("The policy's one table, in sections per capability")
struct PolicyTests {
    @Test("every action is granted, in exactly one section, so merging the sections loses no grant")
    func sections() {
        let granted = Policy.sections.flatMap(\.keys)
        #expect(granted.count == Set(granted).count, "an action is granted in two sections")
        #expect(Set(granted) == Set(Action.allCases))
        #expect(Policy.grants.count == Action.allCases.count)
    }

    @Test("registry events: the operator records every one, each authority its own decisions")
    func registryEvents() {
        for kind in RegistryEventKind.allCases {
            #expect(Policy.registryEvents[kind]?.contains(.registryOperator) == true, "\(kind)")
        }
        #expect(Policy.registryEvents[.responsibleState]?.contains(.dublinOfficer) == true)
        #expect(Policy.registryEvents[.markProtection]?.contains(.dublinOfficer) == false)
        #expect(Policy.registryEvents[.removal] == [.registryOperator, .returnOfficer])
        #expect(Policy.registryEvents[.citizenship] == [.registryOperator])
        // Who records an event may update datasets at all.
        let updaters = Set(Policy.grants[.updateDataset]?.keys.map { $0 } ?? [])
        #expect(Policy.registryEvents.values.allSatisfy { $0.isSubset(of: updaters) })
    }
}
