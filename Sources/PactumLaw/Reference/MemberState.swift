import Foundation

/// A state bound by the Pact's rules: the 27 Member States of the European Union and the four
/// states associated with the Dublin and Eurodac acquis (Iceland, Liechtenstein, Norway,
/// Switzerland).
///
/// Codes are ISO 3166-1 alpha-2, so Greece is `GR` (Eurostat writes `EL`).
public enum MemberState: String, CaseIterable, Sendable, Codable, Comparable {
    case AT, BE, BG, HR, CY, CZ, DK, EE, FI, FR, DE, GR, HU, IE, IT, LV, LT, LU, MT, NL, PL, PT, RO, SK, SI, ES, SE
    case IS, LI, NO, CH

    /// Whether the state is bound as an EU Member State or through an association agreement.
    public enum Membership: String, Sendable, Codable {
        case europeanUnion = "eu"
        case dublinAssociated = "dublin-associated"
    }

    /// The ISO 3166-1 alpha-2 code.
    public var code: String { rawValue }

    /// The state's short English name.
    public var name: String {
        switch self {
        case .AT: "Austria"
        case .BE: "Belgium"
        case .BG: "Bulgaria"
        case .HR: "Croatia"
        case .CY: "Cyprus"
        case .CZ: "Czechia"
        case .DK: "Denmark"
        case .EE: "Estonia"
        case .FI: "Finland"
        case .FR: "France"
        case .DE: "Germany"
        case .GR: "Greece"
        case .HU: "Hungary"
        case .IE: "Ireland"
        case .IT: "Italy"
        case .LV: "Latvia"
        case .LT: "Lithuania"
        case .LU: "Luxembourg"
        case .MT: "Malta"
        case .NL: "Netherlands"
        case .PL: "Poland"
        case .PT: "Portugal"
        case .RO: "Romania"
        case .SK: "Slovakia"
        case .SI: "Slovenia"
        case .ES: "Spain"
        case .SE: "Sweden"
        case .IS: "Iceland"
        case .LI: "Liechtenstein"
        case .NO: "Norway"
        case .CH: "Switzerland"
        }
    }

    /// EU Member State or Dublin-associated state.
    public var membership: Membership {
        switch self {
        case .IS, .LI, .NO, .CH: .dublinAssociated
        default: .europeanUnion
        }
    }

    /// The IANA time zone of the state's capital, in which its legal clocks run.
    ///
    /// Portugal and Spain have outlying regions in other zones (Azores, Canary Islands); the
    /// mainland zone is the default because the national authorities sit there.
    public var timeZoneIdentifier: String {
        switch self {
        case .AT: "Europe/Vienna"
        case .BE: "Europe/Brussels"
        case .BG: "Europe/Sofia"
        case .HR: "Europe/Zagreb"
        case .CY: "Asia/Nicosia"
        case .CZ: "Europe/Prague"
        case .DK: "Europe/Copenhagen"
        case .EE: "Europe/Tallinn"
        case .FI: "Europe/Helsinki"
        case .FR: "Europe/Paris"
        case .DE: "Europe/Berlin"
        case .GR: "Europe/Athens"
        case .HU: "Europe/Budapest"
        case .IE: "Europe/Dublin"
        case .IT: "Europe/Rome"
        case .LV: "Europe/Riga"
        case .LT: "Europe/Vilnius"
        case .LU: "Europe/Luxembourg"
        case .MT: "Europe/Malta"
        case .NL: "Europe/Amsterdam"
        case .PL: "Europe/Warsaw"
        case .PT: "Europe/Lisbon"
        case .RO: "Europe/Bucharest"
        case .SK: "Europe/Bratislava"
        case .SI: "Europe/Ljubljana"
        case .ES: "Europe/Madrid"
        case .SE: "Europe/Stockholm"
        case .IS: "Atlantic/Reykjavik"
        case .LI: "Europe/Vaduz"
        case .NO: "Europe/Oslo"
        case .CH: "Europe/Zurich"
        }
    }

    /// The state's time zone.
    public var timeZone: TimeZone {
        // Every identifier above is in the IANA database that Foundation ships.
        TimeZone(identifier: timeZoneIdentifier)!
    }

    /// Parses a code case-insensitively; accepts Eurostat's `EL` for Greece.
    public init?(code: String) {
        let upper = code.uppercased()
        self.init(rawValue: upper == "EL" ? "GR" : upper)
    }

    public static func < (lhs: MemberState, rhs: MemberState) -> Bool { lhs.rawValue < rhs.rawValue }
}
