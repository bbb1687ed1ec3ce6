import Fluent
import Foundation
import PactumLaw
import Vapor

/// The screening pages: the worklist with the opening form, the case page with every check,
/// the printable form and the person's copy, representatives, watchlists, and the receiving
/// authority's referrals. They call the same service as the API.
struct ScreeningPageController: RouteCollection {
    let screening: ScreeningService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("screening")
        s.get(use: home)
        s.post("cases", use: open)
        s.get("cases", ":id", use: page)
        s.post("cases", ":id", ":step", use: step)
        s.get("cases", ":id", "form", use: form)
        s.get("cases", ":id", "form", "copy", use: copy)
        s.get("referrals", use: referrals)
        s.get("referrals", ":id", use: referral)
        s.post("referrals", ":id", "receipt", use: receipt)
        s.get("representatives", use: representatives)
        s.post("representatives", use: addRepresentative)
        s.get("watchlists", use: watchlists)
        s.upload("watchlists", limit: "32mb", use: loadWatchlist)
    }

    // MARK: Worklist and opening

    struct HomePage: Encodable, Sendable {
        var cases: [ScreeningView]
        var total: Int
        /// The worklist's filters as the form shows them.
        var filter: Filter
        var pagination: Pagination?
        var situations: [SelectOption]
        var sexes: [SelectOption]
        var input: OpenScreeningInput
        var errors: [Problem.FieldError]
        /// The errors are the filter's, not the opening form's.
        var filterInvalid: Bool
        var canOpen: Bool

        struct Filter: Encodable, Sendable {
            var statuses, situations, sorts: [SelectOption]
            var nationality: String
        }
    }

    private func home(
        _ req: Request, input given: OpenScreeningInput? = nil, errors: [Problem.FieldError] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.webPrincipal()
        let now = screening.clock.now()
        var input = given ?? OpenScreeningInput()
        if given == nil {
            input.reference = GeneratedReference.make(principal.state.code, at: now, in: principal.state.timeZone)
            input.eventAt = LocalDateTime.input(now, in: principal.state.timeZone)
        }
        // A filter that does not read is shown as an error over the unfiltered list.
        var errors = errors
        var status = status
        var query = ScreeningListQuery()
        var filterInvalid = false
        if req.method == .GET {
            do {
                query = try ScreeningListQuery(try req.query.decode(ScreeningListQuery.Raw.self))
            } catch let invalid as InvalidInput {
                (errors, status, filterInvalid) = (invalid.errors, .unprocessableEntity, true)
            }
        }
        let caller = try await req.caller(.readScreening, purpose: nil, with: access)
        let list = try await screening.list(query, by: caller, on: req.db)
        let w = req.words
        func situations(_ selected: String?) -> [SelectOption] {
            ScreeningSituation.allCases.map {
                .init(
                    value: $0.rawValue, label: "\(w.label(.code, $0.rawValue)) (\($0.citation))",
                    selected: $0.rawValue == selected)
            }
        }
        let page = HomePage(
            cases: list.screenings, total: list.total,
            filter: .init(
                statuses: ScreeningListQuery.Status.allCases.map {
                    .init(value: $0.rawValue, label: w("list.status.\($0.rawValue)"), selected: $0 == query.status)
                }, situations: situations(query.situation?.rawValue),
                sorts: ScreeningListQuery.Sort.allCases.map {
                    .init(value: $0.rawValue, label: w("list.sort.\($0.rawValue)"), selected: $0 == query.sort)
                }, nationality: query.nationality ?? ""),
            pagination: Pagination(
                page: query.page, size: ScreeningListQuery.pageSize, total: list.total,
                href: query.href(path: "/screening")),
            situations: situations(input.situation), sexes: SelectOption.sexes(selected: input.sex, w), input: input,
            errors: errors, filterInvalid: filterInvalid,
            canOpen: !access.policy.purposes(of: principal, for: .openScreening).isEmpty)
        return try await req.renderPage("Screening/screening", title: "title.screening", page, status: status)
    }

    func home(req: Request) async throws -> Response { try await home(req) }

    func open(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        let caller = try await req.caller(.openScreening, purpose: nil, with: access)
        let input = try req.content.decode(OpenScreeningInput.self)
        var local = input
        local.eventAt = LocalDateTime.iso(input.eventAt, in: principal.state.timeZone)
        local.startedAt = LocalDateTime.iso(input.startedAt, in: principal.state.timeZone)
        return try await req.submitForm(field: "") {
            let result = try await screening.open(
                try local.validated(now: screening.clock.now()), by: caller, on: req.db)
            return try req.redirect(
                to: "/screening/cases/\(result.screening.id)",
                flash: .screeningOpened(reference: result.screening.reference))
        } again: { errors, status in
            try await home(req, input: input, errors: errors, status: status)
        }
    }

    // MARK: The case

    struct CasePage: Encodable, Sendable {
        var screening: ScreeningView
        var form: ScreeningForm
        var health: [SelectOption]
        var indicators: [Indicator]
        var representatives: [RepresentativeView]
        var referrals: [SelectOption]
        var states: [SelectOption]
        var hits: [SecurityHit]
        var canRecord: Bool
        /// The checks may be recorded: the limit runs and the person is not yet referred.
        var canCheck: Bool
        /// The form and the person's flags may change: until the referral.
        var canEditForm: Bool
        var tasks: [ScreeningTask]
        /// What the officer typed into the form that failed, shown again instead of the stored.
        var typed: [String: String]
        var errors: [Problem.FieldError]

        struct Indicator: Encodable, Sendable {
            var value, label: String
            var checked: Bool
        }
    }

    private func render(
        _ req: Request, _ id: UUID, errors: [Problem.FieldError] = [], typed: [String: String] = [:],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.webPrincipal()
        let caller = try await req.caller(.readScreening, purpose: nil, with: access)
        let c = try await screening.screening(id, by: caller, on: req.db)
        let canRecord = !access.policy.purposes(of: principal, for: .recordScreening).isEmpty
        let view = try ScreeningView(c, now: screening.clock.now())
        let canCheck = canRecord && !c.isReferred && view.clock.status.isRunning
        let page = CasePage(
            screening: view, form: ScreeningForm(c, personalCopy: false),
            health: HealthCheckOutcome.allCases.map {
                .init(value: $0.rawValue, label: req.words.label(.code, $0.rawValue), selected: $0 == c.healthOutcome)
            },
            indicators: VulnerabilityIndicator.allCases.map {
                .init(
                    value: $0.rawValue, label: "\(req.words.label(.code, $0.rawValue)) (\($0.citation))",
                    checked: c.indicators.contains($0))
            },
            representatives: canRecord ? try await screening.representatives(by: caller, on: req.db) : [],
            referrals: ScreeningReferral.allCases.map {
                .init(
                    value: $0.rawValue, label: "\(req.words.label(.code, $0.rawValue)) (\($0.citation))",
                    selected: $0 == c.referral)
            },
            states: MemberState.allCases.filter { $0 != principal.state }.map {
                .init(value: $0.code, label: req.words.label(.state, $0.code), selected: false)
            },
            hits: c.securityHits?.value ?? [],
            canRecord: canRecord, canCheck: canCheck, canEditForm: canRecord && !c.isReferred,
            tasks: ScreeningTask.list(view, canCheck: canCheck), typed: typed, errors: errors)
        return try await req.renderPage(
            "Screening/screening-case", title: "title.screening-case", titleValues: [String(c.reference)], page,
            status: status)
    }

    func page(req: Request) async throws -> Response {
        // The role gate before the id, so that a refused role learns nothing of the id.
        _ = try req.webPrincipal()
        _ = try await req.caller(.readScreening, purpose: nil, with: access)
        return try await render(req, try req.uuidParameter("id"))
    }

    /// Every form of the case page posts here; the step names the check.
    func step(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let name = req.parameters.get("step") ?? ""
        let action: Action = name == "referral" ? .referScreening : .recordScreening
        let caller = try await req.caller(action, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        if name == "referral", (try? req.content.get(String.self, at: "confirmed")) != "yes" {
            return try await referralCheck(req, id, try req.content.decode(ReferralInput.self))
        }
        return try await req.submitForm(field: "") {
            let result: ScreeningResult
            switch name {
            case "health":
                result = try await screening.recordHealth(
                    try req.content.decode(HealthInput.self), on: id, by: caller, on: req.db)
            case "vulnerability":
                // Checkboxes arrive as repeated `indicator` fields.
                let picked = (try? req.content.get([String].self, at: "indicator")) ?? []
                var input = try req.content.decode(VulnerabilityInput.self)
                input.indicators = picked.joined(separator: ",")
                result = try await screening.recordVulnerability(input, on: id, by: caller, on: req.db)
            case "safeguards":
                result = try await screening.recordSafeguards(
                    try req.content.decode(SafeguardsInput.self), on: id, by: caller, on: req.db)
            case "identity":
                result = try await screening.recordIdentity(
                    try req.content.decode(IdentityInput.self), on: id, by: caller, on: req.db)
            case "biometrics": result = try await screening.registerBiometrics(on: id, by: caller, on: req.db)
            case "security": result = try await screening.runSecurityCheck(on: id, by: caller, on: req.db)
            case "form":
                result = try await screening.updateForm(
                    try req.content.decode(FormInput.self), on: id, by: caller, on: req.db)
            case "inaccuracies":
                result = try await screening.flagInaccuracies(
                    try req.content.decode(InaccuracyInput.self), on: id, by: caller, on: req.db)
            case "referral":
                result = try await screening.refer(
                    try req.content.decode(ReferralInput.self), on: id, by: caller, on: req.db)
            default: throw Problem.notFound("No step \(name).")
            }
            return try req.redirect(
                to: "/screening/cases/\(id)#\(name)", flash: .screeningStepRecorded(warnings: result.warnings))
        } again: { errors, status in
            // Checkboxes arrive as arrays, which a flat dictionary does not take: those forms
            // come back from what is stored.
            let typed = (try? req.content.decode([String: String].self)) ?? [:]
            return try await render(req, id, errors: errors, typed: typed, status: status)
        }
    }

    struct ReferralCheckPage: Encodable, Sendable {
        var screening: ScreeningView
        var tasks: [ScreeningTask]
        var input: ReferralInput
        var referralTitle: String
    }

    /// Check your answers (GOV.UK): the referral ends the screening and transmits the form, so
    /// the officer sees what goes, and what is left undone, before it does.
    private func referralCheck(_ req: Request, _ id: UUID, _ input: ReferralInput) async throws -> Response {
        let caller = try await req.caller(.readScreening, purpose: nil, with: access)
        let c = try await screening.screening(id, by: caller, on: req.db)
        let view = try ScreeningView(c, now: screening.clock.now())
        let referral = input.referral.flatMap(ScreeningReferral.init(rawValue:))
        return try await req.renderPage(
            "Screening/referral-check", title: "title.referral-check", titleValues: [String(c.reference)],
            ReferralCheckPage(
                screening: view,
                tasks: ScreeningTask.list(view, canCheck: view.clock.status.isRunning).filter {
                    $0.id != "referral-form"
                }, input: input,
                referralTitle: referral.map { "\(req.words.label(.code, $0.rawValue)) (\($0.citation))" }
                    ?? "none chosen"))
    }

    // MARK: The form

    struct FormPage: Encodable, Sendable {
        var form: ScreeningForm
        var personalCopy: Bool
        /// The person's copy: the languages it exists in, and those the person speaks.
        var languages: [LanguageChoice]
        var spoken: String?
    }

    func form(req: Request) async throws -> Response { try await printable(req, personalCopy: false) }
    func copy(req: Request) async throws -> Response { try await printable(req, personalCopy: true) }

    /// The person's copy is in the language asked for (`?language=`), else the first language
    /// the person speaks that Pactum has, else the official's: the whole page is rendered in it.
    private func printable(_ req: Request, personalCopy: Bool) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.readScreening, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        let form = try await screening.form(id, personalCopy: personalCopy, by: caller, on: req.db)
        var languages: [LanguageChoice] = []
        if personalCopy {
            let asked = try req.query[String.self, at: "language"].map { try LanguageController.language($0) }
            let spoken = (form.languages ?? "").split(whereSeparator: { ",;/".contains($0) }).compactMap {
                Language.spoken(String($0))
            }
            let language = asked ?? spoken.first ?? req.language
            req.storage[PageLanguageKey.self] = language
            languages = LanguageChoice.all(current: language)
        }
        return try await req.renderPage(
            "Screening/screening-form", title: personalCopy ? "title.screening-copy" : "title.screening-form",
            titleValues: [form.reference],
            FormPage(form: form, personalCopy: personalCopy, languages: languages, spoken: form.languages))
    }

    // MARK: Referrals, representatives, watchlists

    func referrals(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.receiveReferrals, purpose: nil, with: access)
        let items = try await screening.referrals(by: caller, on: req.db)
        return try await req.renderPage("Screening/referrals", title: "title.referrals", ["items": items])
    }

    struct ReferralPage: Encodable, Sendable {
        var item: ReferralItem
    }

    /// One referred form, whole: the receiving authority's starting point.
    func referral(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.receiveReferrals, purpose: nil, with: access)
        let item = try await screening.referral(try req.uuidParameter("id"), by: caller, on: req.db)
        return try await req.renderPage(
            "Screening/referral", title: "title.referral", titleValues: [String(item.reference)],
            ReferralPage(item: item))
    }

    func receipt(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.receiveReferrals, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        _ = try await screening.acknowledge(id, by: caller, on: req.db)
        return try req.redirect(to: "/screening/referrals/\(id)", flash: .referralAcknowledged)
    }

    func representatives(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.recordScreening, purpose: nil, with: access)
        let all = try await screening.representatives(by: caller, on: req.db)
        return try await req.renderPage(
            "Screening/representatives", title: "title.representatives",
            ["representatives": all])
    }

    func addRepresentative(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.recordScreening, purpose: nil, with: access)
        _ = try await screening.addRepresentative(
            try req.content.decode(RepresentativeInput.self), by: caller, on: req.db)
        return try req.redirect(to: "/screening/representatives", flash: .representativeAdded)
    }

    struct WatchlistPage: Encodable, Sendable {
        var lists: [SelectOption]
        var columns: String
        var errors: [Problem.FieldError]
    }

    private func watchlistPage(
        _ req: Request, errors: [Problem.FieldError] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let caller = try await req.caller(.loadWatchlists, purpose: nil, with: access)
        let lists = try await screening.watchlists(by: caller, on: req.db).sorted { $0.key < $1.key }
        return try await req.renderPage(
            "Screening/watchlists", title: "title.watchlists",
            WatchlistPage(
                lists: lists.map {
                    .init(value: $0.key, label: req.words.count("watchlist.alerts", $0.value), selected: false)
                },
                columns: WatchlistFile.columns.joined(separator: ","), errors: errors),
            status: status)
    }

    func watchlists(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        return try await watchlistPage(req)
    }

    struct Upload: Content {
        var list: String?
        var file: File?
    }

    func loadWatchlist(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.loadWatchlists, purpose: nil, with: access)
        let upload = try req.content.decode(Upload.self)
        return try await req.submitForm(field: "file") {
            guard let file = upload.file, file.data.readableBytes > 0 else {
                throw InvalidInput([.init(field: "file", message: "choose a CSV file")])
            }
            guard let text = file.data.strictUTF8 else {
                throw InvalidInput([.init(field: "file", message: "is not UTF-8 text")])
            }
            let list = upload.list.given ?? ""
            let count = try await screening.loadWatchlist(text, list: list, by: caller, on: req.db)
            return try req.redirect(to: "/screening/watchlists", flash: .watchlistLoaded(list: list, alerts: count))
        } again: { errors, status in
            try await watchlistPage(req, errors: errors, status: status)
        }
    }
}
