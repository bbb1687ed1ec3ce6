/// Readings the texts leave open, as named settings (docs/LAW.md).
public struct ResponsibilitySettings: Sendable, Codable, Equatable {
    /// How a family member or relative of an unaccompanied minor who is themselves an applicant
    /// counts under AMMR Art 25(2),(3) ("legally present"; Dublin III Art 8).
    public enum ApplicantPresence: String, Sendable, Codable, CaseIterable {
        /// Not decided by the engine: the answer stays open and asks for the evidence.
        case askForEvidence = "ask-for-evidence"
        /// An applicant allowed to remain (APR Art 10) is legally present.
        case legallyPresent = "legally-present"
    }

    /// AMMR Art 2(15) asks for "at least one academic year" of study; read as this many months.
    public var minimumStudyMonths: Int
    public var applicantPresence: ApplicantPresence

    public init(minimumStudyMonths: Int = 9, applicantPresence: ApplicantPresence = .askForEvidence) {
        self.minimumStudyMonths = minimumStudyMonths
        self.applicantPresence = applicantPresence
    }
}

/// Which regulation's criteria decide (AMMR Art 84(2)).
public enum ResponsibilityFramework: String, Sendable, Codable {
    case ammr = "Regulation (EU) 2024/1351 (AMMR)"
    case dublinIII = "Regulation (EU) No 604/2013 (Dublin III)"

    /// A criterion's id, citation and short reference in this framework, from the article
    /// numbers of the AMMR and of Dublin III.
    func article(_ ammr: String, _ dublin: String) -> Article {
        switch self {
        case .ammr:
            Article(id: "AMMR-\(ammr)", citation: "Regulation (EU) 2024/1351, Art. \(ammr)", short: "AMMR Art \(ammr)")
        case .dublinIII:
            Article(
                id: "D3-\(dublin)", citation: "Regulation (EU) No 604/2013, Art. \(dublin)",
                short: "Dublin III Art \(dublin)")
        }
    }

    struct Article {
        var id: String
        var citation: String
        var short: String
    }
}

/// Applies the criteria of AMMR Part III in the order of Art 24, with the security override
/// (Art 16(4)), dependent persons (Art 34), the fallback (Art 16(2)) and the determining state
/// (Art 16(3)); or, for applications registered before 1 July 2026, those of Dublin III
/// (Regulation (EU) No 604/2013, Arts 3(2), 7-16), as AMMR Art 84(2) requires.
public struct ResponsibilityEngine: Sendable {
    public let settings: ResponsibilitySettings

    public init(settings: ResponsibilitySettings = ResponsibilitySettings()) { self.settings = settings }

    static let relations = [
        "spouse", "partner", "child", "parent", "responsible-adult", "sibling", "relative", "adult-child",
    ]
    static let statuses = ["beneficiary", "former-beneficiary", "long-term-resident", "applicant", "legally-present"]

    public func decide(_ facts: ResponsibilityFacts) throws -> ResponsibilityDecision {
        let input = try Validated(facts)
        var run = Run(facts: facts, input: input, settings: settings)
        if input.framework == .ammr { run.securityOverride() }
        if run.open {
            if input.isUnaccompaniedMinor {
                // AMMR Art 25(1), Dublin III Art 8: only the minors' criteria, in their order.
                run.unaccompaniedMinor()
            } else {
                for criterion in Run.adultCriteria(input.framework) where run.open { criterion(&run) }
                if run.open { run.fallback() }
            }
        }
        if run.open { run.determiningStateResponsible() }
        return run.decision
    }
}
