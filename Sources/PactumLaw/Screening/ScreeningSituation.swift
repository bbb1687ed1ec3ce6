/// Why a person is screened (SCR Arts 5 and 7): the event that opens the screening and starts
/// its clock.
public enum ScreeningSituation: String, CaseIterable, Sendable, Codable {
    /// Apprehended in connection with an unauthorised crossing of the external border (SCR Art 5(1)(a)).
    case borderApprehension = "border-apprehension"
    /// Disembarked after a search-and-rescue operation (SCR Art 5(1)(b)).
    case disembarkation = "disembarkation"
    /// Applied for international protection at a border crossing point or in a transit zone
    /// without meeting the entry conditions (SCR Art 5(2)).
    case borderCrossingPoint = "border-crossing-point"
    /// Apprehended illegally staying in the territory after an unauthorised crossing, and not
    /// screened before in any Member State (SCR Art 7(1)).
    case territoryApprehension = "territory-apprehension"

    public var title: String {
        switch self {
        case .borderApprehension: "Apprehension at the external border"
        case .disembarkation: "Disembarkation after search and rescue"
        case .borderCrossingPoint: "Application at a border crossing point"
        case .territoryApprehension: "Apprehension within the territory"
        }
    }

    public var citation: String {
        switch self {
        case .borderApprehension: "SCR Art 5(1)(a)"
        case .disembarkation: "SCR Art 5(1)(b)"
        case .borderCrossingPoint: "SCR Art 5(2)"
        case .territoryApprehension: "SCR Art 7(1)"
        }
    }

    /// The event that starts the clock (SCR Art 8(3),(4)).
    public var event: String {
        switch self {
        case .borderApprehension: "apprehension in the external border area"
        case .disembarkation: "disembarkation"
        case .borderCrossingPoint: "presentation at the border crossing point"
        case .territoryApprehension: "apprehension in the territory"
        }
    }

    /// Whether the screening takes place at the external border (SCR Art 5) rather than within
    /// the territory (SCR Art 7).
    public var isExternalBorder: Bool { self != .territoryApprehension }

    /// The Eurodac category in which the screening registers the biometrics (SCR Art 8(5)(d);
    /// EDAC Arts 15, 22, 23, 24): the application at a border crossing point is category A.
    public var eurodacCategory: EurodacCategory {
        switch self {
        case .borderApprehension: .irregularCrosser
        case .disembarkation: .seaRescue
        case .borderCrossingPoint: .applicant
        case .territoryApprehension: .illegalStayer
        }
    }
}
