import Foundation
import PactumLaw
import Vapor

/// `/api/v1/law`: the procedure rules the asylum and Dublin workflows follow (public, no
/// personal data kept: the facts are evaluated and forgotten). Today is the server's, in UTC,
/// unless the facts give `asOf`.
struct LawProceduresAPIController: RouteCollection {
    let engine: DeadlineEngine
    let clock: AppClock

    func boot(routes: any RoutesBuilder) throws {
        let law = routes.grouped("law")
        law.post("dublin", use: dublin)
        law.post("appeal", use: appeal)
        law.post("subsequent", use: subsequent)
        law.post("withdrawal", use: withdrawal)
        law.post("admissibility", use: admissibility)
        law.post("border-budget", use: borderBudget)
        law.post("crisis", use: crisis)
        law.post("relocation", use: relocation)
    }

    private var today: CivilDate { engine.calculator(for: .DE).localDay(of: clock.now()) }

    func dublin(req: Request) async throws -> DublinChainAnswer {
        let facts = try req.decodeFacts(DublinCaseFacts.self)
        return try lawFacts { try DublinChain(engine: engine).follow(facts, asOf: today) }
    }

    func appeal(req: Request) async throws -> AppealAnswer {
        let facts = try req.decodeFacts(DecisionFacts.self)
        return try lawFacts { try AppealRights(engine: engine).answer(facts) }
    }

    func subsequent(req: Request) async throws -> SubsequentAnswer {
        let facts = try req.decodeFacts(SubsequentFacts.self)
        return try lawFacts { try SubsequentApplication.assess(facts) }
    }

    func withdrawal(req: Request) async throws -> WithdrawalAnswer {
        let facts = try req.decodeFacts(WithdrawalFacts.self)
        return try lawFacts { try ImplicitWithdrawal.assess(facts) }
    }

    func admissibility(req: Request) async throws -> AdmissibilityAnswer {
        let facts = try req.decodeFacts(AdmissibilityFacts.self)
        return try lawFacts { try Admissibility(engine: engine).assess(facts) }
    }

    func borderBudget(req: Request) async throws -> BorderBudgetAnswer {
        let facts = try req.decodeFacts(BorderBudgetFacts.self)
        return try lawFacts { try BorderProcedureBudget(engine: engine).assess(facts, asOf: today) }
    }

    func crisis(req: Request) async throws -> CrisisAnswer {
        let facts = try req.decodeFacts(CrisisFacts.self)
        return try lawFacts { try CrisisMeasures(engine: engine).assess(facts) }
    }

    func relocation(req: Request) async throws -> RelocationAnswer {
        let facts = try req.decodeFacts(RelocationFacts.self)
        return try lawFacts { try Relocation(engine: engine).assess(facts, asOf: today) }
    }
}

/// Fact errors and the engine's refusals (a limit out of the calendar years) as 422 problems.
func lawFacts<T>(_ body: () throws -> T) throws -> T {
    try facts422 { try lawAnswer(field: "body", body) }
}

extension DublinChainAnswer: Content {}
extension AppealAnswer: Content {}
extension SubsequentAnswer: Content {}
extension WithdrawalAnswer: Content {}
extension AdmissibilityAnswer: Content {}
extension BorderBudgetAnswer: Content {}
extension CrisisAnswer: Content {}
extension RelocationAnswer: Content {}
