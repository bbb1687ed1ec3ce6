import Fluent
import Foundation
import Vapor

/// `/api/v1/screening`: the screening workflow and the receiving authorities' referrals. Each
/// handler names its action.
struct ScreeningAPIController: RouteCollection {
    let screening: ScreeningService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("screening")
        s.post("cases", use: open)
        s.get("cases", use: worklist)
        s.get("cases", ":id", use: read)
        s.post("cases", ":id", "health", use: health)
        s.post("cases", ":id", "vulnerability", use: vulnerability)
        s.post("cases", ":id", "safeguards", use: safeguards)
        s.post("cases", ":id", "identity", use: identity)
        s.post("cases", ":id", "biometrics", use: biometrics)
        s.post("cases", ":id", "security", use: security)
        s.post("cases", ":id", "form", use: updateForm)
        s.get("cases", ":id", "form", use: form)
        s.get("cases", ":id", "form", "copy", use: copy)
        s.post("cases", ":id", "inaccuracies", use: inaccuracies)
        s.post("cases", ":id", "referral", use: refer)
        s.get("referrals", use: referrals)
        s.post("referrals", ":id", "receipt", use: receipt)
        s.get("representatives", use: representatives)
        s.post("representatives", use: addRepresentative)
        s.get("watchlists", use: watchlists)
        // A national list runs to megabytes, past the default body limit.
        s.on(.POST, "watchlists", ":list", body: .collect(maxSize: "32mb"), use: loadWatchlist)
    }

    private func id(_ req: Request) throws -> UUID { try req.uuidParameter("id") }
    private func caller(_ req: Request, _ action: Action) async throws -> Caller {
        try await req.caller(action, purpose: req.query[String.self, at: "purpose"], with: access)
    }

    func open(req: Request) async throws -> Response {
        let caller = try await caller(req, .openScreening)
        let input = try req.decodeJSON(OpenScreeningInput.self).validated(now: screening.clock.now())
        return try await screening.open(input, by: caller, on: req.db).encodeResponse(status: .created, for: req)
    }

    func worklist(req: Request) async throws -> [ScreeningView] {
        try await screening.worklist(by: try await caller(req, .readScreening), on: req.db)
    }

    func read(req: Request) async throws -> ScreeningView {
        let caller = try await caller(req, .readScreening)
        let c = try await screening.screening(try id(req), by: caller, on: req.db)
        return try ScreeningView(c, now: screening.clock.now())
    }

    func health(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.recordHealth(
            try req.decodeJSON(HealthInput.self), on: try id(req), by: caller, on: req.db)
    }

    func vulnerability(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.recordVulnerability(
            try req.decodeJSON(VulnerabilityInput.self), on: try id(req), by: caller, on: req.db)
    }

    func safeguards(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.recordSafeguards(
            try req.decodeJSON(SafeguardsInput.self), on: try id(req), by: caller, on: req.db)
    }

    func identity(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.recordIdentity(
            try req.decodeJSON(IdentityInput.self), on: try id(req), by: caller, on: req.db)
    }

    func biometrics(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.registerBiometrics(on: try id(req), by: caller, on: req.db)
    }

    func security(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.runSecurityCheck(on: try id(req), by: caller, on: req.db)
    }

    func updateForm(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.updateForm(
            try req.decodeJSON(FormInput.self), on: try id(req), by: caller, on: req.db)
    }

    func form(req: Request) async throws -> ScreeningForm {
        let caller = try await caller(req, .readScreening)
        return try await screening.form(try id(req), personalCopy: false, by: caller, on: req.db)
    }

    func copy(req: Request) async throws -> ScreeningForm {
        let caller = try await caller(req, .readScreening)
        return try await screening.form(try id(req), personalCopy: true, by: caller, on: req.db)
    }

    func inaccuracies(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .recordScreening)
        return try await screening.flagInaccuracies(
            try req.decodeJSON(InaccuracyInput.self), on: try id(req), by: caller, on: req.db)
    }

    func refer(req: Request) async throws -> ScreeningResult {
        let caller = try await caller(req, .referScreening)
        return try await screening.refer(
            try req.decodeJSON(ReferralInput.self), on: try id(req), by: caller, on: req.db)
    }

    func referrals(req: Request) async throws -> [ReferralItem] {
        try await screening.referrals(by: try await caller(req, .receiveReferrals), on: req.db)
    }

    func receipt(req: Request) async throws -> ReferralItem {
        let caller = try await caller(req, .receiveReferrals)
        return try await screening.acknowledge(try id(req), by: caller, on: req.db)
    }

    func representatives(req: Request) async throws -> [RepresentativeView] {
        try await screening.representatives(by: try await caller(req, .recordScreening), on: req.db)
    }

    func addRepresentative(req: Request) async throws -> Response {
        let caller = try await caller(req, .recordScreening)
        let input = try req.decodeJSON(RepresentativeInput.self)
        return try await screening.addRepresentative(input, by: caller, on: req.db)
            .encodeResponse(status: .created, for: req)
    }

    func watchlists(req: Request) async throws -> [String: Int] {
        try await screening.watchlists(by: try await caller(req, .loadWatchlists), on: req.db)
    }

    /// The body is the CSV file itself (`text/csv`).
    func loadWatchlist(req: Request) async throws -> [String: Int] {
        let caller = try await caller(req, .loadWatchlists)
        let list = req.parameters.get("list") ?? ""
        guard let bytes = req.body.data, bytes.readableBytes > 0 else {
            throw Problem.badRequest("Send the CSV file as the body.")
        }
        guard let body = bytes.strictUTF8 else { throw Problem.badRequest("The file is not UTF-8 text.") }
        return [list: try await screening.loadWatchlist(body, list: list, by: caller, on: req.db)]
    }
}
