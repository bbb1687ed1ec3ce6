import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

extension RegistryClient {
    /// An opening body: a disembarkation in Italy this morning by default; `fields` override.
    static func screeningBody(_ fields: [String: String] = [:]) -> [String: String] {
        [
            "reference": "SCR-\(UUID().uuidString.prefix(8))", "situation": "disembarkation",
            "eventAt": "2026-11-18T08:00:00Z", "eventPlace": "Lampedusa", "givenNames": "Mohammed",
            "familyNames": "Al-Hassan", "dateOfBirth": "1990-03-12", "sex": "M", "nationalities": "SYR",
        ].merging(fields) { $1 }
    }

    func openScreening(_ fields: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> ScreeningView
    {
        let response = try await send(.POST, "/api/v1/screening/cases", Self.screeningBody(fields))
        #expect(response.status == .created, "\(response.body.string)", sourceLocation: sourceLocation)
        return try response.json(ScreeningResult.self).screening
    }

    /// Posts to one step of a screening and returns the answer.
    func step(_ id: UUID, _ step: String, _ fields: [String: String] = [:]) async throws -> TestingHTTPResponse {
        try await send(.POST, "/api/v1/screening/cases/\(id)/\(step)", fields)
    }

    /// Every check of SCR Art 8(5)(a)-(e) done, with nothing to note.
    func completeChecks(_ id: UUID, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for (name, fields) in [
            ("health", ["outcome": "no-further-check"]), ("vulnerability", ["indicators": ""]),
            ("identity", ["languages": "Arabic", "identityConfirmed": "false", "nationalityConfirmed": "false"]),
            ("security", [:]),
        ] {
            let response = try await step(id, name, fields)
            #expect(response.status == .ok, "\(name): \(response.body.string)", sourceLocation: sourceLocation)
        }
    }
}
