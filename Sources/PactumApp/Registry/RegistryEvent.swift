import Foundation
import PactumLaw
import Vapor

/// A change to a stored dataset: transmission and its clock, marks, flags and status updates
/// (EDAC Arts 15-17, 22-25, 30, 31). Each says what the other Member States holding the person
/// are told; `Policy.registryEvents` says who records it.
enum RegistryEventKind: String, CaseIterable, Sendable {
    case transmit
    case extendTransmission = "extend-transmission"
    case retake
    case markProtection = "mark-protection"
    case unmarkProtection = "unmark-protection"
    case markResidence = "mark-residence"
    case flagSecurity = "flag-security"
    case unflagSecurity = "unflag-security"
    case responsibleState = "responsible-state"
    case relocationState = "relocation-state"
    case transferArrival = "transfer-arrival"
    case departure
    case removal
    case citizenship

    var title: String {
        switch self {
        case .transmit: "Biometrics transmitted"
        case .extendTransmission: "Transmission limit extended (technical problems)"
        case .retake: "Retake or end of health grounds: retransmit within 48 hours"
        case .markProtection: "Marked: international protection granted"
        case .unmarkProtection: "Unmarked: protection withdrawn"
        case .markResidence: "Marked: residence document issued"
        case .flagSecurity: "Security flag recorded"
        case .unflagSecurity: "Security flag deleted"
        case .responsibleState: "Responsible Member State recorded"
        case .relocationState: "Relocation Member State recorded"
        case .transferArrival: "Arrival after transfer"
        case .departure: "Left the territory of the Member States"
        case .removal: "Removed"
        case .citizenship: "Citizenship acquired: advance erasure"
        }
    }

    var citation: String {
        switch self {
        case .transmit: "EDAC Arts 15(1), 22(2), 23(2), 24(2), 26(1)"
        case .extendTransmission: "EDAC Arts 15(2), 22(6), 23(5), 26(4)"
        case .retake: "EDAC Arts 15(2), 22(6), 23(5), 26(4)"
        case .markProtection: "EDAC Art 31(1)"
        case .unmarkProtection: "EDAC Art 31(3)"
        case .markResidence: "EDAC Art 31(4),(5)"
        case .flagSecurity: "EDAC Art 17(2)(i)"
        case .unflagSecurity: "EDAC Art 17(4)"
        case .responsibleState: "EDAC Art 16(1)"
        case .relocationState: "EDAC Art 25"
        case .transferArrival: "EDAC Art 16(2)"
        case .departure: "EDAC Art 16(3)"
        case .removal: "EDAC Art 16(4)"
        case .citizenship: "EDAC Art 30(1),(2)"
        }
    }

    /// Whether the other Member States holding the person are told (the clock events are the
    /// recording state's own business).
    var notifies: Bool { ![.transmit, .extendTransmission, .retake].contains(self) }
}

/// The body of an event. `date` is a day, `at` a time, `state` a Member State code, `ground`
/// the event's legal ground, `reason` free text for the record.
struct DatasetEventInput: Content, JSONRequestBody {
    var event: String?
    var date: String?
    var at: String?
    var state: String?
    var ground: String?
    var reason: String?

    /// The same input with blank fields as absent: a form sends every field, filled or not.
    var normalized: DatasetEventInput {
        DatasetEventInput(
            event: event.given, date: date.given, at: at.given, state: state.given, ground: ground.given,
            reason: reason.given)
    }

    static let fields: [BodyField] = [
        .string("event"), .string("date", required: false), .string("at", required: false),
        .string("state", required: false), .string("ground", required: false), .string("reason", required: false),
    ]
}

/// Grounds of unmarking: withdrawal of status under the Qualification Regulation (EDAC Art 31(3)).
enum UnmarkGround: String, CaseIterable, Sendable {
    case refugeeStatusWithdrawn = "QR-14"
    case subsidiaryProtectionWithdrawn = "QR-19"
}
