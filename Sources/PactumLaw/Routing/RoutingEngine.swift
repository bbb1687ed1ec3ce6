/// The facts that decide the procedure (APR Arts 42-45, 53; CFM Art 11). docs/LAW.md documents each key.
public struct RoutingFacts: Sendable, Codable, Equatable {
    public var state: String?
    /// Citizenship (ISO 3166-1 alpha-2), or for a stateless person the former habitual residence.
    public var nationality: String?
    /// How the person came: border-crossing-point, irregular-crossing, sea-rescue, relocation, territory.
    public var situation: String?
    /// Already authorised to enter the territory (then no border procedure, APR Art 43(1)).
    public var authorisedToEnter: Bool?
    public var unaccompaniedMinor: Bool?
    /// APR Art 42(1) grounds found by the authority, by letter: a, b, c, d, f, g, h, i.
    /// (e, safe country of origin, and j, the recognition rate, follow from the nationality.)
    public var grounds: [String]?
    /// The exceptions to ground (j): a significant change in the country, or a category whose
    /// rate is unrepresentative (APR Art 42(1), 2nd subpara).
    public var recognitionRateException: Bool?
    /// APR Art 53(2): no support for special needs at the location, special procedural
    /// guarantees impossible, medical reasons, or detention guarantees not met.
    public var borderProcedureExclusion: String?
    /// The state's adequate capacity is reached (APR Art 48) or the annual maximum authorised (Art 50).
    public var capacityReached: Bool?
    public var annualMaximumReached: Bool?
    /// mass-arrival, instrumentalisation or force-majeure (CFM Art 1), when a crisis decision applies.
    public var crisis: String?
    /// CFM Art 11(3): the state in a mass-arrival crisis lowered the mandatory-border threshold;
    /// the text allows one value, 5 (per cent), and nothing else.
    public var crisisMandatoryThreshold: Double?
    /// CFM Art 11(4): merits in the border procedure extended to rates at or below 50 %; the
    /// text allows one value, 50.
    public var crisisMeritsThreshold: Double?
    /// A recognition rate given by the operator for a citizenship the committed table lacks.
    public var recognitionRate: RecognitionRate?

    public static let situations = [
        "border-crossing-point", "irregular-crossing", "sea-rescue", "relocation", "territory",
    ]
    public static let acceleratedGrounds = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    public static let exclusions = [
        "special-needs-unsupported", "procedural-guarantees", "medical", "detention-guarantees",
    ]
}

/// Where an application goes.
public struct RoutingDecision: Sendable, Codable, Equatable {
    public struct Ground: Sendable, Codable, Equatable {
        public var ground: String
        public var citation: String
        public var text: String
    }

    /// mandatory, possible, excluded or not-applicable.
    public var borderProcedure: String
    public var borderReasons: [String]
    public var accelerated: Bool
    public var acceleratedGrounds: [Ground]
    /// The rate used for ground (j): the latest yearly Union-wide Eurostat figure.
    public var recognitionRate: RecognitionRate?
    /// A figure of another definition (EUAA's provisional EU+ rate), shown as context only: it
    /// never decides ground (j) (APR Art 42(1)(j): "the latest available yearly Union-wide
    /// average Eurostat data").
    public var contextRate: RecognitionRate?
    /// Per cent: 20, or 5 where CFM Art 11(3) lowered it.
    public var threshold: Double
    public var missing: [String]
}

/// Applies APR Arts 42, 43, 45 and 53 (and CFM Art 11 in a crisis) to the facts.
public struct RoutingEngine: Sendable {
    public let rates: [RecognitionRate]
    /// Which published definitions may decide the 20 % test. APR Art 42(1)(j) and CFM Art
    /// 11(4) name "the latest available yearly Union-wide average Eurostat data", so the default
    /// is Eurostat's alone; EUAA figures are shown as context (docs/LAW.md).
    public let acceptedDefinitions: Set<RecognitionRate.Definition>

    public init(
        rates: [RecognitionRate] = RecognitionRate.published,
        acceptedDefinitions: Set<RecognitionRate.Definition> = [.eurostatInclHumanitarian]
    ) {
        self.rates = rates
        self.acceptedDefinitions = acceptedDefinitions
    }

