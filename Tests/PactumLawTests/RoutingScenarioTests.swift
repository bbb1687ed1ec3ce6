import Foundation
import PactumLaw
import Testing

@Suite("Procedure routing: scenarios")
struct RoutingScenarioTests {
    static let engine = RoutingEngine()

    static func route(_ json: String) throws -> RoutingDecision {
        try engine.route(try JSONDecoder().decode(RoutingFacts.self, from: Data(("{" + json + "}").utf8)))
    }

    /// An operator-supplied Eurostat rate for the test (the committed table has EUAA's only).
    static func eurostat(_ code: String, _ rate: Double) -> String {
        #", "recognitionRate": {"citizenship": ""# + code + #"", "year": 2025, "rate": "# + "\(rate)"
            + #", "definition": "eurostat-incl-humanitarian", "source": "operator test"}"#
    }

    @Test("APR-B2: a Bangladeshi (safe country of origin) with a Eurostat rate of 3 % at the border: mandatory")
    func bangladesh() throws {
        let d = try Self.route(
            #""state": "IT", "nationality": "BD", "situation": "irregular-crossing""# + Self.eurostat("BD", 3))
        #expect(d.borderProcedure == "mandatory")
        #expect(d.acceleratedGrounds.map(\.ground) == ["e", "j"])
    }

    @Test(
        "APR-42(1)(j): EUAA's provisional 3 % for Bangladesh is context; without a Eurostat figure ground j is missing")
    func euaaIsContext() throws {
        let d = try Self.route(#""state": "IT", "nationality": "BD", "situation": "irregular-crossing""#)
        #expect(d.recognitionRate == nil && d.contextRate?.definition == .euaaInternationalProtection)
        #expect(d.acceleratedGrounds.map(\.ground) == ["e"] && d.borderProcedure == "possible")
        #expect(d.missing.contains { $0.contains("context only") })
        #expect(throws: InvalidFacts.self) {
            try Self.route(
                #""nationality": "TR", "situation": "irregular-crossing", "recognitionRate": {"citizenship": "TR", "year": 2025, "rate": 3, "definition": "euaa-international-protection", "source": "EUAA"}"#
            )
        }
    }

    @Test("APR-B1: a Syrian (92 %) after search and rescue: border procedure possible, not accelerated")
    func syria() throws {
        let d = try Self.route(#""state": "IT", "nationality": "SY", "situation": "sea-rescue""#)
        #expect(d.borderProcedure == "possible" && !d.accelerated)
    }

    @Test("APR-B2: the security ground makes the border procedure mandatory whatever the nationality")
    func security() throws {
        let d = try Self.route(#""nationality": "SY", "situation": "border-crossing-point", "grounds": ["f"]"#)
        #expect(d.borderProcedure == "mandatory" && d.acceleratedGrounds.map(\.ground) == ["f"])
    }

    @Test("APR-B2: misleading the authorities (ground c) makes it mandatory")
    func misleading() throws {
        let d = try Self.route(#""nationality": "AF", "situation": "irregular-crossing", "grounds": ["c", "b"]"#)
        #expect(d.borderProcedure == "mandatory" && d.acceleratedGrounds.map(\.ground) == ["b", "c"])
    }

    @Test("APR-B7: an unaccompanied minor is excluded from the border procedure without the security ground")
    func minorExcluded() throws {
        let d = try Self.route(
            #""nationality": "BD", "situation": "irregular-crossing", "unaccompaniedMinor": true, "grounds": ["b", "h"]"#
                + Self.eurostat("BD", 3))
        #expect(d.borderProcedure == "excluded")
        // APR Art 42(3): only c, e, f, g and j may accelerate a minor's case.
        #expect(
            d.acceleratedGrounds.map(\.ground) == ["e", "j"]
                && d.acceleratedGrounds.allSatisfy { $0.citation == "APR Art 42(3)" })
    }

    @Test("APR-B7: an unaccompanied minor on the security ground")
    func minorSecurity() throws {
        let d = try Self.route(
            #""nationality": "SY", "situation": "irregular-crossing", "unaccompaniedMinor": true, "grounds": ["f"]"#)
        #expect(d.borderProcedure == "mandatory")
    }

    @Test("APR-B1: a person in the territory is not in the border procedure")
    func territory() throws {
        let d = try Self.route(#""nationality": "BD", "situation": "territory""#)
        #expect(d.borderProcedure == "not-applicable" && d.accelerated)
    }

    @Test("APR-B8: medical reasons exclude the border procedure")
    func medical() throws {
        let d = try Self.route(
            #""nationality": "PK", "situation": "irregular-crossing", "borderProcedureExclusion": "medical""#)
        #expect(d.borderProcedure == "excluded")
    }

    @Test("APR-E: a nationality without a committed rate is reported as missing, not guessed")
    func missingRate() throws {
        let d = try Self.route(#""nationality": "ER", "situation": "irregular-crossing""#)
        #expect(d.borderProcedure == "possible" && d.recognitionRate == nil)
        #expect(d.missing.first?.contains("none is committed") == true)
    }

    @Test("APR-B2: a rate supplied by the operator with its source is used")
    func suppliedRate() throws {
        let d = try Self.route(
            #""nationality": "TR", "situation": "irregular-crossing", "recognitionRate": {"citizenship": "TR", "year": 2025, "rate": 15, "definition": "eurostat-incl-humanitarian", "source": "operator test"}"#
        )
        #expect(d.borderProcedure == "mandatory" && d.acceleratedGrounds.map(\.ground) == ["j"])
    }

    @Test("APR Art 42(1) 2nd subpara: a significant change in the country lifts ground j")
    func rateException() throws {
        let d = try Self.route(
            #""nationality": "PK", "situation": "irregular-crossing", "recognitionRateException": true"#
                + Self.eurostat("PK", 12))
        #expect(d.borderProcedure == "possible" && !d.accelerated)
    }

    @Test("CAP-5: once the adequate capacity is reached, ground j alone no longer makes it mandatory")
    func capacityReached() throws {
        let d = try Self.route(
            #""nationality": "PK", "situation": "irregular-crossing", "capacityReached": true"#
                + Self.eurostat("PK", 12))
        #expect(d.borderProcedure == "possible")
    }

    @Test("CAP-6: the annual maximum lifts c and j, never f")
    func annualMaximum() throws {
        #expect(
            try Self.route(
                #""nationality": "SY", "situation": "irregular-crossing", "grounds": ["c"], "annualMaximumReached": true"#
            ).borderProcedure == "possible")
        #expect(
            try Self.route(
                #""nationality": "SY", "situation": "irregular-crossing", "grounds": ["f"], "annualMaximumReached": true"#
            ).borderProcedure == "mandatory")
    }

    @Test(
        "CFM-D4: in a mass-arrival crisis with the threshold lowered to 5 %, 12 % accelerates but is no longer mandatory"
    )
    func crisisThreshold() throws {
        let d = try Self.route(
            #""nationality": "PK", "situation": "irregular-crossing", "crisis": "mass-arrival", "crisisMandatoryThreshold": 5"#
                + Self.eurostat("PK", 12))
        #expect(d.borderProcedure == "possible" && d.accelerated && d.threshold == 5)
        let bd = try Self.route(
            #""nationality": "BD", "situation": "irregular-crossing", "crisis": "mass-arrival", "crisisMandatoryThreshold": 5"#
                + Self.eurostat("BD", 3))
        #expect(bd.borderProcedure == "mandatory")
    }

    @Test("APR-B2, APR Art 42(1)(j): rates are decimals, so 20.4 % is above 20 % and 20.0 % is not")
    func decimalRates() throws {
        func rate(_ value: String) throws -> RoutingDecision {
            try Self.route(
                #""nationality": "TR", "situation": "irregular-crossing", "recognitionRate": {"citizenship": "TR", "year": 2025, "rate": "#
                    + value + #", "definition": "eurostat-incl-humanitarian", "source": "operator test"}"#)
        }
        #expect(try rate("20.4").acceleratedGrounds.isEmpty)
        #expect(try rate("20.4").borderProcedure == "possible")
        #expect(try rate("20.0").acceleratedGrounds.map(\.ground) == ["j"])
        #expect(try rate("19.9").borderProcedure == "mandatory")
        #expect(throws: InvalidFacts.self) { try rate("120") }
    }

    @Test("CFM-D4, CFM-D5: the lowered thresholds are 5 % and 50 % exactly, and only in a mass-arrival crisis")
    func crisisThresholdValues() throws {
        func errors(_ json: String) -> [String] {
            do {
                _ = try Self.route(json)
                return []
            } catch let error as InvalidFacts {
                return error.errors.map { "\($0.field): \($0.message)" }
            } catch { return ["\(error)"] }
        }
        #expect(
            errors(
                #""nationality": "PK", "situation": "sea-rescue", "crisis": "mass-arrival", "crisisMandatoryThreshold": 10"#
            )
                == ["crisisMandatoryThreshold: must be 5 (per cent, CFM Art 11(3))"])
        #expect(
            errors(
                #""nationality": "PK", "situation": "sea-rescue", "crisis": "instrumentalisation", "crisisMandatoryThreshold": 5"#
            )
                == ["crisisMandatoryThreshold: applies only in a mass-arrival crisis (CFM Art 11(3))"])
        #expect(
            errors(
                #""nationality": "PK", "situation": "sea-rescue", "crisis": "mass-arrival", "crisisMeritsThreshold": 40"#
            )
                == ["crisisMeritsThreshold: must be 50 (per cent, CFM Art 11(4))"])
        #expect(errors(#""nationality": "PK", "situation": "sea-rescue", "crisisMeritsThreshold": 50"#).count == 1)
        let merits = try Self.route(
            #""nationality": "TR", "situation": "sea-rescue", "crisis": "mass-arrival", "crisisMeritsThreshold": 50, "recognitionRate": {"citizenship": "TR", "year": 2025, "rate": 35.5, "definition": "eurostat-incl-humanitarian", "source": "operator test"}"#
        )
        #expect(merits.borderReasons.contains { $0.contains("up to 50 % (CFM Art 11(4))") })
    }

    @Test("routing facts with unknown values are refused field by field")
    func badFacts() {
        #expect(throws: InvalidFacts.self) {
            try Self.route(#""nationality": "SY", "situation": "by-air", "grounds": ["z"]"#)
        }
        #expect(throws: InvalidFacts.self) { try Self.route(#""situation": "sea-rescue""#) }
    }

    @Test("open question 8 as a setting: an engine that also accepts EUAA's definition decides on it")
    func rateDefinitionSetting() throws {
        let both = RoutingEngine(acceptedDefinitions: [.eurostatInclHumanitarian, .euaaInternationalProtection])
        let facts = try JSONDecoder().decode(
            RoutingFacts.self, from: Data(#"{"nationality": "BD", "situation": "sea-rescue"}"#.utf8))
        let d = try both.route(facts)
        #expect(
            d.recognitionRate?.rate == 3 && d.acceleratedGrounds.map(\.ground) == ["e", "j"]
                && d.borderProcedure == "mandatory")
    }
}
