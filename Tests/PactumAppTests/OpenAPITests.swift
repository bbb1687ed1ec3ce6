import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every registered API route and method is described in the served OpenAPI 3.1 document")
    func everyRouteDescribed() async throws {
        try await withPactum { ctx in
            let response = try await ctx.send(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for route in ctx.app.routes.all {
                let components = route.path.map {
                    $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description
                }
                guard components.starts(with: ["api", "v1"]) else { continue }
                let path = "/" + components.dropFirst(2).joined(separator: "/")
                let operation = paths[path]?[route.method.rawValue.lowercased()]
                #expect(operation != nil, "\(route.method) \(path) is not in openapi.json")
            }
        }
    }
}