    static let groundTexts: [String: String] = [
        "a": "only irrelevant issues raised", "b": "clearly inconsistent, false or improbable statements",
        "c": "misled the authorities with false information or documents, or destroyed documents in bad faith",
        "d": "application made only to delay or frustrate removal", "e": "safe country of origin",
        "f": "danger to national security or public order", "g": "admissible subsequent application",
        "h": "irregular entry or stay and no application as soon as possible",
        "i": "legal entry and no timely application",
        "j": "nationality with an EU-wide recognition rate at or below the threshold",
    ]

    /// "20 %", "20.4 %": a figure as published.
    static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) %" : "\(value) %"
    }

    public func route(_ facts: RoutingFacts) throws -> RoutingDecision {
        var errors: [FactError] = []
        if let state = facts.state, MemberState(code: state) == nil {
            errors.append(.init(field: "state", message: "\(state) is not a Member State code"))
        }
        if let situation = facts.situation, !RoutingFacts.situations.contains(situation) {
            errors.append(
                .init(field: "situation", message: "must be one of: \(RoutingFacts.situations.joined(separator: ", "))")
            )
        }
        for (i, ground) in (facts.grounds ?? []).enumerated() where !RoutingFacts.acceleratedGrounds.contains(ground) {
            errors.append(.init(field: "grounds[\(i)]", message: "must be a letter of APR Art 42(1): a to j"))
        }
        if let exclusion = facts.borderProcedureExclusion, !RoutingFacts.exclusions.contains(exclusion) {
            errors.append(
                .init(
                    field: "borderProcedureExclusion",
                    message: "must be one of: \(RoutingFacts.exclusions.joined(separator: ", "))"))
        }
        if let crisis = facts.crisis, !["mass-arrival", "instrumentalisation", "force-majeure"].contains(crisis) {
            errors.append(.init(field: "crisis", message: "must be mass-arrival, instrumentalisation or force-majeure"))
        }
        // CFM Art 11(3) and (4) each allow one figure, and only in a crisis of Art 1(4)(a).
        for (field, value, allowed, article) in [
            ("crisisMandatoryThreshold", facts.crisisMandatoryThreshold, 5.0, "CFM Art 11(3)"),
            ("crisisMeritsThreshold", facts.crisisMeritsThreshold, 50.0, "CFM Art 11(4)"),
        ] {
            guard let value else { continue }
            if value != allowed {
                errors.append(.init(field: field, message: "must be \(Int(allowed)) (per cent, \(article))"))
            } else if facts.crisis != "mass-arrival" {
                errors.append(.init(field: field, message: "applies only in a mass-arrival crisis (\(article))"))
            }
        }
        if let rate = facts.recognitionRate?.rate, !(0...100).contains(rate) {
            errors.append(.init(field: "recognitionRate.rate", message: "must be a per cent from 0 to 100"))
        }
        if let definition = facts.recognitionRate?.definition, !acceptedDefinitions.contains(definition) {
            errors.append(
                .init(
                    field: "recognitionRate.definition",
                    message:
                        "must be one of: \(acceptedDefinitions.map(\.rawValue).sorted().joined(separator: ", ")) (APR Art 42(1)(j): the yearly Union-wide Eurostat average)"
                ))
        }
        if facts.nationality == nil { errors.append(.init(field: "nationality", message: "is required")) }
        guard errors.isEmpty, let nationality = facts.nationality?.uppercased() else {
            throw InvalidFacts(errors: errors)
        }

        var missing: [String] = []
        var grounds = Set(facts.grounds ?? [])
        if SafeCountriesOfOrigin.euList.contains(nationality) { grounds.insert("e") }

        // Ground (j): the latest Union-wide rate at or below 20 % (APR Art 42(1)(j)). In a
        // mass-arrival crisis the Council may lower the threshold that makes the border
        // procedure mandatory to 5 % (CFM Art 11(3)); the accelerated ground keeps 20 %.
        let threshold = facts.crisis == "mass-arrival" ? (facts.crisisMandatoryThreshold ?? 20) : 20.0
        let rate =
            facts.recognitionRate
            ?? RecognitionRate.latest(
                for: nationality, in: rates.filter { acceptedDefinitions.contains($0.definition) })
        let context =
            rate == nil
            ? RecognitionRate.latest(
                for: nationality, in: rates.filter { !acceptedDefinitions.contains($0.definition) })
            : nil
        if let rate {
            if rate.rate <= 20, facts.recognitionRateException != true { grounds.insert("j") }
        } else {
            missing.append(
                "the latest yearly Union-wide Eurostat recognition rate for \(nationality): none is committed\(context.map { " (EUAA's provisional \($0.year) figure, \(Self.percent($0.rate)), is context only and does not decide)" } ?? ""); supply recognitionRate with its source (APR Art 42(1)(j))"
            )
        }

        // Unaccompanied minors: only grounds e, f, g, c and j (APR Art 42(3)).
        let minor = facts.unaccompaniedMinor ?? false
        if minor { grounds.formIntersection(["c", "e", "f", "g", "j"]) }
        let sorted = grounds.sorted()
        let accelerated = sorted.map { letter in
            RoutingDecision.Ground(
                ground: letter, citation: minor ? "APR Art 42(3)" : "APR Art 42(1)(\(letter))",
                text: Self.groundTexts[letter]!)
        }

        // Border procedure.
        var reasons: [String] = []
        let status: String
        let triggers = ["border-crossing-point", "irregular-crossing", "sea-rescue", "relocation"]
        if facts.situation == nil { missing.append("how the person arrived (situation), for APR Art 43(1)") }
        if facts.authorisedToEnter == true || facts.situation == "territory" {
            status = "not-applicable"
            reasons.append(
                "The person is in the territory or authorised to enter: no border procedure (APR Art 43(1)).")
        } else if let exclusion = facts.borderProcedureExclusion {
            status = "excluded"
            reasons.append("The border procedure must not apply or must stop: \(exclusion) (APR Art 53(2)).")
        } else if minor, !grounds.contains("f") {
            status = "excluded"
            reasons.append(
                "An unaccompanied minor is in the border procedure only on the security ground (APR Art 53(1)).")
        } else if let situation = facts.situation, triggers.contains(situation) {
            var mandatoryGrounds = grounds.intersection(["c", "f", "j"]).sorted()
            if let rate, mandatoryGrounds.contains("j"), rate.rate > threshold {
                mandatoryGrounds.removeAll { $0 == "j" }
                reasons.append(
                    "The mandatory threshold is lowered to \(Self.percent(threshold)) (CFM Art 11(3)); the rate is \(Self.percent(rate.rate))."
                )
            }
            if mandatoryGrounds.isEmpty {
                status = "possible"
                reasons.append(
                    "The border procedure may be applied after screening (APR Art 43(1)); no ground makes it mandatory (APR Art 45(1))."
                )
            } else if !mandatoryGrounds.contains("f"), facts.annualMaximumReached == true {
                status = "possible"
                reasons.append(
                    "Grounds \(mandatoryGrounds.joined(separator: ", ")) would make it mandatory, but the annual maximum is reached and the Commission authorised not to examine such cases in it (APR Arts 47(3), 50)."
                )
            } else if mandatoryGrounds == ["j"], facts.capacityReached == true {
                status = "possible"
                reasons.append(
                    "Ground (j) would make it mandatory, but the adequate capacity is reached (APR Arts 47(2), 48).")
            } else if mandatoryGrounds == ["j"], facts.crisis == "mass-arrival" || facts.crisis == "force-majeure",
                facts.crisisMandatoryThreshold == nil, facts.crisisMeritsThreshold == nil
            {
                status = "mandatory"
                reasons.append(
                    "Ground (j) makes it mandatory (APR Art 45(1)); in this crisis the obligation may be lifted if the reception contingency plan is insufficient (CFM Art 11(2))."
                )
            } else {
                status = "mandatory"
                reasons.append(
                    "Ground\(mandatoryGrounds.count > 1 ? "s" : "") \(mandatoryGrounds.joined(separator: ", ")) of APR Art 42(1) make\(mandatoryGrounds.count > 1 ? "" : "s") the border procedure mandatory (APR Art 45(1))."
                )
            }
        } else {
            status = "possible"
        }
        if let merits = facts.crisisMeritsThreshold, facts.crisis == "mass-arrival", let rate, rate.rate <= merits,
            rate.rate > threshold
        {
            reasons.append(
                "In this crisis, merits decisions in the border procedure extend to nationalities with a rate up to \(Self.percent(merits)) (CFM Art 11(4))."
            )
        }
        if facts.crisis == "instrumentalisation" {
            reasons.append(
                "Instrumentalisation: merits decisions in the border procedure for all instrumentalised applicants; children under 12 with their families and persons with special needs are excluded or released (CFM Art 11(6)-(8))."
            )
        }
        return RoutingDecision(
            borderProcedure: status, borderReasons: reasons, accelerated: !accelerated.isEmpty,
            acceleratedGrounds: accelerated,
            recognitionRate: rate, contextRate: context, threshold: threshold, missing: missing)
    }
}
