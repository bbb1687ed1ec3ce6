import Foundation
import PactumIdentity
import PactumLaw

/// The one place that turns Pactum's codes into the words a page shows: audit actions and
/// outcomes, record types, form fields, roles, Member States, clock states and any enum with a
/// title. The words are the catalogue's `<kind>.<code>` in the page's language; English falls
/// back to the enum's own title (PactumLaw keeps it, for the API and the CLI), then to the
/// code split into words. Templates reach it through `#label(kind, code)` (`LabelTag`); the
/// browser suite's page walk fails on a camelCase, kebab-case or URN string in visible text.
enum Labels {
    enum Kind: String, CaseIterable {
        case action, outcome, record, field, purpose, allegation, candidate, source, strength, code, detail, biometric,
            screening, clock, role, state, task, country, check, sex, authority
    }

    static func label(_ kind: Kind, _ code: String, _ words: Words) -> String {
        switch kind {
        case .strength: return Double(code).map { strength(probability: $0, words) } ?? code
        case .detail: return detail(code, words)
        case .biometric: return biometric(code, words)
        case .country: return country(code, words)
        case .state where words.language != .en:
            // Member State names from the Unicode CLDR data Foundation carries, in the page's language.
            if let own = words.catalogue.texts[words.language]?["state.\(code)"] { return own }
            return words.language.locale.localizedString(forRegionCode: code == "EL" ? "GR" : code)
                ?? english(.state, code) ?? code
        default: break
        }
        if let text = words.catalogue.text("\(kind.rawValue).\(code)", in: words.language) { return text }
        return english(kind, code) ?? humanised(code)
    }

    /// The English words PactumLaw's enums carry, where the catalogue has no entry of its own.
    static func english(_ kind: Kind, _ code: String) -> String? {
        switch kind {
        case .purpose: Purpose(rawValue: code)?.title
        case .allegation: AllegationStatus(rawValue: code)?.title
        case .code: codes[code]
        case .authority:
            ReceivingAuthority(rawValue: code).map {
                $0 == .asylumRegistration ? "Asylum authority" : "Return authority"
            }
        case .role: Role(rawValue: code)?.title
        case .state: MemberState(rawValue: code)?.name
        case .clock: ClockStatus(rawValue: code).map(ClockWording.label)
        default: nil
        }
    }

    /// Every code each kind names, for the catalogue test: a language must word them all.
    static var catalogued: [Kind: [String]] {
        [
            .action: AuditAction.allCases.map(\.rawValue), .outcome: AuditOutcome.allCases.map(\.rawValue),
            .purpose: Purpose.allCases.map(\.rawValue), .allegation: AllegationStatus.allCases.map(\.rawValue),
            .candidate: Candidate.Status.allCases.map(\.rawValue), .source: Candidate.Source.allCases.map(\.rawValue),
            .code: Array(codes.keys), .role: Role.allCases.map(\.rawValue),
            .clock: ClockStatus.allCases.map(\.rawValue), .screening: ["open", "due", "ended", "referred"],
            .task: ScreeningTask.Status.allCases.map(\.rawValue),
            .check: ["health", "vulnerability", "identity", "security"], .sex: ["F", "M", "X"],
            .authority: ReceivingAuthority.allCases.map(\.rawValue),
        ]
    }

    /// How strong a candidate's fused evidence is, in words.
    static func strength(probability p: Double, _ words: Words) -> String {
        switch p {
        case 0.999...: words("strength.very-strong")
        case 0.99..<0.999: words("strength.strong")
        case 0.9..<0.99: words("strength.moderate")
        default: words("strength.weak")
        }
    }

    /// One field's evidence, from its weight in bits (positive for a match, negative against).
    static func effect(bits: Double, _ words: Words) -> String {
        switch bits {
        case 4...: words("effect.strongly-for")
        case 0.5..<4: words("effect.for")
        case -0.5..<0.5: words("effect.neutral")
        case -4 ..< -0.5: words("effect.against")
        default: words("effect.strongly-against")
        }
    }

