import Fluent
import Foundation
import PactumLaw
import Vapor

/// What an event did: the dataset after it (nil once erased) and how many notices went out.
struct EventResult: Content {
    var dataset: DatasetView?
    var erased: Bool
    var notices: Int
}

extension RegistryService {
    /// Records one event on a dataset of the caller's state, with its notices, in one transaction.
    func record(_ raw: DatasetEventInput, on id: UUID, by caller: Caller, on db: any Database) async throws
        -> EventResult
    {
        let input = raw.normalized
        guard let kind = input.event.flatMap(RegistryEventKind.init(rawValue:)) else {
            throw InvalidInput([
                .init(
                    field: "event",
                    message: "must be one of: \(RegistryEventKind.allCases.map(\.rawValue).joined(separator: ", "))")
            ])
        }
        guard Policy.mayRecord(kind, caller.principal) else {
            let reason = "Your roles may not record \(kind.rawValue) (\(kind.citation))."
            try await audit.record(
                caller.draft(
                    .accessDenied, "registry.update", id, state: caller.state.code, detail: reason, outcome: .denied),
                on: db)
            throw RegistryError.eventForbidden(reason)
        }
        let now = clock.now()
        let result = try await audit.transaction(on: db) { tx in
            // Read and checked inside the transaction, which audited writes take one at a time:
            // of concurrent events that exclude each other (two flags, two marks) one is applied
            // and the others are refused with 409.
            guard let d = try await Dataset.find(id, on: tx.db), d.stateCode == caller.state.code else {
                throw RegistryError.notFound("No dataset \(id) of \(caller.state.code).")
            }
            guard !d.isRestricted else {
                throw RegistryError.restricted("The dataset is restricted (EDAC Art 43; GDPR Art 18).")
            }
            let change = try await apply(kind, input, to: d, on: tx.db)
            var sent = 0
            if kind.notifies {
                sent = try await send(
                    kind: kind.rawValue, about: d, to: try await holders(of: d, on: tx.db), by: caller, tx: tx,
                    message:
                        "\(d.stateCode): \(kind.title)\(change.map { " (\($0))" } ?? ""). \(Self.instruction(kind))",
                    citation: kind.citation)
            }
            if kind == .citizenship {
                try await erase(
                    d, reason: "citizenship acquired (EDAC Art 30(1))",
                    draft: caller.draft(
                        .registryErase, "registry.dataset", d.id, state: d.stateCode, detail: "citizenship"),
                    tx: tx)
                return EventResult(dataset: nil, erased: true, notices: sent)
            }
            d.updatedAt = now
            try await d.update(on: tx.db)
            try await tx.append(
                caller.draft(
                    .registryUpdate, "registry.dataset", d.id, state: d.stateCode,
                    detail: kind.rawValue + (sent > 0 ? "; \(sent) notices" : "")))
            return EventResult(dataset: try await view(d, on: tx.db), erased: false, notices: sent)
        }
        if result.erased { try await afterErasure(on: db) }
        return result
    }

