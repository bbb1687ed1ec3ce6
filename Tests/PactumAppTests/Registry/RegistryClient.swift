import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// One signed-in API user of the registry, with the calls the tests make.
struct RegistryClient {
    let ctx: TestContext
    let token: String

    static func make(_ ctx: TestContext, _ role: Role, state: MemberState, extraRoles: Set<Role> = []) async throws
        -> RegistryClient
    {
        let user = try await ctx.makeUser(
            role, state: state,
            email:
                "\(role.rawValue).\(state.code.lowercased()).\(UUID().uuidString.prefix(6).lowercased())@test.example",
            extraRoles: extraRoles)
        return RegistryClient(ctx: ctx, token: try await ctx.token(for: user))
    }

    /// A registration body: an adult applicant by default; `fields` override or add.
    static func body(_ fields: [String: String] = [:]) -> [String: String] {
        [
            "category": "A", "reference": "REF-\(UUID().uuidString.prefix(8))", "givenNames": "Mohammed",
            "familyNames": "Al-Hassan", "dateOfBirth": "1990-03-12", "sex": "M", "nationalities": "SYR",
            "eventAt": "2026-11-16T08:00:00Z", "eventPlace": "Lampedusa",
        ].merging(fields) { $1 }
    }

    func send(_ method: HTTPMethod, _ path: String, _ json: [String: String]? = nil) async throws -> TestingHTTPResponse
    {
        let body = try json.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        return try await ctx.send(method, path, token: token, json: body)
    }

    func register(_ fields: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> RegistrationResult
    {
        let response = try await send(.POST, "/api/v1/registry/datasets", Self.body(fields))
        #expect(response.status == .created, "\(response.body.string)", sourceLocation: sourceLocation)
        return try response.json(RegistrationResult.self)
    }

    /// Records a synthetic ten-print on a dataset (one finger source per `person`, a new
    /// impression per `impression`): the way to a fingerprint candidate, the only kind an
    /// expert confirms as a hit.
    func enrol(
        _ dataset: UUID, person: String, impression: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> BiometricsResult {
        let response = try await send(
            .POST, "/api/v1/registry/datasets/\(dataset)/biometrics",
            ["fingerprints": BiometricIdentificationTests.fingerprints(person, impression: impression)])
        #expect(response.status == .created, "\(response.body.string)", sourceLocation: sourceLocation)
        return try response.json(BiometricsResult.self)
    }

    /// The expert's decision on a candidate, answered.
    func decide(_ candidate: UUID, _ decision: String) async throws -> TestingHTTPResponse {
        try await send(.POST, "/api/v1/registry/candidates/\(candidate)/decision", ["decision": decision])
    }

    func event(_ id: UUID, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await send(.POST, "/api/v1/registry/datasets/\(id)/events", fields)
    }

    func decode<T: Decodable>(
        _ type: T.Type, _ method: HTTPMethod, _ path: String, _ json: [String: String]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> T {
        let response = try await send(method, path, json)
        #expect(response.status == .ok, "\(path): \(response.body.string)", sourceLocation: sourceLocation)
        return try response.json(T.self)
    }
}

extension TestingHTTPResponse {
    /// The body decoded as the API writes it (ISO 8601 dates).
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder.pactum.decode(T.self, from: Data(body.readableBytesView))
    }
}
