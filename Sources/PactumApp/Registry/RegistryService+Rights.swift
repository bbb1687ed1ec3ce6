import Fluent
import Foundation
import PactumLaw
import Vapor

/// A rectification as the DPO sends it.
struct RectificationInput: Content, JSONRequestBody {
    var field: String?
    var value: String?
    var reason: String?

    static let fields: [BodyField] = [.string("field"), .string("value", required: false), .string("reason")]
}

/// A restriction or its lifting.
struct RestrictionInput: Content, JSONRequestBody {
    var restricted: String?
    var reason: String?

    static let fields: [BodyField] = [.string("restricted"), .string("reason")]
}

/// The data-subject rights of EDAC Art 43, exercised by the data-protection officer of the
/// state that holds the data.
/// Data of another capability that the person's export includes with the datasets they
/// follow (a screening whose biometric registration is the dataset, SCR Arts 15, 17), read and
/// audited in the export's transaction.
protocol ExportFollower: Sendable {
    func screenings(following datasets: [UUID], by caller: Caller, tx: AuditTransaction) async throws
        -> [ScreeningForm]
}

extension RegistryService {
    /// Everything the caller's state holds about a person: its datasets (with flags and the
    /// transmitting state), the hits, the notices it received and the rectification history.
    func export(person id: UUID, by caller: Caller, on db: any Database) async throws -> DataSubjectExport {
        let datasets = try await Dataset.query(on: db).filter(\.$person.$id == id).filter(
            \.$stateCode == caller.state.code
        )
        .all()
        guard !datasets.isEmpty else {
            throw RegistryError.notFound("No person \(id) with datasets of \(caller.state.code).")
        }
        let ids = try datasets.map { try $0.requireID() }
        let hits = try await Candidate.query(on: db).filter(\.$probeID ~~ ids)
            .filter(\.$status == .confirmed).all()
        // A hit between two datasets of the caller's own state is already among `datasets`.
        let others = Set(hits.map(\.matchID)).subtracting(ids)
        let matched = try await Dataset.query(on: db).filter(\.$id ~~ Array(others)).all()
        let byID = Dictionary(
            (datasets + matched).compactMap { d in d.id.map { ($0, d) } }, uniquingKeysWith: { first, _ in first })
        let notices = try await noticeViews(try await exchange.messages(about: ids, on: db), on: db)
        let history = try await Rectification.query(on: db).filter(\.$datasetID ~~ ids).sort(\.$at).all()
        let biometrics = try await Biometric.query(on: db).filter(\.$datasetID ~~ ids).sort(\.$createdAt).all()
        let followed = try await audit.transaction(on: db) { tx in
            try await tx.append(
                caller.draft(
                    .registryExport, "registry.person", id, state: caller.state.code,
                    detail: "\(datasets.count) datasets"))
            // The hits show what other states hold: reads of their data.
            for d in matched {
                try await tx.append(caller.draft(.registryRead, "registry.dataset", d.id, state: d.stateCode))
            }
            var screenings: [ScreeningForm] = []
            for follower in exportFollowers {
                screenings += try await follower.screenings(following: ids, by: caller, tx: tx)
            }
            return screenings
        }
        return DataSubjectExport(
            person: id, state: caller.state.code, exportedAt: clock.now(),
            controllerNote:
                "Data held by \(caller.state.name) in the identity registry under Regulation (EU) 2024/1358, with the hits, notices, rectifications and screenings that concern them (EDAC Art 43; SCR Art 17).",
            datasets: try await views(datasets, on: db),
            biometrics: biometrics.map {
                BiometricRecordView(
                    datasetId: $0.datasetID, kind: $0.kind, format: $0.format, bytes: $0.data.count,
                    recordedAt: $0.createdAt)
            },
            hits: try hits.map { try Self.view($0, probe: byID[$0.probeID], match: byID[$0.matchID]) },
            notices: notices, rectifications: history.map(RectificationView.init), screenings: followed)
    }

