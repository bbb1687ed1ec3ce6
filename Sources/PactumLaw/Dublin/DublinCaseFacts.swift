/// The dates of one take charge or take back procedure, from which the chain of limits and
/// the responsible state follow (AMMR Arts 37-46; CFM Arts 12-13; for applications registered
/// before 1 July 2026, Dublin III Arts 20-29). Dates are `YYYY-MM-DD`, states ISO alpha-2.
/// docs/LAW.md ("The Dublin chain") documents every key.
public struct DublinCaseFacts: Sendable, Codable, Equatable {
    /// A Eurodac or VIS hit: `A` (applicant, EDAC Art 15), `B` (admitted under resettlement),
    /// `D` (irregular crossing, Art 22), `E` (illegal stay, Art 23), `F` (search and rescue,
    /// Art 24) or `VIS` (VIS Art 21).
    public struct Hit: Sendable, Codable, Equatable {
        public var category: String
        public var receivedOn: String
    }

    public struct Reply: Sendable, Codable, Equatable {
        /// accepted or refused (for a take back notification: confirmed or refused).
        public var answer: String
        public var on: String
    }

    public struct Appeal: Sendable, Codable, Equatable {
        public var lodgedOn: String
        /// The appeal or review suspends the transfer (AMMR Art 43(3)).
        public var suspensive: Bool
        public var finalDecisionOn: String?
    }

    /// The person absconded (or resisted, or made themselves unfit for the transfer).
    public struct Absconding: Sendable, Codable, Equatable {
        /// The day the requesting state informed the responsible state: the transfer period is
        /// extended to 3 years from then (AMMR Art 46(2)); Dublin III: 18 months.
        public var informedOn: String?
        /// The person is available again (AMMR Art 46(2), 2nd subpara).
        public var reappearedOn: String?
    }

    public struct Crisis: Sendable, Codable, Equatable {
        /// The Member State facing the situation and applying CFM Art 12.
        public var state: String
        /// mass-arrival or force-majeure (instrumentalisation has no Dublin derogation).
        public var kind: String
        /// The day the crisis ended, if it has (CFM Art 12(4): transfers to it wait until then).
        public var endedOn: String?
        /// CFM Art 13(1): the Council exempted the state from take back obligations.
        public var takeBackExemption: Bool?
    }

    /// The state where the application was registered: it requests or notifies.
    public var requestingState: String
    public var registrationDate: String
    /// The state asked to take charge or notified to take back.
    public var requestedState: String
    /// The day the answer is for; default today (the caller gives it).
    public var asOf: String?
    public var hit: Hit?
    public var unaccompaniedMinor: Bool?
    /// For an unaccompanied minor: a first decision on the merits has been taken (AMMR Art 39(1), 4th subpara).
    public var firstMeritsDecision: Bool?
    /// The requester asked for an urgent reply (AMMR Art 39(2)) within this many days (at least 7).
    public var urgentReplyDays: Int?
    /// The person is detained (AMMR Art 44) since this day.
    public var detainedOn: String?
    public var requestSentOn: String?
    public var reply: Reply?
    public var transferDecisionOn: String?
    public var appeal: Appeal?
    /// The transfer could not be carried out because the person is imprisoned (AMMR Art 46(2)).
    public var imprisoned: Bool?
    public var absconding: Absconding?
    public var transferredOn: String?
    public var crisis: Crisis?
    /// For a take back: the requested state became responsible under AMMR Art 16(2) (CFM Art 13(1)(a)).
    public var responsibleUnderFallback: Bool?
    /// The requesting state issued a residence document or applied Art 35 (AMMR Art 37(1)).
    public var residenceDocumentOrArticle35: String?
    /// The person left the territory of the Member States on this day (AMMR Art 37(4)).
    public var leftTerritoryOn: String?
    /// For a take back: the day a rejection or withdrawal in the border procedure became final
    /// in the requested state (AMMR Art 37(2),(3)).
    public var borderProcedureFinalOn: String?
    /// For a take back: the day the person left under a return decision or removal order (AMMR Art 37(5)).
    public var removedOn: String?

    public static let hitCategories = ["A", "B", "D", "E", "F", "VIS"]
}
