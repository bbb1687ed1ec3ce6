/// One link of the chain: a limit, when it ran out, and what happened.
public struct DublinStep: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Done within the limit.
        case met
        /// Done after the limit.
        case late
        /// Not done, and the limit has passed.
        case missed
        /// Not done yet, and the limit has not passed.
        case pending
        /// No reply within the limit: that silence is the acceptance or the confirmation.
        case tacit
        /// The clock does not run yet (an appeal with suspensive effect, a crisis).
        case suspended
        /// The limit does not bind (an unaccompanied minor's request before the first decision).
        case waived
    }

    public var step: String
    public var title: String
    public var rule: String?
    public var citation: String
    /// The state whose calendar counts the limit.
    public var countedIn: String?
    public var from: String?
    public var due: String?
    public var on: String?
    public var status: Status
    public var consequence: String
}

/// The chain of dates of a take charge or take back procedure and who is responsible now.
public struct DublinChainAnswer: Sendable, Codable, Equatable {
    public var framework: String
    /// take-charge or take-back.
    public var procedure: String
    public var asOf: String
    public var steps: [DublinStep]
    /// Nil while the procedure is open and the facts do not yet decide it.
    public var responsibleState: String?
    public var responsibility: String
    /// The next limit that runs, if any.
    public var nextDue: String?
    public var notes: [String]
}
