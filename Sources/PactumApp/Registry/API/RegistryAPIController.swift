import Fluent
import Foundation
import Vapor

/// `/api/v1/registry`: registration, identification, review, updates, notices and the data
/// subject's rights. Each handler names its action; the policy and the caller's state decide.
struct RegistryAPIController: RouteCollection {
    let registry: RegistryService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("registry")
        r.post("datasets", use: register)
        r.get("datasets", ":id", use: dataset)
        r.post("datasets", ":id", "events", use: event)
        // Fingerprint records and images run past the default body limit.
        r.on(.POST, "datasets", ":id", "biometrics", body: .collect(maxSize: "8mb"), use: biometrics)
        r.post("datasets", ":id", "rectification", use: rectify)
        r.post("datasets", ":id", "restriction", use: restrict)
        r.post("search", use: search)
        r.get("persons", ":id", use: person)
        r.get("persons", ":id", "export", use: export)
        r.get("candidates", use: candidates)
        r.post("candidates", ":id", "decision", use: decide)
        r.get("worklist", use: worklist)
        r.get("notices", use: notices)
        r.post("notices", ":id", "receipt", use: receipt)
    }

    private func purpose(_ req: Request) -> String? { req.query[String.self, at: "purpose"] }

    func register(req: Request) async throws -> Response {
        let caller = try await req.caller(.registerDataset, purpose: purpose(req), with: access)
        let input = try req.decodeJSON(DatasetInput.self).validated(now: registry.clock.now())
        let result = try await registry.register(input, by: caller, on: req.db)
        return try await result.encodeResponse(status: result.dataset == nil ? .ok : .created, for: req)
    }

    func biometrics(req: Request) async throws -> Response {
        let caller = try await req.caller(.registerDataset, purpose: purpose(req), with: access)
        let input = try req.decodeJSON(BiometricsInput.self).validated(dimension: registry.settings.faceDimension)
        let result = try await registry.recordBiometrics(
            input, dataset: try req.uuidParameter("id"), by: caller, on: req.db)
        return try await result.encodeResponse(status: .created, for: req)
    }

    func dataset(req: Request) async throws -> DatasetView {
        let caller = try await req.caller(.readRegistry, purpose: purpose(req), with: access)
        return try await registry.view(
            try await registry.dataset(try req.uuidParameter("id"), by: caller, on: req.db), on: req.db)
    }

    func event(req: Request) async throws -> EventResult {
        let caller = try await req.caller(.updateDataset, purpose: purpose(req), with: access)
        let input = try req.decodeJSON(DatasetEventInput.self)
        return try await registry.record(input, on: try req.uuidParameter("id"), by: caller, on: req.db)
    }

    func rectify(req: Request) async throws -> DatasetView {
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        let input = try req.decodeJSON(RectificationInput.self)
        return try await registry.rectify(input, dataset: try req.uuidParameter("id"), by: caller, on: req.db)
    }

    func restrict(req: Request) async throws -> DatasetView {
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        let input = try req.decodeJSON(RestrictionInput.self)
        return try await registry.restrict(input, dataset: try req.uuidParameter("id"), by: caller, on: req.db)
    }

    func search(req: Request) async throws -> SearchResult {
        try await req.authorize(.searchRegistry, purpose: nil, with: access)
        let input = try req.decodeJSON(SearchInput.self)
        let probe = try input.probe()
        let caller = try await req.caller(.searchRegistry, purpose: input.purpose, with: access)
        return try await registry.search(probe, by: caller, on: req.db)
    }

    func person(req: Request) async throws -> PersonView {
        let caller = try await req.caller(.readRegistry, purpose: purpose(req), with: access)
        return try await registry.person(try req.uuidParameter("id"), by: caller, on: req.db)
    }

    func export(req: Request) async throws -> DataSubjectExport {
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        return try await registry.export(person: try req.uuidParameter("id"), by: caller, on: req.db)
    }

    func candidates(req: Request) async throws -> [CandidateView] {
        let caller = try await req.caller(.reviewCandidates, purpose: nil, with: access)
        let page = try ReviewQueueQuery(req.query.decode(ReviewQueueQuery.Raw.self))
        return try await registry.reviewQueue(
            by: caller, kind: page.kind, offset: page.offset, limit: page.limit, on: req.db
        ).candidates
    }

    func decide(req: Request) async throws -> CandidateView {
        let caller = try await req.caller(.reviewCandidates, purpose: nil, with: access)
        let decision = try req.decodeJSON(DecisionInput.self).parsed()
        return try await registry.decide(try req.uuidParameter("id"), decision, by: caller, on: req.db)
    }

    func worklist(req: Request) async throws -> [WorklistItem] {
        let caller = try await req.caller(.readRegistry, purpose: purpose(req), with: access)
        return try await registry.worklist(by: caller, on: req.db)
    }

    func notices(req: Request) async throws -> [NoticeView] {
        let caller = try await req.caller(.readNotices, purpose: purpose(req), with: access)
        return try await registry.inbox(by: caller, on: req.db)
    }

    func receipt(req: Request) async throws -> NoticeView {
        let caller = try await req.caller(.readNotices, purpose: nil, with: access)
        return try await registry.acknowledge(try req.uuidParameter("id"), by: caller, on: req.db)
    }
}
