import Foundation
import PactumLaw

/// The one place that turns Pactum's codes into the words a page shows: audit actions and
/// outcomes, record types, form fields, and any enum with a title. Templates reach it through
/// `#label(kind, code)` (`LabelTag`); no code reaches a page unlabelled (the browser suite's
/// page walk fails on a camelCase, kebab-case or URN string in visible text).
enum Labels {
    enum Kind: String, CaseIterable {
        case action, outcome, record, field, purpose, allegation, candidate, source, strength, code, detail, biometric,
            screening
    }

    static func label(_ kind: Kind, _ code: String) -> String {
        switch kind {
        case .action: AuditAction(rawValue: code).map(action) ?? humanised(code)
        case .outcome: AuditOutcome(rawValue: code).map(outcome) ?? humanised(code)
        case .record: records[code] ?? humanised(code)
        case .field: fields[code] ?? humanised(code)
        case .purpose: Purpose(rawValue: code)?.title ?? humanised(code)
        case .allegation: AllegationStatus(rawValue: code)?.title ?? humanised(code)
        case .candidate: Candidate.Status(rawValue: code).map(candidate) ?? humanised(code)
        case .source: Candidate.Source(rawValue: code).map(source) ?? humanised(code)
        case .strength: Double(code).map { strength(probability: $0) } ?? code
        case .code: codes[code] ?? humanised(code)
        case .detail: detail(code)
        case .biometric: biometric(code)
        case .screening: screeningStatus[code] ?? humanised(code)
        }
    }

    static func action(_ a: AuditAction) -> String {
        switch a {
        case .login: "Signed in"
        case .logout: "Signed out"
        case .tokenIssue: "API token issued"
        case .tokenRevoke: "API token revoked"
        case .passwordChange: "Password changed"
        case .accountRead: "Own account read"
        case .userCreate: "User created"
        case .userUnlock: "User unlocked"
        case .userList: "Users listed"
        case .auditRead: "Audit trail read"
        case .auditVerify: "Audit chain verified"
        case .backupCreate: "Backup made"
        case .backupRestore: "Backup restored"
        case .accessDenied: "Access refused"
        case .demoLoad: "Demonstration data loaded"
        case .registryRegister: "Dataset registered"
        case .registryCompare: "Compared without storing"
        case .registrySearch: "Registry searched"
        case .registryRead: "Registry record read"
        case .registryUpdate: "Dataset updated"
        case .registryReview: "Candidate decided"
        case .registryNotice: "Notice sent"
        case .registryNoticeRead: "Notice read"
        case .registryErase: "Dataset erased"
        case .registryExport: "Data exported for the person"
        case .registryRectify: "Data rectified"
        case .registryRestrict: "Processing restricted"
        case .screeningOpen: "Screening opened"
        case .screeningRead: "Screening read"
        case .screeningRecord: "Screening check recorded"
        case .screeningSecurity: "Security check run"
        case .screeningRefer: "Screening referred"
        case .screeningErase: "Screening erased"
        case .referralRead: "Referred form read"
        case .watchlistLoad: "Watchlist loaded"
        case .monitoringRecord: "Monitoring record made"
        case .monitoringRead: "Monitoring records read"
        }
    }

    static func outcome(_ o: AuditOutcome) -> String {
        switch o {
        case .success: "Done"
        case .failure: "Failed"
        case .denied: "Refused"
        }
    }

    static func candidate(_ s: Candidate.Status) -> String {
        switch s {
        case .pending: "Waiting for verification"
        case .confirmed: "Confirmed hit"
        case .falseHit: "False hit"
        case .referred: "Referred for a fingerprint comparison"
        case .dismissed: "Set aside: another person"
        }
    }

    static func source(_ s: Candidate.Source) -> String {
        switch s {
        case .biographic: "Names and dates only"
        case .fingerprints: "Fingerprints"
        case .face: "Facial image"
        }
    }

    /// How strong a candidate's fused evidence is, in words.
    static func strength(probability p: Double) -> String {
        switch p {
        case 0.999...: "very strong evidence"
        case 0.99..<0.999: "strong evidence"
        case 0.9..<0.99: "moderate evidence"
        default: "weak evidence"
        }
    }

    /// One field's evidence, from its weight in bits (positive for a match, negative against).
    static func effect(bits: Double) -> String {
        switch bits {
        case 4...: "strongly for"
        case 0.5..<4: "for"
        case -0.5..<0.5: "neutral"
        case -4 ..< -0.5: "against"
        default: "strongly against"
        }
    }

    /// The matcher's agreement levels (`MatchField.levels`) in plain words.
    static func agreement(_ level: String) -> String {
        if level.hasPrefix("same phonetic key") { return "sounds the same or is spelt almost the same" }
        if level.hasPrefix("Jaro-Winkler") {
            let threshold = Double(level.split(separator: " ").last ?? "") ?? 0
            return threshold >= 0.9
                ? "spelt almost the same" : threshold >= 0.8 ? "spelt similarly" : "spelt a little alike"
        }
        return level == "exact" || level == "equal" ? "the same" : level
    }

