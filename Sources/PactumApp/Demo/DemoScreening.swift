import Fluent
import Foundation
import PactumIdentity
import PactumLaw

/// Synthetic screenings for the demo, by the demo screening officers of Italy, Spain and
/// Germany: open ones at every stage, one whose limit has passed, an unaccompanied minor with
/// a representative, referred ones in the receiving authorities' worklists, a watchlist with a
/// synthetic alert, and a spot check and an allegation for the monitor. Loaded once.
struct DemoScreening {
    let screening: ScreeningService
    let monitoring: MonitoringService

    struct Plan {
        var state: MemberState
        var situation: ScreeningSituation
        var place: String
        var hoursAgo: Double
        /// Checks done: 0 none, 1 health and vulnerability, 2 all.
        var stage: Int
        var referral: ScreeningReferral?
        var unaccompanied = false
    }

    static let plans: [Plan] = [
        Plan(state: .IT, situation: .disembarkation, place: "Lampedusa", hoursAgo: 5, stage: 0, referral: nil),
        Plan(state: .IT, situation: .disembarkation, place: "Lampedusa", hoursAgo: 30, stage: 1, referral: nil),
        Plan(
            state: .IT, situation: .disembarkation, place: "Pozzallo", hoursAgo: 60, stage: 0, referral: nil,
            unaccompanied: true),
        Plan(state: .IT, situation: .disembarkation, place: "Crotone", hoursAgo: 200, stage: 1, referral: nil),
        Plan(
            state: .IT, situation: .disembarkation, place: "Lampedusa", hoursAgo: 100, stage: 2,
            referral: .asylumRegistration),
        Plan(state: .ES, situation: .borderApprehension, place: "Ceuta", hoursAgo: 20, stage: 1, referral: nil),
        Plan(
            state: .ES, situation: .borderApprehension, place: "Melilla", hoursAgo: 90, stage: 2,
            referral: .returnProcedure),
        Plan(
            state: .ES, situation: .borderCrossingPoint, place: "Madrid-Barajas", hoursAgo: 8, stage: 0, referral: nil),
        Plan(
            state: .DE, situation: .territoryApprehension, place: "München Hbf", hoursAgo: 10, stage: 1, referral: nil),
        Plan(
            state: .DE, situation: .borderCrossingPoint, place: "Frankfurt Flughafen", hoursAgo: 50, stage: 2,
            referral: .asylumRegistration),
    ]

    /// Opens the demo screenings; returns how many (0 when screenings exist).
    func load(on db: any Database) async throws -> Int {
        guard try await ScreeningCase.query(on: db).count() == 0 else { return 0 }
        var callers: [MemberState: Caller] = [:]
        for state in DemoData.states {
            guard let officer = try await DemoData.caller(.screeningOfficer, state, .screening, on: db) else {
                return 0
            }
            callers[state] = officer
        }
        // Adults from the generator, with a seed of their own, so the demo always shows the same.
        let people = try PopulationGenerator(persons: 60, seed: 11).generate().map(\.record)
            .filter { ($0.dateOfBirth ?? "2020").prefix(4) < "2000" }
        let now = screening.clock.now()
        var representative: UUID?
        for state in DemoData.states {
            let list = people.prefix(3).map {
                "person,\(state.code)-DEMO-ALERT-\($0.id),\($0.givenNames),\($0.familyNames),\($0.dateOfBirth ?? ""),,,"
            }
            let csv =
                ([WatchlistFile.columns.joined(separator: ",")] + list + [
                    "document,\(state.code)-DEMO-SLTD-1,,,,,X0000001,"
                ])
                .joined(separator: "\n")
            _ = try await screening.loadWatchlist(csv, list: "demo", by: callers[state]!, on: db)
        }
        for (n, plan) in Self.plans.enumerated() {
            let person = people[(n * 3 + 5) % people.count]
            let caller = callers[plan.state]!
            let event = now.addingTimeInterval(-plan.hoursAgo * 3600)
            let opened = try await screening.open(
                try OpenScreeningInput(
                    reference: "\(plan.state.code)-SCR-\(n + 1)", situation: plan.situation.rawValue,
                    eventAt: event.iso, eventPlace: plan.place,
                    startedAt: event.addingTimeInterval(3600).iso, givenNames: person.givenNames,
                    familyNames: person.familyNames,
                    dateOfBirth: plan.unaccompanied ? "2010-04-XX" : person.dateOfBirth, sex: person.sex,
                    nationalities: person.nationality.flatMap { DemoRegistry.icao[$0] },
                    unaccompanied: plan.unaccompanied ? "true" : nil
                ).validated(now: now), by: caller, on: db)
            let id = opened.screening.id
            if plan.unaccompanied {
                if representative == nil {
                    representative = try await screening.addRepresentative(
                        RepresentativeInput(name: "Demo representative", organisation: "Tutori volontari (synthetic)"),
                        by: caller, on: db
                    ).id
                }
                _ = try await screening.recordSafeguards(
                    SafeguardsInput(accompanyingAdult: "", representativeId: representative!.uuidString), on: id,
                    by: caller, on: db)
            }
            // A screening whose limit passed takes no more checks; it waits for its referral.
            guard opened.screening.status != "ended" else { continue }
            if plan.stage >= 1 {
                _ = try await screening.recordHealth(
                    HealthInput(outcome: "no-further-check"), on: id, by: caller, on: db)
                _ = try await screening.recordVulnerability(
                    VulnerabilityInput(indicators: n % 2 == 0 ? "" : "torture-or-violence"), on: id, by: caller, on: db)
            }
            if plan.stage >= 2 {
                _ = try await screening.recordIdentity(
                    IdentityInput(languages: "Arabic", identityConfirmed: "false", nationalityConfirmed: "false"),
                    on: id,
                    by: caller, on: db)
                _ = try await screening.runSecurityCheck(on: id, by: caller, on: db)
                _ = try await screening.updateForm(
                    FormInput(applied: plan.referral == .asylumRegistration ? "true" : "false", cooperated: "yes"),
                    on: id, by: caller, on: db)
            }
            if let referral = plan.referral {
                _ = try await screening.refer(ReferralInput(referral: referral.rawValue), on: id, by: caller, on: db)
            }
        }
        if let monitor = try await DemoData.caller(.fundamentalRightsMonitor, .IT, .fundamentalRightsMonitoring, on: db)
        {
            _ = try await monitoring.recordSpotCheck(
                .init(
                    location: "Lampedusa hotspot", unannounced: "true",
                    findings: "Interpreters present; no access to a lawyer at night (synthetic)"),
                by: monitor, on: db)
            _ = try await monitoring.recordAllegation(
                .init(
                    category: "access-to-asylum",
                    description: "A person reports that an application was not recorded (synthetic)"),
                by: monitor, on: db)
        }
        return Self.plans.count
    }
}