    /// Checks the event against the dataset and the law and applies it to the model (not yet
    /// saved) and to its clocks. Returns what changed, for the notice (a state code or a date;
    /// never a name).
    private func apply(_ kind: RegistryEventKind, _ input: DatasetEventInput, to d: Dataset, on db: any Database)
        async throws -> String?
    {
        let category = try d.readCategory()
        let state = try d.memberState()
        let now = clock.now()
        func refuse(_ detail: String) -> RegistryError {
            RegistryError.eventNotAllowed(detail)
        }
        func field(_ name: String, _ message: String) -> InvalidInput {
            InvalidInput([.init(field: name, message: message)])
        }
        func memberState() throws -> MemberState {
            guard let state = input.state.flatMap({ MemberState(rawValue: $0.uppercased()) }) else {
                throw field("state", "must be the code of a Member State or associated state (DE, IT …)")
            }
            return state
        }
        func day() throws -> CivilDate {
            guard let day = input.date.flatMap(CivilDate.init(iso:)) else { throw field("date", "must be YYYY-MM-DD") }
            guard day <= law.calculator(for: state).localDay(of: now) else {
                throw field("date", "is in the future")
            }
            return day
        }
        func instant() throws -> Date {
            guard let at = input.at.flatMap({ try? Date($0, strategy: .iso8601) }) else {
                throw field("at", "must be a date and time (ISO 8601)")
            }
            guard at <= now else { throw field("at", "is in the future") }
            return at
        }
        switch kind {
        case .transmit:
            guard d.transmittedAt == nil else { throw refuse("The biometric data were transmitted already.") }
            try await recordTransmission(d, takenAt: input.at == nil ? now : try instant(), now: now, on: db)
            return nil
        case .extendTransmission:
            let running = try await transmissionClock(of: try d.requireID(), on: db)
            guard d.transmittedAt == nil, running.variant == nil, running.rule != "EDAC-RETAKE" else {
                throw refuse("Only an open transmission limit can be extended, once, by at most 48 hours.")
            }
            guard let grounds = input.reason, !grounds.isEmpty else {
                throw field("reason", "must describe the technical problem")
            }
            try await extendTransmissionClock(running, grounds: grounds, on: db)
            return nil
        case .retake:
            let at = try instant()
            let id = try d.requireID()
            d.transmittedAt = nil
            d.eraseOn = nil
            try await clocks.stop(record: id, rules: [RetentionClocks.datasetRule], event: "retake", at: now, on: db)
            try await clocks.stop(
                record: id, rules: EurodacCategory.transmissionRules, event: LegalClock.replaced, at: now, on: db)
            try await startTransmissionClock(d, from: at, rule: "EDAC-RETAKE", on: db)
            return nil
        case .markProtection:
            guard category.allowsProtectionMark else {
                throw refuse("Only applicants' data are marked (EDAC Art 31(1)).")
            }
            guard d.protectionMarkedAt == nil else { throw refuse("The dataset is marked already.") }
            d.protectionMarkedAt = now
            return nil
        case .unmarkProtection:
            guard d.protectionMarkedAt != nil else { throw refuse("The dataset is not marked.") }
            guard let ground = input.ground.flatMap(UnmarkGround.init(rawValue:)) else {
                throw field("ground", "must be QR-14 or QR-19: status withdrawn under QR Art 14 or 19 (EDAC Art 31(3))")
            }
            d.protectionMarkedAt = nil
            return ground.rawValue
        case .markResidence:
            guard category.allowsResidenceMark else {
                throw refuse("Residence-document marks apply to categories D, E and F (EDAC Art 31(4),(5)).")
            }
            guard d.residenceMarkedAt == nil else { throw refuse("The dataset is marked already.") }
            d.residenceMarkedAt = now
            return nil
        case .flagSecurity:
            guard category.allowsSecurityFlag else {
                throw refuse("A security flag is recorded for categories A, D, E and F only (EDAC Art 17(2)(i)).")
            }
            guard d.securityFlag == nil else { throw refuse("The dataset is flagged already.") }
            guard let ground = input.ground.flatMap(SecurityFlagGround.init(rawValue:)) else {
                throw field(
                    "ground",
                    "must be one of: \(SecurityFlagGround.allCases.map(\.rawValue).joined(separator: ", ")) (EDAC Art 17(2)(i))"
                )
            }
            d.securityFlag = ground.rawValue
            return nil
        case .unflagSecurity:
            guard d.securityFlag != nil else { throw refuse("The dataset has no security flag.") }
            guard !(input.reason ?? "").isEmpty else {
                throw field("reason", "must say why the threat has ceased (EDAC Art 17(4))")
            }
            d.securityFlag = nil
            return nil
        case .responsibleState:
            guard category.allowsResponsibility else { throw refuse("Recorded for applicants only (EDAC Art 16(1)).") }
            let state = try memberState()
            d.responsibleState = state.code
            return state.code
        case .relocationState:
            guard category.allowsDepartureAndRemoval else {
                throw refuse("Recorded for categories A, D, E and F only (EDAC Art 25).")
            }
            let state = try memberState()
            d.relocationState = state.code
            return state.code
        case .transferArrival:
            guard category.allowsResponsibility else { throw refuse("Recorded for applicants only (EDAC Art 16(2)).") }
            d.transferArrival = try day().description
            return d.transferArrival
        case .departure, .removal:
            guard category.allowsDepartureAndRemoval else {
                throw refuse("Recorded for categories A, D, E and F only (EDAC Art 16(3),(4)).")
            }
            let date = try day().description
            if kind == .departure { d.departureDate = date } else { d.removalDate = date }
            return date
        case .citizenship:
            return try memberState().code
        }
    }

