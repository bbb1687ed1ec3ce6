import Fluent
import Foundation
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Registry pages")
struct RegistryPageTests {
    @Test("register by form, see the dataset, the worklist, the review, the inbox and the DPO's export")
    func pages() async throws {
        try await withPactum { ctx in
            let operatorDE = try await ctx.makeUser(.registryOperator, state: .DE)
            let operatorIT = try await ctx.makeUser(.registryOperator, state: .IT)
            let expertIT = try await ctx.makeUser(.fingerprintExpert, state: .IT)
            let dpoDE = try await ctx.makeUser(.dataProtectionOfficer, state: .DE)
            let de = try await WebSession.signedIn(ctx, as: operatorDE)
            #expect(try await de.get("/registry/new").status == .ok)
            let bad = try await de.post("/registry/datasets", form: ["category": "A", "reference": "X"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Family names</a> is required"))
            var form = RegistryClient.body(["reference": "DE-PAGE-1"])
            form["eventAt"] = "2026-11-18T08:00:00Z"
            let created = try await de.post("/registry/datasets", form: form)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let page = try await de.get(location)
            #expect(page.status == .ok, "\(page.body.string)")
            // The limit, 09:00 UTC, in Berlin's time; and the registration's feedback.
            #expect(page.body.string.contains("DE-PAGE-1") && page.body.string.contains("Sat 21 Nov 2026, 10:00 CET"))
            #expect(page.body.string.contains("Dataset DE-PAGE-1 registered; 0 candidates for the experts."))
            #expect(!(try await de.get(location)).body.string.contains("registered;"), "the feedback shows once")
            // A page shows no text from its URL: a link cannot put words in Pactum's mouth.
            #expect(
                !(try await de.get(location + "?message=Call%20us&warning=Call%20us")).body.string.contains("Call us"))
            let worklist = try await de.get("/registry/worklist")
            #expect(worklist.status == .ok && worklist.body.string.contains("DE-PAGE-1"))
            // The form sends every field, the unused ones blank.
            let transmitted = try await de.post(
                location + "/events",
                form: ["event": "transmit", "date": "", "at": "", "state": "", "ground": "", "reason": ""])
            #expect(transmitted.status == .seeOther)
            #expect(!(try await de.get("/registry/worklist")).body.string.contains("DE-PAGE-1"))

            ctx.clock.advance(by: 60)
            let it = try await WebSession.signedIn(ctx, as: operatorIT)
            form = RegistryClient.body(["reference": "IT-PAGE-1", "category": "F", "givenNames": "Mohamed"])
            #expect(try await it.post("/registry/datasets", form: form).status == .seeOther)
            let expert = try await WebSession.signedIn(ctx, as: expertIT)
            // Names alone: the name-only queue, where the candidate is referred, never confirmed.
            #expect(try await expert.get("/registry/review").body.string.contains("No candidates are waiting"))
            let review = try await expert.get("/registry/review?kind=biographic")
            #expect(review.status == .ok && review.body.string.contains("DE-PAGE-1"))
            #expect(review.body.string.contains("Name-only candidates <span class=\"count-badge\">1</span>"))
            let candidate = try #require(try await Candidate.query(on: ctx.db).first())
            let decision = "/registry/candidates/\(candidate.id!)/decision"
            let compare = try await expert.get("/registry/candidates/\(candidate.id!)")
            #expect(compare.body.string.contains("Refer for a fingerprint comparison"))
            #expect(!compare.body.string.contains("Confirm the hit"))
            // Every decision asks first, and changes nothing until it is confirmed.
            let asked = try await expert.post(decision, form: ["decision": "refer"])
            #expect(
                asked.status == .ok && asked.body.string.contains("Refer this candidate for a fingerprint comparison?"))
            #expect(try await Candidate.find(candidate.id, on: ctx.db)?.status == .pending)
            #expect(
                try await expert.post(decision, form: ["decision": "confirm", "confirmed": "yes"]).status
                    == .unprocessableEntity)
            #expect(
                try await expert.post(decision, form: ["decision": "refer", "confirmed": "yes"]).status == .seeOther)
            #expect(try await Candidate.find(candidate.id, on: ctx.db)?.status == .referred)
            // The fingerprints of both: the candidate returns as a fingerprint one, and is confirmed.
            let deDataset = try #require(
                try await Dataset.query(on: ctx.db).filter(\.$reference == "DE-PAGE-1").first())
            let itDataset = try #require(
                try await Dataset.query(on: ctx.db).filter(\.$reference == "IT-PAGE-1").first())
            _ = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
                .enrol(try deDataset.requireID(), person: "page", impression: 0)
            _ = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
                .enrol(try itDataset.requireID(), person: "page", impression: 1)
            let queue = try await expert.get("/registry/review")
            #expect(queue.body.string.contains("Fingerprint and face candidates <span class=\"count-badge\">1</span>"))
            let confirmStep = try await expert.post(decision, form: ["decision": "confirm"])
            #expect(confirmStep.body.string.contains("Confirm this hit?"))
            let confirmed = try await expert.post(decision, form: ["decision": "confirm", "confirmed": "yes"])
            #expect(confirmed.status == .seeOther)
            #expect(
                try await expert.get("/registry/review").body.string.contains("Hit confirmed: IT-PAGE-1 and DE-PAGE-1"))
            let inbox = try await de.get("/registry/inbox")
            #expect(inbox.status == .ok && inbox.body.string.contains("IT registered a category F dataset"))
            let search = try await de.post(
                "/registry/search",
                form: ["purpose": "identity-check", "givenNames": "Mohammed", "familyNames": "Al-Hassan"])
            // The names travel in the body, never in a URL.
            #expect(
                try await de.get("/registry?givenNames=Mohammed&familyNames=Al-Hassan").body.string.contains(
                    "id=\"matches\"") == false)
            #expect(
                search.status == .ok && search.body.string.contains("DE-PAGE-1")
                    && search.body.string.contains("IT-PAGE-1"))
            let dataset = try #require(try await Dataset.query(on: ctx.db).filter(\.$reference == "DE-PAGE-1").first())
            let person = try await de.get("/registry/persons/\(dataset.$person.id)")
            #expect(
                person.status == .ok && person.body.string.contains("Italy IT-PAGE-1: category F"),
                "\(person.body.string)"
            )
            let dpo = try await WebSession.signedIn(ctx, as: dpoDE)
            let export = try await dpo.get("/registry/persons/\(dataset.$person.id)/export")
            #expect(
                export.status == .ok && export.body.string.contains("DE-PAGE-1")
                    && !export.body.string.contains("Mohamed "))
            let rectified = try await dpo.post(
                "/registry/datasets/\(dataset.id!)/rectification",
                form: ["field": "placeOfBirth", "value": "Aleppo", "reason": "passport"])
            #expect(rectified.status == .seeOther)
            #expect(try await dpo.get("/registry/datasets/\(dataset.id!)").body.string.contains("Aleppo"))
        }
    }
}
