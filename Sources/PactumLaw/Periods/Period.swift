import Foundation

/// A length of time as the law states it.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case hours, days, workingDays = "working-days", weeks, months, years
    }

    public var amount: Int
    public var unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    public static func hours(_ n: Int) -> Period { Period(n, .hours) }
    public static func days(_ n: Int) -> Period { Period(n, .days) }
    public static func workingDays(_ n: Int) -> Period { Period(n, .workingDays) }
    public static func weeks(_ n: Int) -> Period { Period(n, .weeks) }
    public static func months(_ n: Int) -> Period { Period(n, .months) }
    public static func years(_ n: Int) -> Period { Period(n, .years) }

    public var description: String {
        let name = unit == .workingDays ? "working day" : String(unit.rawValue.dropLast())
        return "\(amount) \(name)\(amount == 1 ? "" : "s")"
    }
}

/// Which rules count a period.
public enum ComputationRegime: String, Sendable, Hashable, Codable, CaseIterable {
    /// The Pact's own rules: APR Art 73, AMMR Art 75, RBPR Art 11 (identical in substance).
    case pact
    /// Regulation (EEC, Euratom) No 1182/71: SCR, EDAC, CFM, URF, and every period in hours.
    case general
    /// Dublin III's own rule (Regulation (EU) No 604/2013, Art 42): as the Pact's for the first
    /// day and for weeks and months, but time limits include Saturdays, Sundays and public
    /// holidays, so an end on one of them is not moved.
    case dublinIII = "dublin-iii"

    public var citation: String {
        switch self {
        case .pact:
            "Regulation (EU) 2024/1348, Art. 73; Regulation (EU) 2024/1351, Art. 75; Regulation (EU) 2024/1349, Art. 11"
        case .general: "Regulation (EEC, Euratom) No 1182/71, Arts 2-3"
        case .dublinIII: "Regulation (EU) No 604/2013, Art. 42"
        }
    }

    /// The paragraph that states a step, in this regime's words.
    func cite(pact: String, general: String, dublin: String) -> String {
        switch self {
        case .pact: pact
        case .general: general
        case .dublinIII: dublin
        }
    }
}

/// Readings of the time rules that the texts leave open (`legal-rules.md`, open question 7),
/// as named settings. docs/LAW.md explains the defaults.
public struct PeriodSettings: Sendable, Hashable, Codable {
    /// 1182/71 Art 3(5): a period of two days or more includes at least two working days.
    /// Applied under the general regime (it is part of 1182/71).
    public var twoWorkingDaysRuleInGeneralRegime: Bool
    /// Whether Art 3(5) also applies on top of the Pact's own rules. Default off: APR Art 73,
    /// AMMR Art 75 and RBPR Art 11 are complete rules that do not contain it.
    public var twoWorkingDaysRuleInPactRegime: Bool

    public init(twoWorkingDaysRuleInGeneralRegime: Bool = true, twoWorkingDaysRuleInPactRegime: Bool = false) {
        self.twoWorkingDaysRuleInGeneralRegime = twoWorkingDaysRuleInGeneralRegime
        self.twoWorkingDaysRuleInPactRegime = twoWorkingDaysRuleInPactRegime
    }

    public static let `default` = PeriodSettings()
}
