import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

@Suite("Demo data")
struct DemoTests {
    @Test("the demo has a user for every role in three Member States, and loading twice only resets the password")
    func demoUsers() async throws {
        try await withPactum { ctx in
            let demo = DemoData(auth: ctx.app.pactum.auth)
            let first = try await demo.load(on: ctx.db)
            #expect(first.logins.count == Role.allCases.count * 3)
            for state in DemoData.states {
                let roles = try await User.query(on: ctx.db).filter(\.$stateCode == state.code).all().flatMap(\.roles)
                #expect(Set(roles) == Set(Role.allCases))
            }
            let second = try await demo.load(on: ctx.db)
            #expect(try await User.query(on: ctx.db).count() == first.logins.count)
            #expect(first.password != second.password)
            #expect(second.logins.map(\.displayName) == first.logins.map(\.displayName))
            let user = try #require(try await User.query(on: ctx.db).first())
            #expect(try Bcrypt.verify(second.password, created: user.passwordHash))
            #expect(!user.mustChangePassword)
        }
    }

    @Test("the demo registry holds synthetic datasets in three states with candidates to review, loaded once")
    func demoRegistry() async throws {
        try await withPactum { ctx in
            _ = try await DemoData(auth: ctx.app.pactum.auth).load(on: ctx.db)
            let registry = DemoRegistry(registry: ctx.app.pactum.registry, persons: 40)
            let loaded = try await registry.load(on: ctx.db)
            let stored = try await Dataset.query(on: ctx.db).count()
            #expect(loaded > 30 && loaded == stored)
            #expect(Set(try await Dataset.query(on: ctx.db).all().map(\.stateCode)) == ["DE", "IT", "ES"])
            #expect(try await Candidate.query(on: ctx.db).count() > 0)
            // Persons registered again are found by their fingers, with the fused decision.
            let prints = try await Candidate.query(on: ctx.db).filter(\.$source == .fingerprints).all()
            #expect(!prints.isEmpty)
            #expect(prints.allSatisfy { $0.evidence?.value.decision?.hit == true })
            #expect(try await Biometric.query(on: ctx.db).count() > 10)
            #expect(try await AuditEntry.query(on: ctx.db).filter(\.$action == "registry.register").count() == loaded)
            #expect(try await registry.load(on: ctx.db) == 0)
        }
    }

    @Test("the demo has open, ended and referred screenings in three states, and the monitor's records, loaded once")
    func demoScreening() async throws {
        try await withPactum { ctx in
            _ = try await DemoData(auth: ctx.app.pactum.auth).load(on: ctx.db)
            _ = try await DemoRegistry(registry: ctx.app.pactum.registry).load(on: ctx.db)
            let demo = DemoScreening(screening: ctx.app.pactum.screening, monitoring: ctx.app.pactum.monitoring)
            #expect(try await demo.load(on: ctx.db) == DemoScreening.plans.count)
            let cases = try await ScreeningCase.query(on: ctx.db).all()
            for c in cases { try await ctx.app.pactum.screening.withLimit(c, on: ctx.db) }
            let now = ctx.app.pactum.config.clock.now()
            #expect(Set(cases.map(\.stateCode)) == ["DE", "IT", "ES"])
            #expect(Set(try cases.map { try $0.status(now: now) }).isSuperset(of: ["open", "ended", "referred"]))
            #expect(cases.contains { $0.unaccompanied && $0.representativeID != nil })
            #expect(try await Allegation.query(on: ctx.db).count() == 1)
            #expect(try await demo.load(on: ctx.db) == 0)
        }
    }

    @Test("demo names come from the shipped name table of each state's locale")
    func demoNames() throws {
        let accounts = try DemoData.accounts()
        let italian = try NameTable.shipped("it_IT").familyNames
        for account in accounts where account.state == "IT" {
            #expect(italian.contains { account.displayName.hasSuffix(" " + $0) }, "\(account.displayName)")
        }
        #expect(Set(accounts.map(\.displayName)).count > accounts.count - 3)
        // With the seed of 2026 the German fingerprint expert once drew "Heydrich".
        let families = accounts.map { $0.displayName.split(separator: " ").last.map(String.init) ?? "" }
        #expect(DemoData.unfitFamilyNames.isDisjoint(with: families))
        #expect(try NameTable.shipped("de_DE").familyNames.contains("Heydrich"), "the filter has something to filter")
    }
}
