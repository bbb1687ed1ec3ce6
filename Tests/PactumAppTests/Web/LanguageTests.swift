import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import PactumApp

/// The pages in five languages (issue 15): a signed-in user's choice kept on the account and
/// audited, the choice before sign-in as a cookie, the browser's languages otherwise, dates and
/// numbers in the language's form, and the person's copy of the screening form in the person's
/// language with the others listed.
@Suite("Languages: the user's choice, the browser's, the person's copy")
struct LanguageTests {
    @Test("a user's choice of language is kept on the account, audited, and every page follows it")
    func userChoice() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.screeningOfficer, state: .DE)
            let officer = try await WebSession.signedIn(ctx, as: user)
            #expect(try await officer.get("/").body.string.contains(#"<html lang="en">"#))
            let changed = try await officer.post("/language", form: ["language": "de", "back": "/screening"])
            #expect(changed.status == .seeOther && changed.headers.first(name: .location) == "/screening")
            let page = try await officer.get("/screening").body.string
            #expect(page.contains(#"<html lang="de">"#) && page.contains("Ihre Seiten sind jetzt auf Deutsch."))
            #expect(page.contains("<h1>Überprüfung</h1>") && page.contains("Eine Überprüfung eröffnen"))
            let dashboard = try await officer.get("/").body.string
            #expect(dashboard.contains("Ihre Arbeit heute") && dashboard.contains("Überprüfungsbeamte"))
            #expect(dashboard.contains("Deutschland"))
            let stored = try #require(try await User.find(user.id, on: ctx.db))
            #expect(stored.languageCode == "de")
            let entry = try #require(
                try await AuditEntry.query(on: ctx.db).filter(\.$action == "account.language").first())
            #expect(entry.actor == user.email && entry.detail == "language de" && entry.purpose == "account-management")
            // A new session, another browser: the account keeps the choice.
            let elsewhere = try await WebSession.signedIn(ctx, as: user)
            #expect(try await elsewhere.get("/").body.string.contains(#"<html lang="de">"#))
        }
    }

    @Test("a language Pactum lacks, or a way back to another site, changes nothing")
    func badChoice() async throws {
        try await withPactum { ctx in
            let user = try await ctx.makeUser(.screeningOfficer)
            let officer = try await WebSession.signedIn(ctx, as: user)
            let before = try await AuditEntry.query(on: ctx.db).filter(\.$action == "account.language").count()
            let refused = try await officer.post("/language", form: ["language": "xx"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try #require(try await User.find(user.id, on: ctx.db)).languageCode == nil)
            #expect(
                try await AuditEntry.query(on: ctx.db).filter(\.$action == "account.language").count() == before)
            let visitor = WebSession(ctx)
            for back in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let response = try await visitor.get(
                    "/language/fr?back=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(response.headers.first(name: .location) == "/", "\(back)")
            }
            #expect(try await visitor.get("/language/xx").status == .unprocessableEntity)
        }
    }

    @Test("before sign-in the switch sets a cookie; without one the browser's languages choose")
    func visitor() async throws {
        try await withPactum { ctx in
            let browser = WebSession(ctx)
            browser.acceptLanguage = "pl, it;q=0.8, en;q=0.5"
            let login = try await browser.get("/login").body.string
            #expect(login.contains(#"<html lang="it">"#) && login.contains("<h1>Accedi</h1>"))
            let switched = try await browser.get("/language/es?back=/login")
            #expect(switched.status == .seeOther && switched.headers.first(name: .location) == "/login")
            let spanish = try await browser.get("/login").body.string
            #expect(spanish.contains(#"<html lang="es">"#) && spanish.contains("Iniciar sesión"))
            // The law page's dates and numbers take the language's form.
            let law = try await browser.get("/law?rule=SCR-T1&state=FR&from=2026-12-22").body.string
            #expect(law.contains("Plazos legales"))
        }
    }

    @Test("clocks read in the user's language: the limit in its local time, the time left in words")
    func clocks() async throws {
        try await withPactum { ctx in
            let screener = try await RegistryClient.make(ctx, .screeningOfficer, state: .FR)
            _ = try await screener.openScreening(["reference": "FR-LANG-1"])
            let user = try await ctx.makeUser(.screeningOfficer, state: .FR)
            let officer = try await WebSession.signedIn(ctx, as: user)
            _ = try await officer.post("/language", form: ["language": "fr"])
            let page = try await officer.get("/screening").body.string
            #expect(page.contains("FR-LANG-1") && page.contains("<td>En cours</td>"))
            // Seven days and some hours of SCR-T1 left, worded in French, the limit a French date.
            #expect(page.contains("<strong>encore 7 jours") && page.contains("mode de calcul"))
            #expect(page.matches(of: /(lun|mar|mer|jeu|ven|sam|dim)\. [0-9]+ [a-zéû]+\.? 20[0-9]{2}/).count > 0)
        }
    }

    @Test("the person's copy is in the language the person speaks, lists the others, and refuses one Pactum lacks")
    func personsCopy() async throws {
        try await withPactum { ctx in
            let screener = try await RegistryClient.make(ctx, .screeningOfficer, state: .IT)
            let c = try await screener.openScreening(["reference": "IT-COPY-1", "nationalities": "SYR"])
            let identity = try await screener.step(
                c.id, "identity",
                ["languages": "Arabic, French", "identityConfirmed": "true", "nationalityConfirmed": "false"])
            #expect(identity.status == .ok, "\(identity.body.string)")
            let officer = try await WebSession.signedIn(ctx, as: try await ctx.makeUser(.screeningOfficer, state: .IT))
            let copy = try await officer.get("/screening/cases/\(c.id)/form/copy").body.string
            #expect(copy.contains(#"<html lang="fr">"#) && copy.contains("Formulaire de filtrage"))
            #expect(copy.contains("exemplaire de la personne") && copy.contains("Syrie"))
            #expect(copy.contains(#"<strong lang="fr" aria-current="true">Français</strong>"#))
            for other in ["de", "en", "es", "it"] { #expect(copy.contains(#"href="?language=\#(other)""#)) }
            #expect(copy.contains("Arabic, French"))
            let german = try await officer.get("/screening/cases/\(c.id)/form/copy?language=de").body.string
            #expect(german.contains("Überprüfungsformular") && german.contains("Syrien"))
            #expect(
                try await officer.get("/screening/cases/\(c.id)/form/copy?language=ar").status == .unprocessableEntity)
            // The official's own pages stay in the official's language.
            #expect(try await officer.get("/screening").body.string.contains(#"<html lang="en">"#))
        }
    }
}
