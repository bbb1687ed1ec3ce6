import Fluent
import Foundation
import PactumLaw

/// A registry notice, the payload of an exchange message: from one Member State to another
/// about a person whose datasets both hold (a hit, a mark, a flag, an update, an erasure). It
/// carries no names, only the recipient's own reference number (the message's subject), so it
/// reveals nothing the recipient lacks.
struct RegistryNotice: MessagePayload, Equatable {
    static let kind = MessageKind.registryNotice
    /// `hit`, a registry event (`mark-protection` …) or `rectification`.
    var kind: String
    var message: String
    var citation: String

    /// The central system's 72-hour limit to pass the notice on (EDAC-NOTICE), on the message.
    static func clock(for m: ExchangeMessage, law: DeadlineEngine) throws -> ClockStart {
        let deadline = try law.deadline("EDAC-NOTICE", state: m.receiver, from: m.sentAt.iso)
        return try ClockStart(
            deadline, owner: .exchange, recordType: "exchange.message", recordID: try m.requireID(), state: m.receiver,
            triggeredAt: m.sentAt)
    }
}