    /// ISO/IEC 19794-2 finger positions (1 right thumb … 10 left little finger).
    static func finger(_ position: UInt8) -> String {
        let names = ["thumb", "index finger", "middle finger", "ring finger", "little finger"]
        guard (1...10).contains(position) else { return "finger \(position)" }
        let i = Int(position - 1)
        return (i < 5 ? "right " : "left ") + names[i % 5]
    }

    /// "1 in 10,000": a false match rate as odds.
    static func falseMatchRate(_ fmr: Double) -> String {
        guard fmr > 0 else { return "below 1 in a billion" }
        let odds = (1 / fmr).rounded()
        return odds >= 1e9 ? "below 1 in a billion" : "1 in \(Int(odds).formatted())"
    }

    /// "fingerprints: iso-19794-2:2005" → "Fingerprints (ISO/IEC 19794-2:2005)".
    static func biometric(_ held: String) -> String {
        let parts = held.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let kinds = ["fingerprints": "Fingerprints", "face": "Facial template", "image": "Facial image"]
        let formats = ["iso-19794-2:2005": "ISO/IEC 19794-2:2005", "ansi-nist-itl-1-2011": "ANSI/NIST-ITL 1-2011"]
        guard let kind = parts.first else { return held }
        let format = parts.count > 1 ? (formats[parts[1]] ?? parts[1]) : nil
        return (kinds[kind] ?? humanised(kind)) + (format.map { " (\($0))" } ?? "")
    }

    /// `ScreeningCase.status(now:)`.
    static let screeningStatus = [
        "open": "In progress", "due": "Less than a day left", "ended": "Limit passed: refer now",
        "referred": "Referred",
    ]

    /// The records the audit trail names.
    static let records: [String: String] = [
        "audit-trail": "Audit trail", "user": "User account", "citizenship": "Citizenship",
        "registry.dataset": "Eurodac dataset", "registry.candidate": "Identification candidate",
        "registry.notice": "Notice", "registry.inbox": "Inbox", "registry.person": "Person",
        "registry.search": "Registry search", "registry.update": "Dataset update",
        "registry.worklist": "Transmission worklist", "screening": "Screening",
        "screening.representative": "Representative", "screening.representatives": "Representatives",
        "screening.watchlist": "Watchlist", "screening.worklist": "Screening worklist", "monitoring": "Monitoring",
        "monitoring.allegation": "Allegation", "monitoring.spot-check": "Spot check",
        "monitoring.report": "Annual monitoring report",
    ]

    /// Form fields whose name, split into words, would not say what they hold.
    static let fields: [String: String] = [
        "eventAt": "Date and time of the event", "startedAt": "Start of the screening", "dateOfBirth": "Date of birth",
        "givenNames": "Given names", "familyNames": "Family names", "namesAtBirth": "Names at birth",
        "otherNames": "Other names", "placeOfBirth": "Place of birth", "documentType": "Travel document type",
        "documentNumber": "Travel document number", "documentCountry": "Country that issued the document",
        "documentExpiry": "Document expiry date", "mrz": "Machine-readable zone", "screeningId": "Screening",
        "faceModel": "Face template model", "fingerprints": "Fingerprint record", "reference": "Reference",
        "relocationState": "Member State of relocation", "resettlementOutcome": "Resettlement outcome",
        "eventPlace": "Place of the event", "category": "Category", "purpose": "Purpose", "sex": "Sex",
        "nationalities": "Nationalities", "givenName": "Given name", "familyName": "Family name",
        "nationality": "Nationality",
    ]

    /// The values of Pactum's enums that pages and audit details name, by their titles.
    static let codes: [String: String] = {
        var all: [String: String] = [:]
        func add<E: RawRepresentable<String> & CaseIterable>(_: E.Type, _ title: (E) -> String) {
            for c in E.allCases { all[c.rawValue] = title(c) }
        }
        add(ScreeningSituation.self, \.title)
        add(ScreeningReferral.self, \.title)
        add(VulnerabilityIndicator.self, \.title)
        add(HealthCheckOutcome.self, \.title)
        add(AllegationStatus.self, \.title)
        add(AllegationCategory.self, \.title)
        add(Candidate.Status.self, candidate)
        add(Candidate.Source.self, source)
        add(ReceivingAuthority.self) { $0 == .asylumRegistration ? "Asylum authority" : "Return authority" }
        add(SecurityFlagGround.self) {
            switch $0 {
            case .armed: "armed"
            case .violent: "violent"
            case .terrorism: "terrorist offences"
            case .europeanArrestWarrantOffence: "an offence of the European arrest warrant"
            }
        }
        return all
    }()

    /// An audit entry's detail with the codes it names given as their titles: the entry itself
    /// is hash-chained and keeps what was written.
    static func detail(_ text: String) -> String {
        text.replacing(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+/) { match in
            codes[String(match.output)].map { "“\($0)”" } ?? String(match.output)
        }
    }

    /// "dateOfBirth" → "Date of birth", "spot-check" → "Spot check": the fallback for a code
    /// no table lists yet, so that even a new one reads as words.
    static func humanised(_ code: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in code {
            if ch == "-" || ch == "_" || ch == "." || ch == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if ch.isUppercase, !current.isEmpty {
                words.append(current)
                current = String(ch).lowercased()
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current) }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
