import Fluent
import Foundation
import PactumLaw
import Vapor

/// The registry's pages: search, registration, dataset and person pages, the transmission
/// worklist, the inbox and the DPO's printable export. They call the
/// same service as the API, so the rules, the audit and the state limits are the same.
struct RegistryPageController: RouteCollection {
    let registry: RegistryService
    let access: AccessControl

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("registry")
        r.get(use: home)
        r.post("search", use: search)
        r.get("new", use: newForm)
        r.post("datasets", use: register)
        r.get("datasets", ":id", use: dataset)
        r.post("datasets", ":id", "events", use: event)
        r.post("datasets", ":id", "rectification", use: rectify)
        r.post("datasets", ":id", "restriction", use: restrict)
        r.upload("datasets", ":id", "biometrics", limit: "8mb", use: biometrics)
        r.get("persons", ":id", use: person)
        r.get("persons", ":id", "export", use: export)
        r.get("persons", ":id", "export.json", use: exportFile)
        r.get("worklist", use: worklist)
        r.get("inbox", use: inbox)
        r.post("notices", ":id", "receipt", use: receipt)
    }

    // MARK: Search

    struct SearchQuery: Content {
        var purpose: String?
        var givenNames: String?
        var familyNames: String?
        var dateOfBirth: String?
    }

    struct HomePage: Encodable, Sendable {
        var query: SearchQuery
        var purposes: [SelectOption]
        var searched: Bool
        var matches: [SearchMatch]
        var errors: [Problem.FieldError]
        var canRegister: Bool
        var canReview: Bool
        var canReadInbox: Bool
    }

    /// The search form. A search carries personal data, so it is a POST (`search`): the
    /// names never reach a URL, a log line or the browser's history.
    func home(req: Request) async throws -> Response {
        try await homePage(req, query: SearchQuery())
    }

    func search(req: Request) async throws -> Response {
        try await homePage(req, query: try req.content.decode(SearchQuery.self), searching: true)
    }

    private func homePage(_ req: Request, query: SearchQuery, searching: Bool = false) async throws -> Response {
        let principal = try req.webPrincipal()
        try await req.authorize(.searchRegistry, purpose: nil, with: access)
        let purposes = access.policy.purposes(of: principal, for: .searchRegistry)
        var page = HomePage(
            query: query,
            purposes: purposes.map {
                .init(
                    value: $0.rawValue, label: req.words.label(.purpose, $0.rawValue),
                    selected: $0.rawValue == query.purpose)
            },
            searched: false, matches: [], errors: [],
            canRegister: !access.policy.purposes(of: principal, for: .registerDataset).isEmpty,
            canReview: !access.policy.purposes(of: principal, for: .reviewCandidates).isEmpty,
            canReadInbox: !access.policy.purposes(of: principal, for: .readNotices).isEmpty)
        guard searching else { return try await req.renderPage("Registry/registry", title: "title.registry", page) }
        do {
            let probe = try SearchInput(
                purpose: query.purpose, givenNames: query.givenNames, familyNames: query.familyNames,
                dateOfBirth: query.dateOfBirth
            ).probe()
            let caller = try await req.caller(.searchRegistry, purpose: query.purpose, with: access)
            page.matches = try await registry.search(probe, by: caller, on: req.db).matches
            page.searched = true
        } catch let invalid as InvalidInput {
            page.errors = invalid.errors
            return try await req.renderPage(
                "Registry/registry", title: "title.registry", page, status: .unprocessableEntity)
        }
        return try await req.renderPage("Registry/registry", title: "title.registry", page)
    }

    // MARK: Registration

    struct NewPage: Encodable, Sendable {
        var input: DatasetInput
        var categories: [SelectOption]
        var outcomes: [SelectOption]
        var sexes: [SelectOption]
        var errors: [Problem.FieldError]
        var result: RegistrationResult?
    }

    private func newPage(
        _ req: Request, _ input: DatasetInput, errors: [Problem.FieldError] = [], result: RegistrationResult? = nil
    )
        -> NewPage
    {
        NewPage(
            input: input,
            categories: EurodacCategory.allCases.map {
                .init(
                    value: $0.rawValue,
                    label: "\($0.rawValue): \(req.words.label(.code, $0.rawValue)) (\($0.citation))",
                    selected: $0.rawValue == input.category)
            },
            outcomes: ResettlementOutcome.allCases.map {
                .init(
                    value: $0.rawValue, label: req.words.label(.code, $0.rawValue),
                    selected: $0.rawValue == input.resettlementOutcome)
            }, sexes: SelectOption.sexes(selected: input.sex, req.words), errors: errors, result: result)
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        try await req.authorize(.registerDataset, purpose: nil, with: access)
        let now = registry.clock.now()
        let zone = principal.state.timeZone
        return try await req.renderPage(
            "Registry/registry-new", title: "title.register",
            newPage(
                req,
                DatasetInput(
                    category: "A", reference: GeneratedReference.make(principal.state.code, at: now, in: zone),
                    eventAt: LocalDateTime.input(now, in: zone))))
    }

    func register(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        let caller = try await req.caller(.registerDataset, purpose: nil, with: access)
        let input = try req.content.decode(DatasetInput.self)
        // The form's times are local to the official's state; the typed text stays for a retry.
        var local = input
        local.eventAt = LocalDateTime.iso(input.eventAt, in: principal.state.timeZone)
        local.biometricsTakenAt = LocalDateTime.iso(input.biometricsTakenAt, in: principal.state.timeZone)
        return try await req.submitForm(field: "reference") {
            let result = try await registry.register(
                try local.validated(now: registry.clock.now()), by: caller, on: req.db)
            guard let dataset = result.dataset else {
                // B1: nothing stored, so the comparison's answer is shown on the form itself.
                return try await req.renderPage(
                    "Registry/registry-new", title: "title.register", newPage(req, input, result: result))
            }
            return try req.redirect(
                to: "/registry/datasets/\(dataset.id)",
                flash: .registered(reference: dataset.reference, candidates: result.candidates.count))
        } again: { errors, status in
            try await req.renderPage(
                "Registry/registry-new", title: "title.register", newPage(req, input, errors: errors), status: status)
        }
    }

    // MARK: Dataset and person

    struct DatasetPage: Encodable, Sendable {
        var dataset: DatasetView
        var events: [SelectOption]
        var rectifiable: [SelectOption]
        var states: [SelectOption]
        var grounds: [SelectOption]
        var canUpdate: Bool
        var isDPO: Bool
        /// What biometric data are held ("fingerprints: iso-19794-2:2005" …), and whether the
        /// caller may record them: a registrar of the dataset's state, none recorded yet.
        var biometrics: [String]
        var canCapture: Bool
        var errors: [Problem.FieldError]
    }

    func dataset(req: Request) async throws -> Response { try await datasetPage(req) }

    private func datasetPage(
        _ req: Request, errors: [Problem.FieldError] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.webPrincipal()
        let caller = try await req.caller(.readRegistry, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        let dataset = try await registry.dataset(id, by: caller, on: req.db)
        let events = RegistryEventKind.allCases.filter { Policy.mayRecord($0, principal) }
        let held = try await registry.biometricsHeld(of: id, on: req.db)
        let page = DatasetPage(
            dataset: try await registry.view(dataset, on: req.db),
            events: events.map {
                .init(
                    value: $0.rawValue, label: "\(req.words.label(.code, $0.rawValue)) (\($0.citation))",
                    selected: false)
            },
            rectifiable: DatasetInput.rectifiableFields.keys.sorted().map {
                .init(value: $0, label: req.words.label(.field, $0), selected: false)
            },
            states: MemberState.allCases.map {
                .init(value: $0.code, label: req.words.label(.state, $0.code), selected: false)
            },
            grounds: Self.grounds.map { .init(value: $0, label: req.words("ground.\($0)"), selected: false) },
            canUpdate: !events.isEmpty && !dataset.isRestricted, isDPO: caller.purpose == .dataSubjectRequest,
            biometrics: held,
            canCapture: held.filter { !$0.hasPrefix("image") }.isEmpty && !dataset.isRestricted
                && !access.policy.purposes(of: principal, for: .registerDataset).isEmpty,
            errors: errors)
        return try await req.renderPage(
            "Registry/dataset", title: "title.dataset", titleValues: [String(dataset.reference)], page, status: status)
    }

    /// A security flag's grounds (EDAC Art 17(2)(i)) and an unmarking's (Art 31(3)), worded
    /// by the catalogue's `ground.<value>`.
    static let grounds: [String] =
        SecurityFlagGround.allCases.map(\.rawValue) + UnmarkGround.allCases.map(\.rawValue)

    /// The capture form's files: a fingerprint record, a face template (values separated by
    /// commas) with its model, an image. A file input left empty sends an empty part.
    struct BiometricsForm: Content {
        var fingerprints: File?
        var face: File?
        var faceModel: String?
        var image: File?
    }

    func biometrics(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.registerDataset, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        let form = try req.content.decode(BiometricsForm.self)
        func bytes(_ file: File?) -> Data? {
            file.flatMap { $0.data.readableBytes > 0 ? Data($0.data.readableBytesView) : nil }
        }
        let image = bytes(form.image)
        let input = BiometricsInput(
            fingerprints: bytes(form.fingerprints)?.base64EncodedString(),
            face: bytes(form.face).map {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            },
            faceModel: form.faceModel, image: image?.base64EncodedString(),
            imageFormat: image.map { _ in form.image?.contentType?.serialize() ?? "application/octet-stream" })
        return try await req.submitForm(field: "fingerprints") {
            let result = try await registry.recordBiometrics(
                try input.validated(dimension: registry.settings.faceDimension), dataset: id, by: caller, on: req.db)
            return try req.redirect(
                to: "/registry/datasets/\(id)",
                flash: .biometricsRecorded(stored: result.stored, candidates: result.candidates.count))
        } again: { errors, status in
            try await datasetPage(req, errors: errors, status: status)
        }
    }

    func event(req: Request) async throws -> Response {
        let principal = try req.webPrincipal()
        let caller = try await req.caller(.updateDataset, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        var input = try req.content.decode(DatasetEventInput.self)
        input.at = LocalDateTime.iso(input.at, in: principal.state.timeZone)
        let result = try await registry.record(input, on: id, by: caller, on: req.db)
        if result.erased { return try req.redirect(to: "/registry", flash: .datasetErased) }
        return try req.redirect(to: "/registry/datasets/\(id)", flash: .noticesSent(result.notices))
    }

    func rectify(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        _ = try await registry.rectify(
            try req.content.decode(RectificationInput.self), dataset: id, by: caller, on: req.db)
        return try req.redirect(to: "/registry/datasets/\(id)", flash: .rectified)
    }

    func restrict(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        _ = try await registry.restrict(
            try req.content.decode(RestrictionInput.self), dataset: id, by: caller, on: req.db)
        return try req.redirect(to: "/registry/datasets/\(id)", flash: .restrictionChanged)
    }

    struct PersonPage: Encodable, Sendable {
        var person: PersonView
        var isDPO: Bool
    }

    func person(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.readRegistry, purpose: nil, with: access)
        let person = try await registry.person(try req.uuidParameter("id"), by: caller, on: req.db)
        return try await req.renderPage(
            "Registry/person", title: "title.person",
            PersonPage(person: person, isDPO: caller.purpose == .dataSubjectRequest)
        )
    }

    func export(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        let export = try await registry.export(person: try req.uuidParameter("id"), by: caller, on: req.db)
        return try await req.renderPage("Registry/export", title: "title.export", export)
    }

    /// The same export as a JSON file to hand over (EDAC Art 43; GDPR Art 15(3)), from the
    /// signed-in session, so that the browser downloads it rather than meeting the API's 401.
    func exportFile(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.exerciseDataSubjectRights, purpose: nil, with: access)
        let id = try req.uuidParameter("id")
        let export = try await registry.export(person: id, by: caller, on: req.db)
        let response = try await export.encodeResponse(for: req)
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"pactum-person-\(id.uuidString.lowercased()).json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    // MARK: Worklist, inbox

    struct WorklistPage: Encodable, Sendable {
        var items: [WorklistItem]
        var total: Int
        var categories: [SelectOption]
        var statuses: [SelectOption]
        var pagination: Pagination?
        var errors: [Problem.FieldError]
    }

    func worklist(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.readRegistry, purpose: nil, with: access)
        // A filter that does not read is shown as an error over the unfiltered list.
        var query = TransmissionListQuery()
        var errors: [Problem.FieldError] = []
        do {
            query = try TransmissionListQuery(try req.query.decode(TransmissionListQuery.Raw.self))
        } catch let invalid as InvalidInput {
            errors = invalid.errors
        }
        let all = try await registry.worklist(by: caller, on: req.db).filter(query.matches)
        let size = TransmissionListQuery.pageSize
        let w = req.words
        return try await req.renderPage(
            "Registry/worklist", title: "title.worklist",
            WorklistPage(
                items: Array(all.dropFirst((query.page - 1) * size).prefix(size)), total: all.count,
                categories: EurodacCategory.allCases.map {
                    .init(
                        value: $0.rawValue, label: "\($0.rawValue): \(w.label(.code, $0.rawValue))",
                        selected: $0 == query.category)
                },
                statuses: TransmissionListQuery.statuses.map {
                    .init(value: $0.rawValue, label: w.label(.clock, $0.rawValue), selected: $0 == query.status)
                },
                pagination: Pagination(page: query.page, size: size, total: all.count, href: query.href),
                errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func inbox(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.readNotices, purpose: nil, with: access)
        let notices = try await registry.inbox(by: caller, on: req.db)
        return try await req.renderPage("Registry/inbox", title: "title.inbox", ["notices": notices])
    }

    func receipt(req: Request) async throws -> Response {
        _ = try req.webPrincipal()
        let caller = try await req.caller(.readNotices, purpose: nil, with: access)
        _ = try await registry.acknowledge(try req.uuidParameter("id"), by: caller, on: req.db)
        return try req.redirect(to: "/registry/inbox", flash: .noticeAcknowledged)
    }
}
