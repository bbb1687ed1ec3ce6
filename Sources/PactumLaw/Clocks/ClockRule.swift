/// One legal time limit of the Pact: what starts it, how long it runs, how it is counted, and
/// what follows when it expires. Ids and citations are those of `legal-rules.md`.
public struct ClockRule: Sendable, Hashable, Codable, Identifiable {
    /// Another length of the same limit: an extension on stated grounds, or a crisis derogation.
    public struct Variant: Sendable, Hashable, Codable {
        public var id: String
        /// The whole length of the limit under this variant (not the addition).
        public var period: Period
        public var grounds: String
        public var citation: String
        /// Set where the variant's act counts time differently from the rule's.
        public var regime: ComputationRegime?
        /// Set where the variant runs from its own event, not the rule's trigger (AMMR Art
        /// 46(2): the 3 years for absconding run from the information to the responsible state).
        public var trigger: String?
        /// Added, as elapsed time, after the end of `period` (EDAC Art 26(4): the 10 days plus 48 hours).
        public var then: Period?
        /// For a crisis variant: the situations in which the derogation exists.
        public var crisisKinds: [CrisisKind]?
    }

    public var id: String
    public var title: String
    /// The act (`PactInstrument.id`) that sets the limit.
    public var act: String
    public var citation: String
    /// The event from which the limit runs (day 0).
    public var trigger: String
    /// The limit; for a window that national law fixes, its maximum.
    public var period: Period
    /// For a window: the shortest limit national law may set.
    public var minimum: Period?
    public var consequence: String
    public var extensions: [Variant]
    public var crisis: Variant?
    public var note: String?
    /// Whose calendar counts a limit between two Member States: a request, notification or
    /// transfer in the requesting state's, a reply in the requested state's.
    public var countedIn: String?

    /// The counting rules: the Pact's own for APR, AMMR and RBPR; 1182/71 for the other acts
    /// and for every period in hours (legal-rules.md §0.2 and §8).
    public var regime: ComputationRegime {
        if period.unit == .hours { return .general }
        if act == "DUBLIN3" { return .dublinIII }
        return ["APR", "AMMR", "RBPR"].contains(act) ? .pact : .general
    }

    init(
        _ id: String, _ title: String, act: String, _ citation: String, trigger: String, _ period: Period,
        minimum: Period? = nil, consequence: String, extensions: [Variant] = [], crisis: Variant? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.title = title
        self.act = act
        self.citation = citation
        self.trigger = trigger
        self.period = period
        self.minimum = minimum
        self.consequence = consequence
        self.extensions = extensions
        self.crisis = crisis
        self.note = note
    }
}

extension ClockRule.Variant {
    static func extended(
        _ id: String, to period: Period, then: Period? = nil, _ grounds: String, _ citation: String,
        trigger: String? = nil, regime: ComputationRegime? = nil
    ) -> Self {
        Self(
            id: id, period: period, grounds: grounds, citation: citation, regime: regime, trigger: trigger, then: then,
            crisisKinds: nil)
    }

    /// A derogation under the Crisis and Force Majeure Regulation, counted under 1182/71 (the
    /// CFM has no counting rule of its own), in the situations `kinds`.
    static func crisis(
        _ period: Period, _ grounds: String, _ citation: String, kinds: [CrisisKind] = CrisisKind.allCases,
        trigger: String? = nil
    ) -> Self {
        Self(
            id: "crisis", period: period, grounds: grounds, citation: citation, regime: .general, trigger: trigger,
            then: nil, crisisKinds: kinds)
    }
}