    /// What the receiving state is to do.
    private static func instruction(_ kind: RegistryEventKind) -> String {
        switch kind {
        case .markProtection, .markResidence: "Mark your dataset of the person."
        case .unmarkProtection: "Unmark your dataset of the person."
        case .unflagSecurity: "Delete the security flag of your dataset of the person."
        case .citizenship: "The dataset was erased; erase yours if the person became a citizen of your state."
        default: "Update your records of the person."
        }
    }

    /// The datasets other Member States hold of the same person (confirmed hits joined them).
    func holders(of d: Dataset, on db: any Database) async throws -> [Dataset] {
        try await Dataset.query(on: db).filter(\.$person.$id == d.$person.id).filter(\.$stateCode != d.stateCode).all()
    }

    /// Sends one notice per recipient dataset, each audited; returns how many.
    @discardableResult
    func send(
        kind: String, about d: Dataset, to recipients: [Dataset], by caller: Caller?, tx: AuditTransaction,
        message: String, citation: String
    ) async throws -> Int {
        for recipient in recipients {
            let notice = try await exchange.send(
                RegistryNotice(kind: kind, message: message, citation: citation), from: try d.memberState(),
                to: try recipient.memberState(),
                about: MessageSubject(type: "registry.dataset", id: recipient.id, reference: recipient.reference),
                on: tx.db)
            // Delivered in the sending transaction: the central system passed it on in time.
            let limit = try await clocks.start(try RegistryNotice.clock(for: notice, law: law), on: tx.db)
            try await clocks.stop(record: limit.recordID, event: "delivered", at: notice.sentAt, on: tx.db)
            let draft =
                caller?.draft(.registryNotice, "registry.notice", notice.id, state: recipient.stateCode, detail: kind)
                ?? AuditDraft(
                    actor: "system:registry", action: .registryNotice,
                    record: AuditRecord(type: "registry.notice", id: notice.id?.uuidString, state: notice.receiver),
                    detail: kind)
            try await tx.append(draft)
        }
        return recipients.count
    }

    /// Notices as the inbox, the person page and the export show them, with their limits.
    func noticeViews(_ messages: [ExchangeMessage], on db: any Database) async throws -> [NoticeView] {
        let limits = try await clocks.clocks(records: try messages.map { try $0.requireID() }, on: db)
        return try messages.map { m in
            guard let limit = limits[try m.requireID()]?.first else {
                throw StorageFault(description: "notice \(m.id?.uuidString ?? "") has no EDAC-NOTICE clock")
            }
            return try NoticeView(m, limit: limit)
        }
    }

    /// The inbox of a Member State, newest first.
    func inbox(by caller: Caller, on db: any Database) async throws -> [NoticeView] {
        let notices = try await exchange.inbox(.registryNotice, of: caller.state, limit: 500, on: db)
        try await audit.record(
            caller.draft(
                .registryNoticeRead, "registry.inbox", nil, state: caller.state.code, detail: "\(notices.count) notices"
            ),
            on: db)
        return try await noticeViews(notices, on: db)
    }

    /// The receipt of a notice (DESIGN.md: a notice is immutable, with a receipt).
    func acknowledge(_ id: UUID, by caller: Caller, on db: any Database) async throws -> NoticeView {
        guard let notice = try await exchange.received(id, .registryNotice, by: caller.state, on: db) else {
            throw RegistryError.notFound("No notice \(id) for \(caller.state.code).")
        }
        guard notice.acknowledgedAt == nil else { return try await noticeViews([notice], on: db)[0] }
        // The first receipt is kept: read again inside the transaction, so that of concurrent
        // receipts one writes and the others answer what it wrote.
        return try await audit.transaction(on: db) { tx in
            guard let current = try await exchange.received(id, .registryNotice, by: caller.state, on: tx.db) else {
                throw RegistryError.notFound("No notice \(id) for \(caller.state.code).")
            }
            if try await exchange.acknowledge(current, official: caller.principal.email, on: tx.db) {
                try await tx.append(
                    caller.draft(.registryNoticeRead, "registry.notice", id, state: current.receiver.code))
            }
            return try await noticeViews([current], on: tx.db)[0]
        }
    }
}
