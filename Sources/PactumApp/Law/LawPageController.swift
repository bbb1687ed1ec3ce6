import PactumLaw
import Vapor

/// The "Legal clocks" page: anyone picks a rule, a Member State and a date and sees the due
/// date, the citation and the reasoning.
struct LawPageController: RouteCollection {
    let engine: DeadlineEngine

    func boot(routes: any RoutesBuilder) throws {
        routes.get("law", use: page)
    }

    struct ClocksPage: Encodable, Sendable {
        var rules: [SelectOption]
        var states: [SelectOption]
        var extensions: [SelectOption]
        var crises: [SelectOption]
        var from: String
        var subdivision: String
        var registeredOn: String
        var lodgedOn: String
        var errors: [FieldError]
        var deadline: Deadline?
    }

    struct Form: Content {
        var rule: String?
        var state: String?
        var subdivision: String?
        var from: String?
        var crisis: String?
        var `extension`: String?
        var registeredOn: String?
        var lodgedOn: String?
    }

    /// Each extension by its grounds, as the first rule with it states them.
    static let extensionLabels: [String: String] = ClockRule.catalogue.flatMap(\.extensions).reduce(into: [:]) {
        if $0[$1.id] == nil { $0[$1.id] = $1.grounds.prefix(1).uppercased() + $1.grounds.dropFirst() }
    }

    func page(req: Request) async throws -> Response {
        let form = try req.query.decode(Form.self)
        var page = ClocksPage(
            rules: ClockRule.catalogue.map {
                SelectOption(value: $0.id, label: "\($0.id) · \($0.title)", selected: $0.id == form.rule)
            },
            states: MemberState.allCases.map {
                SelectOption(
                    value: $0.code, label: "\(req.words.label(.state, $0.code)) (\($0.code))",
                    selected: $0.code == (form.state ?? "DE"))
            },
            extensions: Self.extensionLabels.sorted { $0.value < $1.value }.map {
                SelectOption(value: $0.key, label: $0.value, selected: $0.key == form.extension)
            },
            // The CFM's situations, worded by the catalogue's `crisis.<kind>`.
            crises: CrisisKind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.words("crisis.\($0.rawValue)"), selected: $0.rawValue == form.crisis)
            },
            from: form.from ?? "", subdivision: form.subdivision ?? "", registeredOn: form.registeredOn ?? "",
            lodgedOn: form.lodgedOn ?? "", errors: [], deadline: nil)
        guard let rule = form.rule, !rule.isEmpty else {
            return try await req.renderPage("Law/law", title: "title.law", page)
        }
        var check = FieldValidator()
        let state = check.memberState(form.state)
        check.eventTime(form.from)
        let crisis = check.crisisKind(form.crisis)
        let application = check.applicationDates(registered: form.registeredOn, lodged: form.lodgedOn)
        do {
            try check.throwIfInvalid()
            page.deadline = try lawAnswer(field: "rule") {
                try engine.deadline(
                    rule, state: state!, subdivision: form.subdivision.flatMap { $0.isEmpty ? nil : $0 },
                    from: form.from!, crisis: crisis, extension: form.extension.flatMap { $0.isEmpty ? nil : $0 },
                    application: application)
            }
        } catch let invalid as InvalidInput {
            page.errors = invalid.errors
            return try await req.renderPage("Law/law", title: "title.law", page, status: .unprocessableEntity)
        }
        return try await req.renderPage("Law/law", title: "title.law", page)
    }
}
