import Foundation
import PactumLaw
import Testing

@Suite("Facts documents are read strictly (issue 13, defect 14)")
struct FactsDocumentTests {
    static func read<T: Decodable>(_ type: T.Type, _ json: String) throws(FactsDocument.Fault) -> T {
        try FactsDocument.decode(T.self, from: Data(json.utf8))
    }

    @Test("AMMR facts: a misspelt key at the top or nested is refused with its path and the keys allowed")
    func unknownKeys() {
        #expect(throws: FactsDocument.Fault.self) {
            try Self.read(
                ResponsibilityFacts.self,
                #"{"registeredIn":"DE","registrationDate":"2026-09-01","irregularentry":{"state":"GR","date":"2025-06-01"}}"#
            )
        }
        do {
            _ = try Self.read(
                ResponsibilityFacts.self,
                #"{"registeredIn":"DE","registrationDate":"2026-09-01","residenceDocuments":[{"state":"ES","kind":"visa","issuedOn":"2025-01-01","validUntil":"2025-02-28","onbehalfof":"FR"}]}"#
            )
            Issue.record("a misspelt nested key was accepted")
        } catch {
            #expect(error.path == "residenceDocuments[0].onbehalfof")
            #expect(error.message.contains("onBehalfOf") && error.message.contains("validUntil"))
        }
        do {
            _ = try Self.read(RoutingFacts.self, #"{"nationality":"BD","situaton":"sea-rescue"}"#)
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect(error.path == "situaton" && error.message.contains("situation"))
        }
    }

    @Test("known keys, explicit nulls and absent optional facts are read as before")
    func knownKeys() throws {
        let facts = try Self.read(
            ResponsibilityFacts.self,
            #"{"registeredIn":"DE","registrationDate":"2026-09-01","applicant":null,"irregularEntry":{"state":"GR","date":"2025-06-01"}}"#
        )
        #expect(facts.irregularEntry?.state == "GR" && facts.applicant == nil)
    }

    @Test("other faults name their path: a missing key, a wrong type, broken JSON")
    func otherFaults() {
        func fault(_ json: String) -> FactsDocument.Fault? {
            do {
                _ = try Self.read(ResponsibilityFacts.self, json)
                return nil
            } catch { return error }
        }
        #expect(fault(#"{"registeredIn":"DE"}"#) == .init(path: "registrationDate", "is required"))
        #expect(
            fault(#"{"registeredIn":5,"registrationDate":"2026-09-01"}"#)
                == .init(path: "registeredIn", "must be a string"))
        #expect(fault(#"{"registeredIn":"DE","#)?.message == "is not valid JSON")
    }
}