    /// Corrects one field with its history (GDPR Art 16); the states holding the person are told
    /// (GDPR Art 19) and the index follows.
    func rectify(_ input: RectificationInput, dataset id: UUID, by caller: Caller, on db: any Database)
        async throws -> DatasetView
    {
        guard let d = try await Dataset.find(id, on: db), d.stateCode == caller.state.code else {
            throw RegistryError.notFound("No dataset \(id) of \(caller.state.code).")
        }
        guard let reason = input.reason.given else {
            throw InvalidInput([.init(field: "reason", message: "is required")])
        }
        // Re-validate the whole dataset with the new value, so that a rectification can never
        // store what a registration would refuse.
        var draft = DatasetInput(d)
        let field = input.field ?? ""
        let value = input.value.given
        guard let path = DatasetInput.rectifiableFields[field] else {
            throw InvalidInput([
                .init(
                    field: "field",
                    message: "must be one of: \(DatasetInput.rectifiableFields.keys.sorted().joined(separator: ", "))")
            ])
        }
        let old = draft[keyPath: path]
        draft[keyPath: path] = value
        let valid: ValidDataset
        do { valid = try draft.validated(now: clock.now()) } catch let invalid as InvalidInput {
            // Name the field as the DPO sent it: "value" carries it.
            throw InvalidInput(invalid.errors.map { .init(field: "value", message: "\($0.field) \($0.message)") })
        }
        d.apply(valid)
        let now = clock.now()
        try await audit.transaction(on: db) { tx in
            let entry = Rectification()
            entry.datasetID = id
            entry.field = field
            entry.oldValue = old
            entry.newValue = value
            entry.reason = reason
            entry.byUser = caller.principal.email
            entry.at = now
            try await entry.create(on: tx.db)
            d.updatedAt = now
            try await d.update(on: tx.db)
            try await RegistryChange.record(id, at: now, origin: feed.node, on: tx.db)
            try await tx.append(
                caller.draft(.registryRectify, "registry.dataset", id, state: d.stateCode, detail: field))
            try await send(
                kind: "rectification", about: d, to: try await holders(of: d, on: tx.db), by: caller, tx: tx,
                message:
                    "\(d.stateCode) rectified its dataset of the person (\(field)). Check your dataset of the person.",
                citation: "EDAC Art 43; GDPR Arts 16, 19")
        }
        try await feed.catchUp(on: db)
        return try await view(d, on: db)
    }

    /// Restricts processing (GDPR Art 18) or lifts the restriction. A restricted dataset is kept
    /// but leaves the index: no identification, search or update reaches it.
    func restrict(_ input: RestrictionInput, dataset id: UUID, by caller: Caller, on db: any Database)
        async throws -> DatasetView
    {
        guard let d = try await Dataset.find(id, on: db), d.stateCode == caller.state.code else {
            throw RegistryError.notFound("No dataset \(id) of \(caller.state.code).")
        }
        var check = FieldValidator()
        let restricted = input.restricted.flatMap { ["true": true, "false": false][$0.lowercased()] }
        check.require(restricted != nil, "restricted", "must be true or false")
        let reason = input.reason.given ?? ""
        check.require(!reason.isEmpty, "reason", "is required")
        try check.throwIfInvalid()
        try await audit.transaction(on: db) { tx in
            d.restrictionReason = restricted! ? reason : nil
            d.updatedAt = clock.now()
            try await d.update(on: tx.db)
            try await RegistryChange.record(id, at: d.updatedAt, origin: feed.node, on: tx.db)
            try await tx.append(
                caller.draft(
                    .registryRestrict, "registry.dataset", id, state: d.stateCode,
                    detail: restricted! ? "restricted" : "restriction lifted"))
        }
        try await feed.catchUp(on: db)
        return try await view(d, on: db)
    }
}

extension DatasetInput {
    /// The fields a data-protection officer may rectify: the alphanumeric data of EDAC Art
    /// 17(1)(c)-(j), not the dates and clocks that record what the authority did.
    static let rectifiableFields: [String: WritableKeyPath<DatasetInput, String?>] = [
        "givenNames": \.givenNames, "familyNames": \.familyNames, "namesAtBirth": \.namesAtBirth,
        "otherNames": \.otherNames, "nationalities": \.nationalities, "dateOfBirth": \.dateOfBirth,
        "placeOfBirth": \.placeOfBirth, "sex": \.sex, "documentType": \.documentType,
        "documentNumber": \.documentNumber, "documentCountry": \.documentCountry, "documentExpiry": \.documentExpiry,
    ]

    /// The stored dataset as a registration, to re-validate after a change.
    init(_ d: Dataset) {
        self.init(
            category: d.category, reference: d.reference, givenNames: d.bio.givenNames, familyNames: d.bio.familyNames,
            namesAtBirth: d.bio.namesAtBirth, otherNames: d.bio.otherNames, nationalities: d.bio.nationalities,
            dateOfBirth: d.bio.dateOfBirth, ageUnclear: nil, placeOfBirth: d.bio.placeOfBirth, sex: d.bio.sex,
            documentType: d.bio.documentType, documentNumber: d.bio.documentNumber,
            documentCountry: d.bio.documentCountry,
            documentExpiry: d.bio.documentExpiry, eventPlace: d.eventPlace, eventAt: d.eventAt.iso,
            resettlementOutcome: d.resettlementOutcome, protectionDecisionDate: d.protectionDecisionDate,
            biometricsTakenAt: nil)
    }
}

extension Dataset {
    /// Takes over the alphanumeric data of a validated registration.
    func apply(_ v: ValidDataset) {
        bio.givenNames = v.givenNames
        bio.familyNames = v.familyNames
        bio.namesAtBirth = v.namesAtBirth
        bio.otherNames = v.otherNames
        bio.nationalities = v.nationalities
        bio.dateOfBirth = v.dateOfBirth
        bio.placeOfBirth = v.placeOfBirth
        bio.sex = v.sex
        bio.documentType = v.documentType
        bio.documentNumber = v.documentNumber
        bio.documentCountry = v.documentCountry
        bio.documentExpiry = v.documentExpiry
    }
}
