import Fluent
import Foundation
import PactumLaw
import Vapor

/// The fingerprint expert's pages: the two queues (fingerprint and face candidates, and
/// name-only ones), a page per candidate that sets the two datasets side by side, and a
/// decision that asks to be confirmed before it takes effect, since neither effect is undone:
/// a confirmed hit joins two persons and tells the other state, a false hit's comparison data
/// are deleted (EDAC Art 38(4)-(6)).
struct ReviewPageController: RouteCollection {
    let registry: RegistryService
    let access: AccessControl
    static let pageSize = 10

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("registry")
        r.get("review", use: queue)
        r.get("candidates", ":id", use: candidate)
        r.post("candidates", ":id", "decision", use: decide)
    }

    struct Tab: Encodable, Sendable {
        var label, href: String
        var count: Int
        var current: Bool
    }

    struct QueuePage: Encodable, Sendable {
        var kind: String
        var tabs: [Tab]
        var candidates: [CandidateCard]
        var pagination: Pagination?
    }

    func queue(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.reviewCandidates, purpose: nil, with: access)
        // The same check as the API's: an unknown queue is a 422, not the other queue.
        let kind = try ReviewQueueQuery(.init(kind: req.query[String.self, at: "kind"])).kind ?? .biometric
        // Clamped, so that no page number overflows the offset.
        let pageNumber = min(max(1, req.query[Int.self, at: "page"] ?? 1), ReviewQueueQuery.maxOffset / Self.pageSize)
        let page = try await registry.reviewQueue(
            by: caller, kind: kind, offset: (pageNumber - 1) * Self.pageSize, limit: Self.pageSize, on: req.db)
        var tabs: [Tab] = []
        for k in ReviewQueueKind.allCases {
            tabs.append(
                Tab(
                    label: req.words("review.tab.\(k.rawValue)"),
                    href: "/registry/review?kind=\(k.rawValue)",
                    count: k == kind
                        ? page.total : try await registry.pendingCandidates(of: caller, kind: k, on: req.db),
                    current: k == kind))
        }
        return try await req.renderPage(
            "Registry/review", title: "title.review",
            QueuePage(
                kind: kind.rawValue, tabs: tabs, candidates: page.candidates.map { CandidateCard($0, req.words) },
                pagination: Pagination(
                    page: pageNumber, size: Self.pageSize, total: page.total,
                    href: "/registry/review?kind=\(kind.rawValue)&page=")))
    }

    struct ComparisonPage: Encodable, Sendable {
        var card: CandidateCard
        /// Set on the confirmation step: the decision asked for and what it will do.
        var asked: Asked?

        struct Asked: Encodable, Sendable {
            var decision, question, consequence, button: String
        }
    }

    func candidate(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.reviewCandidates, purpose: nil, with: access)
        let view = try await registry.candidate(try req.uuidParameter("id"), by: caller, on: req.db)
        return try await req.renderPage(
            "Registry/candidate", title: "title.candidate", titleValues: [String(view.probe?.reference ?? "")],
            ComparisonPage(card: CandidateCard(view, req.words)))
    }

    struct DecisionForm: Content {
        var decision: String?
        /// "yes" once the expert has seen what the decision does.
        var confirmed: String?
    }

    func decide(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.reviewCandidates, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        let form = try req.content.decode(DecisionForm.self)
        let decision = try DecisionInput(decision: form.decision).parsed()
        guard form.confirmed == "yes" else {
            // The check step: the candidate again, with what the decision will do.
            let view = try await registry.candidate(id, by: caller, on: req.db)
            let asked = Self.asked(
                decision, biometric: view.source != Candidate.Source.biographic.rawValue, view, req.words)
            return try await req.renderPage(
                "Registry/candidate", title: "title.plain", titleValues: [asked.question],
                ComparisonPage(card: CandidateCard(view, req.words), asked: asked))
        }
        let decided = try await registry.decide(id, decision, by: caller, on: req.db)
        let biometric = decided.source != Candidate.Source.biographic.rawValue
        return try req.redirect(
            to: "/registry/review?kind=\(biometric ? "biometric" : "biographic")",
            flash: .candidateDecided(
                decision: decided.status, probe: decided.probe?.reference ?? "", match: decided.match?.reference ?? "",
                reportDue: decided.reportDue))
    }

    /// What each decision does, said before it is taken.
    /// The confirmation step's words: `ask.<decision>[-biometric|-names].question`, `.consequence`, `.button`.
    private static func asked(
        _ decision: CandidateDecision, biometric: Bool, _ view: CandidateView, _ words: Words
    ) -> ComparisonPage.Asked {
        let key: String
        switch (decision, biometric) {
        case (.confirm, _): key = "ask.confirm"
        case (.reject, true): key = "ask.reject-biometric"
        case (.reject, false): key = "ask.reject-names"
        case (.refer, _): key = "ask.refer"
        }
        let named = decision == .refer ? (view.probe?.reference ?? "") : (view.match?.state ?? "")
        return .init(
            decision: decision.rawValue, question: words("\(key).question"),
            consequence: words("\(key).consequence", named), button: words("\(key).button"))
    }
}
