/// One criterion as the engine weighed it.
public struct CriterionResult: Sendable, Codable, Equatable {
    public var criterion: String
    public var title: String
    public var citation: String
    public var applies: Bool
    /// The state the criterion points to, when it applies.
    public var state: String?
    public var reason: String
}

/// Which Member State is responsible, by which criterion, and why.
public struct ResponsibilityDecision: Sendable, Codable, Equatable {
    /// Nil when the facts leave it to a judgement the engine cannot make (best interests).
    public var responsibleState: String?
    public var decidedBy: String?
    public var citation: String?
    /// Every criterion in the order of AMMR Art 24, with why it did or did not apply.
    public var considered: [CriterionResult]
    /// What must still be proven for the answer to hold.
    public var missingEvidence: [String]
    /// AMMR, or Dublin III for applications registered before 1 July 2026 (AMMR Art 84(2)).
    public var framework: String
    public var notes: [String]
}

/// A fact that cannot be used, named by its JSON path.
public struct FactError: Error, Sendable, Codable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Errors in a facts document.
public struct InvalidFacts: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [FactError]

    public init(errors: [FactError]) { self.errors = errors }
    public var description: String { errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}
