import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Screening: clocks, checks, form and referral")
struct ScreeningTests {
    static func expires(_ rule: String, _ state: MemberState, from: String) throws -> Date {
        try Date(DeadlineEngine().deadline(rule, state: state, from: from).expires, strategy: .iso8601)
    }

    @Test("SCR-T1 from the event, SCR-T2 from the start after 72 hours held, SCR-T3 in the territory")
    func clocks() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let t1 = try await officer.openScreening(["situation": "border-apprehension"])
            #expect(t1.clock.rule == "SCR-T1")
            #expect(t1.clock.dueAt == (try Self.expires("SCR-T1", .IT, from: "2026-11-18T08:00:00Z")))
            // Held since Saturday 08:00, 75 hours before the screening starts now (11:06 Wednesday).
            let t2 = try await officer.openScreening([
                "situation": "border-apprehension", "eventAt": "2026-11-15T08:00:00Z",
            ])
            #expect(t2.clock.rule == "SCR-T2")
            #expect(t2.clock.dueAt == (try Self.expires("SCR-T2", .IT, from: "2026-11-18T11:06:00Z")))
            // The default reading covers border apprehensions only (open question 1).
            let sea = try await officer.openScreening(["eventAt": "2026-11-14T08:00:00Z"])
            #expect(sea.clock.rule == "SCR-T1")
            let t3 = try await officer.openScreening(["situation": "territory-apprehension"])
            #expect(t3.clock.rule == "SCR-T3")
            #expect(t3.clock.dueAt == (try Self.expires("SCR-T3", .IT, from: "2026-11-18T08:00:00Z")))
            let worklist = try await officer.decode([ScreeningView].self, .GET, "/api/v1/screening/cases")
            #expect(worklist.map(\.clock.dueAt) == worklist.map(\.clock.dueAt).sorted())
            #expect(worklist.count == 4)
        }
    }

    @Test("bad input is refused with every field named, and nothing is saved")
    func badInput() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let bad = try await officer.send(
                .POST, "/api/v1/screening/cases",
                RegistryClient.screeningBody([
                    "situation": "boat", "eventAt": "2026-11-30T08:00:00Z", "dateOfBirth": "1990-13-40",
                    "nationalities": "ZZZ",
                ]))
            #expect(bad.status == .unprocessableEntity)
            let problem = try bad.json(Problem.self)
            #expect(
                Set(problem.errors?.map(\.field) ?? []) == ["situation", "eventAt", "dateOfBirth", "nationalities"])
            #expect(try await ScreeningCase.query(on: ctx.app.db).count() == 0)
            let c = try await officer.openScreening()
            let mrz = try await officer.step(
                c.id, "identity",
                [
                    "mrz": "P<SYRAL<HASSAN<<MOHAMMED<<<<<<<<<<<<<<<<<<<<\nN123456786SYR9003129M3001019<<<<<<<<<<<<<<04",
                    "identityConfirmed": "false", "nationalityConfirmed": "false",
                ])
            #expect(mrz.status == .unprocessableEntity)
            #expect(try mrz.json(Problem.self).errors?.first?.message.contains("check digit") == true)
            let stored = try #require(try await ScreeningCase.find(c.id, on: ctx.app.db))
            #expect(stored.identityAt == nil && stored.bio.documentNumber == nil)
        }
    }

    @Test("the watchlists are indexed once, and again only after a list is loaded")
    func watchlistIndexKept() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let header =
                "kind,alert_reference,given_names,family_names,date_of_birth,nationalities,document_number,document_country"
            func load(_ list: String, _ rows: String) async throws {
                let loaded = try await ctx.sendCSV(
                    officer, "/api/v1/screening/watchlists/\(list)", header + "\n" + rows)
                #expect(loaded.status == .ok, "\(loaded.body.string)")
            }
            func hits(_ id: UUID) async throws -> [String] {
                try await officer.step(id, "security").json(ScreeningResult.self).hits?.map(\.alertReference) ?? []
            }
            let connector = try #require(ctx.app.pactum.screening.connectors.first as? WatchlistConnector)
            try await load("national-alerts", "person,IT-1,Olga,Ivanova,1985-01-01,RUS,,")
            let olga = try await officer.openScreening([
                "givenNames": "Olga", "familyNames": "Ivanova", "dateOfBirth": "1985-01-01", "nationalities": "RUS",
            ])
            let other = try await officer.openScreening()
            #expect(try await hits(olga.id) == ["IT-1"])
            #expect(try await hits(other.id) == [])
            #expect(await connector.indexes.builds == 1)
            // A new list is seen at the next check.
            try await load("interpol", "person,IT-2,Mohammed,Al-Hassan,1990-03-12,SYR,,")
            let third = try await officer.openScreening()
            #expect(try await hits(third.id) == ["IT-2"])
            #expect(await connector.indexes.builds == 2)
        }
    }

    @Test("one screening from disembarkation to referral: MRZ, registry, watchlist hit, form, person's copy")
    func walk() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let loaded = try await ctx.sendCSV(
                officer, "/api/v1/screening/watchlists/national-alerts",
                """
                kind,alert_reference,given_names,family_names,date_of_birth,nationalities,document_number,document_country
                person,IT-SIS-0001,Мухаммед,Аль-Хасан,1990-03-12,SYR,,
                person,IT-SIS-0002,Olga,Ivanova,1985-01-01,RUS,,
                document,IT-SLTD-77,,,,,N12345678,SYR
                """)
            #expect(loaded.status == .ok, "\(loaded.body.string)")
            let c = try await officer.openScreening()
            #expect(try await officer.step(c.id, "health", ["outcome": "care-needed"]).status == .ok)
            let vulnerable = try await officer.step(
                c.id, "vulnerability",
                ["indicators": "torture-or-violence,mental-health", "specialNeeds": "psychologist"])
            #expect(vulnerable.status == .ok)
            let mrz = "P<SYRAL<HASSAN<<MOHAMMED<<<<<<<<<<<<<<<<<<<<\nN123456785SYR9003129M3001019<<<<<<<<<<<<<<04"
            let identity = try await officer.step(
                c.id, "identity",
                [
                    "mrz": mrz, "languages": "Arabic, English", "identityConfirmed": "true",
                    "nationalityConfirmed": "false",
                ])
            #expect(identity.status == .ok, "\(identity.body.string)")
            #expect(try identity.json(ScreeningResult.self).screening.person.dateOfBirth == "1990-03-12")
            let biometrics = try await officer.step(c.id, "biometrics")
            #expect(biometrics.status == .ok, "\(biometrics.body.string)")
            let dataset = try #require(try biometrics.json(ScreeningResult.self).screening.datasetId)
            #expect(try await Dataset.find(dataset, on: ctx.app.db)?.category == "F")
            let security = try await officer.step(c.id, "security").json(ScreeningResult.self)
            // The Cyrillic alert and the stolen document hit; Olga Ivanova does not.
            #expect(Set(security.hits?.map(\.alertReference) ?? []) == ["IT-SIS-0001", "IT-SLTD-77"])
            // The person applies, gives the route, flags an inaccuracy before transmission.
            let form = try await officer.step(
                c.id, "form",
                [
                    "applied": "true", "cooperated": "yes", "departurePoint": "Zuwara", "transitCountries": "LBY",
                    "familyMembers": "brother in DE",
                ])
            #expect(form.status == .ok)
            #expect(
                try await officer.step(c.id, "inaccuracies", ["inaccuracies": "Born in Homs, not Aleppo"]).status == .ok
            )
            #expect(try await officer.step(c.id, "referral", ["referral": "return"]).status == .unprocessableEntity)
            let referred = try await officer.step(c.id, "referral", ["referral": "asylum-registration"])
            #expect(referred.status == .ok, "\(referred.body.string)")
            #expect(try await officer.step(c.id, "health", ["outcome": "no-further-check"]).status == .conflict)
            // The full form has the hit field (h); the person's copy has no such key at all.
            let full = try await officer.send(.GET, "/api/v1/screening/cases/\(c.id)/form")
            let fullJSON = try #require(
                JSONSerialization.jsonObject(with: Data(full.body.readableBytesView)) as? [String: Any])
            #expect(fullJSON["hit"] as? Bool == true)
            #expect(fullJSON["identityStatus"] as? String == "confirmed")
            #expect(fullJSON["nationalityStatus"] as? String == "declared")
            #expect(fullJSON["inaccuracies"] as? String == "Born in Homs, not Aleppo")
            #expect((fullJSON["borderProcedure"] as? [String])?.count == 2)
            let copy = try await officer.send(.GET, "/api/v1/screening/cases/\(c.id)/form/copy")
            let copyJSON = try #require(
                JSONSerialization.jsonObject(with: Data(copy.body.readableBytesView)) as? [String: Any])
            #expect(copyJSON["hit"] == nil)
            #expect(copyJSON["name"] as? String == "AL HASSAN, MOHAMMED")
            #expect(!copy.body.string.contains("IT-SIS") && !copy.body.string.contains("\"hit\""))
            // The registering authority of Italy receives the form; the return officer does not.
            let caseworker = try await RegistryClient.make(ctx, .asylumCaseworker, state: .IT)
            let inbox = try await caseworker.decode([ReferralItem].self, .GET, "/api/v1/screening/referrals")
            #expect(inbox.map(\.id) == [c.id] && inbox[0].form?.hit == true)
            let returnOfficer = try await RegistryClient.make(ctx, .returnOfficer, state: .IT)
            #expect(try await returnOfficer.decode([ReferralItem].self, .GET, "/api/v1/screening/referrals").isEmpty)
            let receipt = try await caseworker.send(.POST, "/api/v1/screening/referrals/\(c.id)/receipt")
            #expect(try receipt.json(ReferralItem.self).receivedAt != nil)
            // The security check's audit entry keeps the references, never the alert.
            let entries = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "screening.security").all()
            #expect(entries.count == 1 && entries[0].detail?.contains("IT-SIS-0001") == true)
        }
    }

    @Test("SCR Art 18: checks first, unless the limit passed; then checks are refused and the referral goes on")
    func referralRules() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .ES)
            let c = try await officer.openScreening(["situation": "border-apprehension", "eventPlace": "Ceuta"])
            let early = try await officer.step(c.id, "referral", ["referral": "return"])
            #expect(early.status == .conflict && early.body.string.contains("checks-incomplete"))
            #expect(try await officer.step(c.id, "health", ["outcome": "isolation-needed"]).status == .ok)
            ctx.clock.advance(by: 8 * 86_400)
            let officerLater = try await RegistryClient.make(ctx, .screeningOfficer, state: .ES)
            let late = try await officerLater.step(c.id, "vulnerability", ["indicators": ""])
            #expect(late.status == .conflict && late.body.string.contains("screening-ended"))
            let worklist = try await officerLater.decode([ScreeningView].self, .GET, "/api/v1/screening/cases")
            #expect(worklist.first?.status == "ended")
            let relocation = try await officerLater.step(
                c.id, "referral", ["referral": "relocation", "relocationState": "DE"])
            #expect(relocation.status == .unprocessableEntity)  // no application: relocation concerns applicants
            let referred = try await officerLater.step(c.id, "referral", ["referral": "return"])
            #expect(referred.status == .ok)
            #expect(
                try referred.json(ScreeningResult.self).screening.checks.missing == [
                    "vulnerability", "identity", "security",
                ])
            let returnOfficer = try await RegistryClient.make(ctx, .returnOfficer, state: .ES)
            #expect(try await returnOfficer.decode([ReferralItem].self, .GET, "/api/v1/screening/referrals").count == 1)
        }
    }

    @Test("relocation sends the form to the other state; an interruption states its reason")
    func relocationAndInterruption() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let c = try await officer.openScreening(["situation": "border-crossing-point", "eventPlace": "Fiumicino"])
            try await officer.completeChecks(c.id)
            #expect(
                try await officer.step(c.id, "referral", ["referral": "relocation", "relocationState": "IT"]).status
                    == .unprocessableEntity)
            #expect(
                try await officer.step(c.id, "referral", ["referral": "relocation", "relocationState": "DE"]).status
                    == .ok)
            let german = try await RegistryClient.make(ctx, .asylumCaseworker, state: .DE)
            let inbox = try await german.decode([ReferralItem].self, .GET, "/api/v1/screening/referrals")
            #expect(inbox.map(\.id) == [c.id] && inbox[0].fromState == "IT")
            // Germany reads the form sent, not the Italian screening itself.
            #expect(try await german.send(.GET, "/api/v1/screening/cases/\(c.id)").status == .forbidden)
            let other = try await officer.openScreening()
            #expect(
                try await officer.step(other.id, "referral", ["referral": "criminal-proceedings"]).status
                    == .unprocessableEntity)
            let interrupted = try await officer.step(
                other.id, "referral", ["referral": "criminal-proceedings", "reason": "European arrest warrant"])
            #expect(try interrupted.json(ScreeningResult.self).screening.referral?.receivingAuthority == "return")
        }
    }

    @Test("SCR Art 13: no check of a child without safeguards; a representative warned beyond 30 minors")
    func minors() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let child = try await officer.openScreening(["dateOfBirth": "2011-05-01", "unaccompanied": "true"])
            #expect(child.minor && child.unaccompanied)
            let refused = try await officer.step(child.id, "health", ["outcome": "no-further-check"])
            #expect(refused.status == .conflict && refused.body.string.contains("safeguards-missing"))
            #expect(
                try await officer.step(child.id, "safeguards", ["accompanyingAdult": "uncle", "representativeId": ""])
                    .status == .unprocessableEntity)
            let representative = try await officer.send(
                .POST, "/api/v1/screening/representatives",
                ["name": "Giulia Rossi", "organisation": "Tutori volontari"]
            ).json(RepresentativeView.self)
            var last: ScreeningResult?
            for n in 0..<31 {
                let c =
                    n == 0
                    ? child : try await officer.openScreening(["dateOfBirth": "2010-01-01", "unaccompanied": "true"])
                let r = try await officer.step(
                    c.id, "safeguards", ["accompanyingAdult": "", "representativeId": representative.id.uuidString])
                #expect(r.status == .ok)
                last = try r.json(ScreeningResult.self)
                if n == 29 { #expect(last?.warnings.isEmpty == true) }
            }
            #expect(last?.warnings.first?.contains("31 unaccompanied minors") == true)
            #expect(try await officer.step(child.id, "health", ["outcome": "no-further-check"]).status == .ok)
            // An accompanied child needs the adult family member.
            let accompanied = try await officer.openScreening(["dateOfBirth": "2015-02-02"])
            #expect(accompanied.minor && !accompanied.unaccompanied)
            #expect(
                try await officer.step(
                    accompanied.id, "safeguards", ["accompanyingAdult": "mother, Amina", "representativeId": ""]
                ).status == .ok)
            // A child found in the vulnerability check is then protected the same way.
            let adult = try await officer.openScreening(["dateOfBirth": "2000-01-01"])
            #expect(
                try await officer.step(adult.id, "vulnerability", ["indicators": "unaccompanied-minor"]).status == .ok)
            #expect(try await officer.step(adult.id, "health", ["outcome": "care-needed"]).status == .conflict)
        }
    }

    @Test("in-territory screening is refused for a person the registry shows screened at the border")
    func alreadyScreened() async throws {
        try await withPactum { ctx in
            let italian = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            _ = try await italian.register(["category": "D", "eventAt": "2026-11-01T08:00:00Z"])
            let german = try await RegistryClient.make(ctx, .screeningOfficer, state: .DE)
            let refused = try await german.send(
                .POST, "/api/v1/screening/cases",
                RegistryClient.screeningBody(["situation": "territory-apprehension", "eventPlace": "Munich"]))
            #expect(refused.status == .conflict && refused.body.string.contains("already-screened"))
            #expect(refused.body.string.contains("IT"))
            _ = try await german.openScreening([
                "situation": "territory-apprehension", "familyNames": "Okonkwo", "givenNames": "Chidi",
                "dateOfBirth": "1995-07-07", "nationalities": "NGA",
            ])
        }
    }

    @Test("states and roles: another state's officer gets 404, the monitor reads its own state's screenings")
    func isolation() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let c = try await officer.openScreening()
            let spanish = try await RegistryClient.make(ctx, .screeningOfficer, state: .ES)
            #expect(try await spanish.send(.GET, "/api/v1/screening/cases/\(c.id)").status == .notFound)
            #expect(try await spanish.step(c.id, "health", ["outcome": "care-needed"]).status == .notFound)
            let monitor = try await RegistryClient.make(ctx, .fundamentalRightsMonitor, state: .IT)
            #expect(try await monitor.send(.GET, "/api/v1/screening/cases/\(c.id)").status == .ok)
            #expect(try await monitor.step(c.id, "health", ["outcome": "care-needed"]).status == .forbidden)
            let monitorES = try await RegistryClient.make(ctx, .fundamentalRightsMonitor, state: .ES)
            #expect(try await monitorES.send(.GET, "/api/v1/screening/cases/\(c.id)").status == .notFound)
            let caseworker = try await RegistryClient.make(ctx, .asylumCaseworker, state: .IT)
            #expect(try await caseworker.send(.GET, "/api/v1/screening/cases").status == .forbidden)
            let reads = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "screening.read")
                .filter(\.$purpose == "fundamental-rights-monitoring").count()
            #expect(reads == 1)
        }
    }
}

extension TestContext {
    /// Posts a CSV body.
    func sendCSV(_ client: RegistryClient, _ path: String, _ csv: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            .POST, path,
            headers: ["Authorization": "Bearer \(client.token)", "Content-Type": "text/csv"],
            body: ByteBuffer(string: csv))
    }
}
