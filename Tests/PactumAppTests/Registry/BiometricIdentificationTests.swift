import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Registry: biometric identification (EDAC Arts 27, 28, 38)")
struct BiometricIdentificationTests {
    static func fingerprints(_ person: String, impression: Int) -> String {
        Data(FingerGenerator().tenPrint(person: person, index: impression).isoBytes()).base64EncodedString()
    }

    @Test("a person enrolled in Germany is found by fingerprints from an Italian registration under another name")
    func acrossStates() async throws {
        try await withPactum { ctx in
            let german = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let stored = try #require(
                try await german.register([
                    "givenNames": "Ahmad", "familyNames": "Karimi", "dateOfBirth": "1991-02-03", "nationalities": "AFG",
                ]).dataset)
            let enrolled = try await german.send(
                .POST, "/api/v1/registry/datasets/\(stored.id)/biometrics",
                ["fingerprints": Self.fingerprints("person-7", impression: 0)])
            #expect(enrolled.status == .created, "\(enrolled.body.string)")
            // A stranger's fingers are not a candidate.
            let other = try #require(
                try await german.register(["givenNames": "Olga", "familyNames": "Ivanova", "dateOfBirth": "1970-01-01"])
                    .dataset)
            let strangers = try await german.send(
                .POST, "/api/v1/registry/datasets/\(other.id)/biometrics",
                ["fingerprints": Self.fingerprints("person-8", impression: 0)])
            #expect(try strangers.json(BiometricsResult.self).candidates.isEmpty)

