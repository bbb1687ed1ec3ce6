import Fluent
import Foundation
import PactumLaw
import Vapor

/// The independent monitoring mechanism of SCR Art 10(2): spot checks, allegations followed to
/// their outcome, and the annual report. The monitor reads every screening of its state through
/// `ScreeningService`, each read audited.
struct MonitoringService: Sendable {
    let audit: AuditLog
    let clock: AppClock
    let clocks: ClockService

    struct SpotCheckInput: Content, JSONRequestBody {
        var at, location, unannounced, findings, screeningId: String?
        static let fields: [BodyField] = [
            .string("at", required: false), .string("location"), .string("unannounced", required: false),
            .string("findings"), .string("screeningId", required: false),
        ]
    }

    struct AllegationInput: Content, JSONRequestBody {
        var category, description, screeningId: String?
        static let fields: [BodyField] = [
            .string("category"), .string("description"), .string("screeningId", required: false),
        ]
    }

    struct StatusInput: Content, JSONRequestBody {
        var status, outcome: String?
        static let fields: [BodyField] = [.string("status"), .string("outcome", required: false)]
    }

    struct SpotCheckView: Content {
        var id: UUID
        var at: Date
        var location: String
        var unannounced: Bool
        var findings: String
        var screeningId: UUID?
    }

    struct AllegationView: Content {
        var id: UUID
        var receivedAt: Date
        var category: String
        var categoryTitle: String
        var description: String
        var status: String
        var outcome: String?
        var next: [String]
        var history: [AllegationStep]
        var screeningId: UUID?

        init(_ a: Allegation) throws {
            id = try a.requireID()
            receivedAt = a.receivedAt
            category = a.category.rawValue
            categoryTitle = a.category.title
            description = a.description
            status = a.status.rawValue
            outcome = a.outcome
            next = a.status.next.map(\.rawValue)
            history = a.history.value
            screeningId = a.screeningID
        }
    }

    /// The annual report of the mechanism for one year (SCR Art 10(2): annual recommendations).
    struct AnnualReport: Content {
        var state: String
        var year: Int
        var screenings: [String: Int]
        var referrals: [String: Int]
        var endedByLimit: Int
        var unaccompaniedMinors: Int
        var spotChecks: Int
        var unannouncedSpotChecks: Int
        var allegations: [String: [String: Int]]
        var spotCheckFindings: [SpotCheckView]
    }

    private func screening(_ raw: String?, state: MemberState, on db: any Database) async throws -> UUID? {
        guard let raw = raw.given else { return nil }
        guard let id = UUID(uuidString: raw), let c = try await ScreeningCase.find(id, on: db),
            c.stateCode == state.code
        else {
            throw InvalidInput([.init(field: "screeningId", message: "is not a screening of \(state.code)")])
        }
        return c.id
    }

    func recordSpotCheck(_ input: SpotCheckInput, by caller: Caller, on db: any Database) async throws -> SpotCheckView
    {
        var check = FieldValidator()
        let now = clock.now()
        let at = input.at.given.map { try? Date($0, strategy: .iso8601) } ?? now
        check.require(at != nil, "at", "must be a date and time (ISO 8601)")
        if let at { check.require(at <= now, "at", "is in the future") }
        let location = check.requiredText(input.location, "location", max: 200)
        let findings = check.requiredText(input.findings, "findings", max: 5000)
        try check.throwIfInvalid()
        let s = SpotCheck()
        s.id = UUID()
        s.stateCode = caller.state.code
        s.screeningID = try await screening(input.screeningId, state: caller.state, on: db)
        s.at = at!
        s.location = location
        s.unannounced = input.unannounced.isYes
        s.findings = findings
        s.monitorID = caller.principal.userID.uuidString
        s.createdAt = now
        try await audit.transaction(on: db) { tx in
            try await s.create(on: tx.db)
            try await tx.append(caller.draft(.monitoringRecord, "monitoring.spot-check", s.id, state: s.stateCode))
        }
        return try Self.view(s)
    }

    func recordAllegation(_ input: AllegationInput, by caller: Caller, on db: any Database) async throws
        -> AllegationView
    {
        var check = FieldValidator()
        let category: AllegationCategory? = check.choice(input.category, "category")
        let description = check.requiredText(input.description, "description", max: 5000)
        try check.throwIfInvalid()
        let now = clock.now()
        let a = Allegation()
        a.id = UUID()
        a.stateCode = caller.state.code
        a.screeningID = try await screening(input.screeningId, state: caller.state, on: db)
        a.receivedAt = now
        a.category = category!
        a.description = description
        a.status = .received
        a.history = JSONText([AllegationStep(status: a.status.rawValue, at: now, by: caller.principal.email, note: nil)]
        )
        a.monitorID = caller.principal.userID.uuidString
        a.updatedAt = now
        try await audit.transaction(on: db) { tx in
            try await a.create(on: tx.db)
            try await tx.append(
                caller.draft(
                    .monitoringRecord, "monitoring.allegation", a.id, state: a.stateCode, detail: a.category.rawValue))
        }
        return try AllegationView(a)
    }