    /// The matcher's agreement levels (`MatchField.levels`) in plain words.
    static func agreement(_ level: String, _ words: Words) -> String {
        if level.hasPrefix("same phonetic key") { return words("agreement.sounds-alike") }
        if level.hasPrefix("Jaro-Winkler") {
            let threshold = Double(level.split(separator: " ").last ?? "") ?? 0
            return words(
                threshold >= 0.9
                    ? "agreement.almost-same" : threshold >= 0.8 ? "agreement.similar" : "agreement.little-alike")
        }
        return level == "exact" || level == "equal" ? words("agreement.same") : level
    }

    /// ISO/IEC 19794-2 finger positions (1 right thumb … 10 left little finger).
    static func finger(_ position: UInt8, _ words: Words) -> String {
        guard (1...10).contains(position) else { return words("finger.other", position) }
        return words("finger.\(position)")
    }

    /// "1 in 10,000": a false match rate as odds.
    static func falseMatchRate(_ fmr: Double, _ words: Words) -> String {
        let odds = fmr > 0 ? (1 / fmr).rounded() : .infinity
        return odds >= 1e9 ? words("fmr.below-billion") : words("fmr.odds", words.number(Int(odds)))
    }

    /// "fingerprints: iso-19794-2:2005" → "Fingerprints (ISO/IEC 19794-2:2005)".
    static func biometric(_ held: String, _ words: Words) -> String {
        let parts = held.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let formats = ["iso-19794-2:2005": "ISO/IEC 19794-2:2005", "ansi-nist-itl-1-2011": "ANSI/NIST-ITL 1-2011"]
        guard let kind = parts.first else { return held }
        let format = parts.count > 1 ? (formats[parts[1]] ?? parts[1]) : nil
        let name = words.catalogue.text("biometric.\(kind)", in: words.language) ?? humanised(kind)
        return name + (format.map { " (\($0))" } ?? "")
    }

    /// A country by its ICAO code ("SYR"), in the page's language from the Unicode CLDR data
    /// Foundation carries; a code CLDR does not know (XXA stateless, XXX unspecified) from the catalogue.
    static func country(_ code: String, _ words: Words) -> String {
        let upper = code.uppercased()
        if let own = words.catalogue.text("country.\(upper)", in: words.language) { return own }
        guard let alpha2 = ICAOCodes.alpha2[upper],
            let name = words.language.locale.localizedString(forRegionCode: alpha2)
        else { return code }
        return name
    }

    /// The values of Pactum's enums that pages and audit details name, by their English titles.
    /// One table for all of them, so a value two enums share must mean the same in both
    /// (`collisions` lists those that do not; a test keeps it empty).
    static let codes: [String: String] = codeTable.table

    static var collisions: [String] { codeTable.collisions }

    private static let codeTable: (table: [String: String], collisions: [String]) = {
        var all: [String: String] = [:]
        var collisions: [String] = []
        func add<E: RawRepresentable<String> & CaseIterable>(_: E.Type, _ title: (E) -> String) {
            for c in E.allCases {
                if let known = all[c.rawValue], known != title(c) { collisions.append(c.rawValue) }
                all[c.rawValue] = title(c)
            }
        }
        add(ScreeningSituation.self, \.title)
        add(ScreeningReferral.self, \.title)
        add(VulnerabilityIndicator.self, \.title)
        add(HealthCheckOutcome.self, \.title)
        add(BorderProcedureEffect.self, \.explanation)
        add(AllegationStatus.self, \.title)
        add(AllegationCategory.self, \.title)
        add(EurodacCategory.self, \.title)
        add(ResettlementOutcome.self) { humanised($0.rawValue) }
        add(RegistryEventKind.self, \.title)
        add(SecurityFlagGround.self) {
            switch $0 {
            case .armed: "armed"
            case .violent: "violent"
            case .terrorism: "terrorist offences"
            case .europeanArrestWarrantOffence: "an offence of the European arrest warrant"
            }
        }
        return (all, collisions)
    }()

    /// An audit entry's detail with the codes it names given as their words: the entry itself
    /// is hash-chained and keeps what was written.
    static func detail(_ text: String, _ words: Words) -> String {
        text.replacing(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+/) { match in
            let code = String(match.output)
            guard codes[code] != nil || words.catalogue.text("code.\(code)", in: .en) != nil else { return code }
            return "“\(label(.code, code, words))”"
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