            let italian = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let probe = try #require(
                try await italian.register([
                    "category": "D", "givenNames": "Rahmatullah", "familyNames": "Noori", "dateOfBirth": "1989-11-30",
                    "nationalities": "PAK",
                ]).dataset)
            let response = try await italian.send(
                .POST, "/api/v1/registry/datasets/\(probe.id)/biometrics",
                ["fingerprints": Self.fingerprints("person-7", impression: 1)])
            #expect(response.status == .created, "\(response.body.string)")
            let result = try response.json(BiometricsResult.self)
            let candidate = try #require(result.candidates.first)
            #expect(
                result.candidates.count == 1 && candidate.match?.id == stored.id && candidate.source == "fingerprints")
            let evidence = try #require(candidate.evidence)
            #expect(evidence.fingers.count == 10 && evidence.evidence > 20)
            #expect(candidate.drawing?.contains("<svg") == true && candidate.drawing?.contains("<line") == true)
            // The Italian expert sees it in the queue with the drawing; confirming merges the persons.
            let expert = try await RegistryClient.make(ctx, .fingerprintExpert, state: .IT)
            let queue = try await expert.decode([CandidateView].self, .GET, "/api/v1/registry/candidates")
            #expect(queue.contains { $0.id == candidate.id && $0.drawing != nil })
            let expertUser = try #require(
                try await User.query(on: ctx.db).filter(\.$email ~~ "fingerprint-expert").first())
            let session = try await WebSession.signedIn(ctx, as: expertUser)
            let queuePage = try await session.get("/registry/review")
            #expect(queuePage.status == .ok && queuePage.body.string.contains("/registry/candidates/\(candidate.id)"))
            let page = try await session.get("/registry/candidates/\(candidate.id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<svg") && page.body.string.contains("Fingerprints compared"))
            let decided = try await expert.send(
                .POST, "/api/v1/registry/candidates/\(candidate.id)/decision", ["decision": "confirm"])
            #expect(decided.status == .ok)
            let persons = try await Dataset.query(on: ctx.db).filter(\.$id ~~ [stored.id, probe.id]).all()
            #expect(Set(persons.map(\.$person.id)).count == 1)
        }
    }

    @Test("fingerprints and names fuse into one candidate per stored dataset, with the reasons of its decision")
    func fusedWithBiographic() async throws {
        try await withPactum { ctx in
            let names = [
                "givenNames": "Ahmad", "familyNames": "Karimi", "dateOfBirth": "1991-02-03", "nationalities": "AFG",
            ]
            let german = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let stored = try #require(try await german.register(names).dataset)
            _ = try await german.send(
                .POST, "/api/v1/registry/datasets/\(stored.id)/biometrics",
                ["fingerprints": Self.fingerprints("person-9", impression: 0)])
            let italian = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let registered = try await italian.register(names.merging(["category": "D"]) { $1 })
            let biographic = try #require(registered.candidates.first)
            #expect(registered.candidates.count == 1 && biographic.source == "biographic")
            let probe = try #require(registered.dataset)
            let response = try await italian.send(
                .POST, "/api/v1/registry/datasets/\(probe.id)/biometrics",
                ["fingerprints": Self.fingerprints("person-9", impression: 1)])
            let fused = try #require(try response.json(BiometricsResult.self).candidates.first)
            // The biographic candidate took the fingerprint evidence: still one row, one review.
            #expect(fused.id == biographic.id && fused.source == "fingerprints")
            #expect(try await Candidate.query(on: ctx.db).filter(\.$probeID == probe.id).count() == 1)
            let decision = try #require(fused.evidence?.decision)
            #expect(decision.hit && decision.basis == "fingerprints")
            #expect(decision.reasons.contains { $0.hasPrefix("biographic data: weight +") && $0.hasSuffix("adds 2.0") })
            #expect(decision.reasons.last!.hasPrefix("hit: fused evidence"))
            #expect(fused.explanation?.weight ?? 0 > 0)
            _ = try await RegistryClient.make(ctx, .fingerprintExpert, state: .IT)
            let expertUser = try #require(
                try await User.query(on: ctx.db).filter(\.$email ~~ "fingerprint-expert").first())
            let page = try await WebSession.signedIn(ctx, as: expertUser).get("/registry/candidates/\(fused.id)")
            #expect(
                page.body.string.contains("<ul class=\"reasons\" lang=\"en\"><li>fingerprints: 10 compared, evidence"))
        }
    }

    @Test("a rectified dataset keeps its fingerprints in the index; a restricted one leaves it, and returns")
    func fingerprintsThroughRightsRequests() async throws {
        try await withPactum { ctx in
            let german = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let stored = try #require(try await german.register(["familyNames": "Sadeqi"]).dataset)
            _ = try await german.send(
                .POST, "/api/v1/registry/datasets/\(stored.id)/biometrics",
                ["fingerprints": Self.fingerprints("person-12", impression: 0)])
            let dpo = try await RegistryClient.make(ctx, .dataProtectionOfficer, state: .DE)
            let fixed = try await dpo.send(
                .POST, "/api/v1/registry/datasets/\(stored.id)/rectification",
                ["field": "familyNames", "value": "Sadeghi", "reason": "passport"])
            #expect(fixed.status == .ok)
            let italian = try await RegistryClient.make(ctx, .registryOperator, state: .IT)
            func search(_ impression: Int) async throws -> [UUID?] {
                let probe = try #require(try await italian.register(["familyNames": "Rahimi"]).dataset)
                let found = try await italian.send(
                    .POST, "/api/v1/registry/datasets/\(probe.id)/biometrics",
                    ["fingerprints": Self.fingerprints("person-12", impression: impression)])
                return try found.json(BiometricsResult.self).candidates.map(\.match?.id)
            }
            #expect(try await search(1) == [stored.id])
            let restrict = { (value: String) in
                try await dpo.send(
                    .POST, "/api/v1/registry/datasets/\(stored.id)/restriction",
                    ["restricted": value, "reason": "contested"])
            }
            #expect(try await restrict("true").status == .ok)
            #expect(try await !search(2).contains(stored.id))
            #expect(try await restrict("false").status == .ok)
            #expect(try await search(3).contains(stored.id))
        }
    }

    @Test("the index rebuilt from the database at start finds the stored fingerprints and faces again")
    func rebuiltAtStart() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let faces = FaceGenerator()
            func text(_ t: FaceTemplate) -> String { t.vector.map { String($0) }.joined(separator: ",") }
            let prints = try #require(try await officer.register(["familyNames": "Amiri"]).dataset)
            _ = try await officer.send(
                .POST, "/api/v1/registry/datasets/\(prints.id)/biometrics",
                [
                    "fingerprints": Self.fingerprints("person-13", impression: 0),
                    "image": Data("not really a png".utf8).base64EncodedString(), "imageFormat": "image/png",
                ])
            let face = try #require(try await officer.register(["familyNames": "Karimi"]).dataset)
            _ = try await officer.send(
                .POST, "/api/v1/registry/datasets/\(face.id)/biometrics",
                ["face": text(faces.capture(person: "karimi", index: 0)), "faceModel": "m"])
            try await ctx.app.pactum.registry.index.load(on: ctx.db)
            func found(_ body: [String: String]) async throws -> [UUID?] {
                let probe = try #require(try await officer.register(["familyNames": "Noori"]).dataset)
                let response = try await officer.send(.POST, "/api/v1/registry/datasets/\(probe.id)/biometrics", body)
                return try response.json(BiometricsResult.self).candidates.map(\.match?.id)
            }
            #expect(try await found(["fingerprints": Self.fingerprints("person-13", impression: 1)]) == [prints.id])
            #expect(
                try await found(["face": text(faces.capture(person: "karimi", index: 1)), "faceModel": "m"]) == [
                    face.id
                ])
        }
    }

    @Test("the face is compared only where there are no fingerprints (EDAC Art 28)")
    func faceOnly() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .registryOperator, state: .ES)
            let faces = FaceGenerator()
            let face = faces.capture(person: "ruiz", index: 0).vector
            let again = faces.capture(person: "ruiz", index: 1).vector
            func text(_ v: [Float]) -> String { v.map { String($0) }.joined(separator: ",") }
            let first = try #require(try await officer.register(["familyNames": "Ruiz"]).dataset)
            _ = try await officer.send(
                .POST, "/api/v1/registry/datasets/\(first.id)/biometrics",
                ["face": text(face), "faceModel": "arcface-r100"])
            let second = try #require(
                try await officer.register(["familyNames": "Zapata", "givenNames": "Ana"]).dataset)
            let found = try await officer.send(
                .POST, "/api/v1/registry/datasets/\(second.id)/biometrics",
                ["face": text(again), "faceModel": "arcface-r100"])
            let result = try found.json(BiometricsResult.self)
            #expect(result.candidates.map(\.match?.id) == [first.id] && result.candidates[0].source == "face")
            // With fingerprints, the face is not used.
            let third = try #require(try await officer.register(["familyNames": "Zapata"]).dataset)
            let withFingers = try await officer.send(
                .POST, "/api/v1/registry/datasets/\(third.id)/biometrics",
                [
                    "fingerprints": Self.fingerprints("someone", impression: 0), "face": text(again),
                    "faceModel": "arcface-r100",
                ])
            #expect(try withFingers.json(BiometricsResult.self).candidates.allSatisfy { $0.source == "fingerprints" })
        }
    }

    @Test("bad biometric data are refused with the reason and change nothing; a child needs stronger evidence")
    func badInputAndChildren() async throws {
        try await withPactum { ctx in
            let officer = try await RegistryClient.make(ctx, .registryOperator, state: .DE)
            let d = try #require(try await officer.register().dataset)
            let path = "/api/v1/registry/datasets/\(d.id)/biometrics"
            for (body, field) in [
                (["fingerprints": Data("FMR".utf8).base64EncodedString()], "fingerprints"),
                (["fingerprints": "%%%"], "fingerprints"), (["face": "1,2,3", "faceModel": "m"], "face"),
                (["face": "1,x"], "face"), ([:], "fingerprints"),
            ] {
                let response = try await officer.send(.POST, path, body)
                #expect(response.status == .unprocessableEntity, "\(body)")
                #expect(try response.json(Problem.self).errors?.contains { $0.field == field } == true, "\(body)")
            }
            #expect(try await Biometric.query(on: ctx.db).count() == 0)
            let registry = ctx.app.pactum.registry
            let child = Dataset()
            child.bio.dateOfBirth = "2016-05-01"
            child.eventAt = try Date("2026-11-16T08:00:00Z", strategy: .iso8601)
            #expect(registry.isChild(child))
            child.bio.dateOfBirth = "2011-12-01"
            #expect(registry.isChild(child))  // 14 until the birthday in December
            child.bio.dateOfBirth = "2011-11-01"
            #expect(!registry.isChild(child))  // 15 since the first of November
            child.bio.dateOfBirth = "2005-01-01"
            #expect(!registry.isChild(child))
        }
    }
}
