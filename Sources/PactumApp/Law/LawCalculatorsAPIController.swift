import Foundation
import PactumLaw
import Vapor

/// `/api/v1/law`: responsibility, routing and the calculators (public, no personal data kept:
/// the facts are evaluated and forgotten).
struct LawCalculatorsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let law = routes.grouped("law")
        law.post("responsibility", use: responsibility)
        law.post("routing", use: routing)
        law.post("fair-share", use: fairShare)
        law.post("border-capacity", use: borderCapacity)
        law.get("retention", use: retention)
    }

    func responsibility(req: Request) async throws -> ResponsibilityDecision {
        let facts = try req.decodeFacts(ResponsibilityFacts.self)
        return try facts422 { try ResponsibilityEngine().decide(facts) }
    }

    func routing(req: Request) async throws -> RoutingDecision {
        let facts = try req.decodeFacts(RoutingFacts.self)
        return try facts422 { try RoutingEngine().route(facts) }
    }

    struct Figure: Codable {
        var state: String
        var value: Double
    }

    struct FairShareRequest: Content, JSONRequestBody {
        var gdp: [Figure]
        var gdpSource: String
        var relocations: Int?
        var euro: Double?
        var states: [String]?
        static let fields: [BodyField] = [
            .init(name: "gdp", kind: .array), .string("gdpSource"),
            .init(name: "relocations", kind: .integer, required: false),
            .init(name: "euro", kind: .number, required: false), .init(name: "states", kind: .array, required: false),
        ]
    }

    func fairShare(req: Request) async throws -> FairShareTable {
        let body = try req.decodeJSON(FairShareRequest.self)
        var check = FieldValidator()
        let gdp = figures(body.gdp, field: "gdp", check: &check)
        let states = (body.states ?? FairShareTable.defaultStates.map(\.code)).enumerated().compactMap { i, code in
            let state = MemberState(code: code)
            check.require(state != nil, "states[\(i)]", "\(code) is not a Member State code")
            return state
        }
        try check.throwIfInvalid()
        let table = FigureTable(name: "gdp", referenceDate: "", source: body.gdpSource, figures: gdp)
        return try facts422 {
            try FairShareTable.compute(
                population: .population2025, gdp: table, states: states, relocations: body.relocations, euro: body.euro)
        }
    }

    struct CapacityRequest: Content, JSONRequestBody {
        var arrivals: [Figure]
        var source: String
        var on: String
        static let fields: [BodyField] = [.init(name: "arrivals", kind: .array), .string("source"), .string("on")]
    }

    func borderCapacity(req: Request) async throws -> BorderCapacity {
        let body = try req.decodeJSON(CapacityRequest.self)
        var check = FieldValidator()
        let arrivals = figures(body.arrivals, field: "arrivals", check: &check)
        let day = CivilDate(iso: body.on)
        check.require(day != nil, "on", "must be a date (YYYY-MM-DD)")
        try check.throwIfInvalid()
        let table = FigureTable(name: "arrivals", referenceDate: "", source: body.source, figures: arrivals)
        return try facts422 { try BorderCapacity.compute(arrivals: table, on: day!) }
    }

    struct RetentionQuery: Content {
        var category: String?
        var from: String?
    }

    func retention(req: Request) async throws -> RetentionAnswer {
        let query = try req.query.decode(RetentionQuery.self)
        return try facts422 { try RetentionAnswer.compute(category: query.category ?? "", from: query.from ?? "") }
    }

    private func figures(_ rows: [Figure], field: String, check: inout FieldValidator) -> [StateFigure] {
        rows.enumerated().compactMap { i, row in
            let state = MemberState(code: row.state)
            check.require(state != nil, "\(field)[\(i)].state", "\(row.state) is not a Member State code")
            check.require(row.value >= 0, "\(field)[\(i)].value", "cannot be negative")
            return state.map { StateFigure(state: $0, value: row.value) }
        }
    }
}

extension Request {
    /// Reads a facts document of the legal engine as the CLI does (FactsDocument): every key
    /// known at every depth, each fault named by its path. 415 for another media type, 400 for
    /// a missing or malformed body, 422 for a wrong or unknown field.
    func decodeFacts<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try jsonBody()
        do {
            return try FactsDocument.decode(T.self, from: data)
        } catch {
            if error.path.isEmpty, error.message == "is not valid JSON" {
                throw Problem.badRequest(
                    "The body is not valid JSON.", errors: [.init(field: "body", message: error.message)])
            }
            throw InvalidInput([.init(field: error.path.isEmpty ? "body" : error.path, message: error.message)])
        }
    }
}

/// Turns the engines' fact errors into a 422 problem that lists every field.
func facts422<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InvalidFacts {
        throw InvalidInput(error.errors.map { .init(field: $0.field, message: $0.message) })
    }
}

extension ResponsibilityDecision: Content {}
extension RoutingDecision: Content {}
extension FairShareTable: Content {}
extension BorderCapacity: Content {}
extension RetentionAnswer: Content {}