    /// Moves an allegation on; only the next statuses of its current one, with an outcome
    /// where the status is a finding.
    func move(_ id: UUID, _ input: StatusInput, by caller: Caller, on db: any Database) async throws -> AllegationView {
        guard let a = try await Allegation.find(id, on: db), a.stateCode == caller.state.code else {
            throw MonitoringError.notFound("No allegation \(id) of \(caller.state.code).")
        }
        let current = a.status
        var check = FieldValidator()
        let target = input.status.given.flatMap(AllegationStatus.init(rawValue:))
        check.require(
            target.map(current.next.contains) ?? false, "status",
            "from \(current.rawValue) the allegation moves to: \(current.next.map(\.rawValue).joined(separator: ", ").nonEmpty ?? "nothing (closed)")"
        )
        let outcome = check.text(input.outcome, "outcome", max: 5000)
        if let target, target.needsOutcome {
            check.require(outcome != nil, "outcome", "is required for \(target.rawValue)")
        }
        try check.throwIfInvalid()
        let now = clock.now()
        a.history.value.append(
            AllegationStep(status: target!.rawValue, at: now, by: caller.principal.email, note: outcome))
        a.status = target!
        a.outcome = outcome ?? a.outcome
        a.updatedAt = now
        try await audit.transaction(on: db) { tx in
            // One move from the status it was read in: a concurrent move makes this one a 409.
            guard
                try await tx.db.compareAndSet(
                    Allegation.schema, id: id, "status", from: current.rawValue, to: target!.rawValue)
            else {
                throw MonitoringError.allegationMoved("The allegation was moved on at the same moment; reload it.")
            }
            try await a.save(on: tx.db)
            try await tx.append(
                caller.draft(
                    .monitoringRecord, "monitoring.allegation", a.id, state: a.stateCode, detail: a.status.rawValue))
        }
        return try AllegationView(a)
    }

    func overview(by caller: Caller, on db: any Database) async throws -> ([SpotCheckView], [AllegationView]) {
        let checks = try await SpotCheck.query(on: db).filter(\.$stateCode == caller.state.code).sort(
            \.$at, .descending
        )
        .all()
        let allegations = try await Allegation.query(on: db).filter(\.$stateCode == caller.state.code)
            .sort(\.$receivedAt, .descending).all()
        try await audit.record(
            caller.draft(
                .monitoringRead, "monitoring", nil, state: caller.state.code,
                detail: "\(checks.count) spot checks, \(allegations.count) allegations"), on: db)
        return (try checks.map(Self.view), try allegations.map(AllegationView.init))
    }

    /// Counts for one calendar year (UTC) of the caller's state; no personal data.
    func report(year: Int, by caller: Caller, on db: any Database) async throws -> AnnualReport {
        let calendar = Calendar(identifier: .gregorian)
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC")!
        guard (2024...2100).contains(year), let start = utc.date(from: DateComponents(year: year, month: 1, day: 1)),
            let end = utc.date(from: DateComponents(year: year + 1, month: 1, day: 1))
        else { throw InvalidInput([.init(field: "year", message: "must be a year from 2024")]) }
        let state = caller.state.code
        let cases = try await ScreeningCase.query(on: db).filter(\.$state == caller.state).filter(\.$startedAt >= start)
            .filter(\.$startedAt < end).all()
        let checks = try await SpotCheck.query(on: db).filter(\.$stateCode == state).filter(\.$at >= start)
            .filter(\.$at < end).sort(\.$at).all()
        let allegations = try await Allegation.query(on: db).filter(\.$stateCode == state)
            .filter(\.$receivedAt >= start).filter(\.$receivedAt < end).all()
        let limits = try await clocks.clocks(records: try cases.map { try $0.requireID() }, on: db).values.compactMap {
            LegalClock.latest(of: $0.filter { ScreeningClock.rules.contains($0.rule) })
        }
        try await audit.record(
            caller.draft(.monitoringRead, "monitoring.report", nil, state: state, detail: "annual report \(year)"),
            on: db)
        return AnnualReport(
            state: state, year: year,
            screenings: Dictionary(grouping: cases, by: \.situation.rawValue).mapValues(\.count),
            referrals: Dictionary(grouping: cases.filter(\.isReferred)) { $0.referral?.rawValue ?? "" }.mapValues(
                \.count),
            endedByLimit: limits.filter { $0.stopEvent == "refer" && $0.status(at: clock.now()) == .late }.count,
            unaccompaniedMinors: cases.filter(\.unaccompanied).count, spotChecks: checks.count,
            unannouncedSpotChecks: checks.filter(\.unannounced).count,
            allegations: Dictionary(grouping: allegations, by: \.category.rawValue).mapValues {
                Dictionary(grouping: $0, by: \.status.rawValue).mapValues(\.count)
            }, spotCheckFindings: try checks.map(Self.view))
    }

    static func view(_ s: SpotCheck) throws -> SpotCheckView {
        SpotCheckView(
            id: try s.requireID(), at: s.at, location: s.location, unannounced: s.unannounced, findings: s.findings,
            screeningId: s.screeningID)
    }
}
