/// The machine readable zones of ICAO Doc 9303 (eighth edition): three sizes of travel
/// document and two sizes of visa.
public enum MRZFormat: String, Sendable, Codable, CaseIterable {
    /// Identity card size: 3 lines of 30 (Doc 9303 Part 5).
    case td1 = "TD1"
    /// 2 lines of 36 (Doc 9303 Part 6).
    case td2 = "TD2"
    /// Passport booklet: 2 lines of 44 (Doc 9303 Part 4).
    case td3 = "TD3"
    /// Full-page visa: 2 lines of 44 (Doc 9303 Part 7).
    case mrvA = "MRV-A"
    /// Smaller visa that leaves a clear area: 2 lines of 36 (Doc 9303 Part 7).
    case mrvB = "MRV-B"

    /// Characters per line.
    public var lineLength: Int {
        switch self {
        case .td1: 30
        case .td2, .mrvB: 36
        case .td3, .mrvA: 44
        }
    }

    /// Number of lines.
    public var lineCount: Int { self == .td1 ? 3 : 2 }

    /// The format of lines of this shape; a visa is told from a document of the same size by
    /// its first character `V` (Doc 9303 Part 7, 4.2.2).
    public static func detect(_ lines: [[UInt8]]) -> MRZFormat? {
        let visa = lines.first?.first == UInt8(ascii: "V")
        switch (lines.count, lines.first?.count) {
        case (3, 30): return .td1
        case (2, 36): return visa ? .mrvB : .td2
        case (2, 44): return visa ? .mrvA : .td3
        default: return nil
        }
    }

    /// The document codes a zone of this format may start with (Doc 9303 Part 4, 4.2.2; Part 5,
    /// 4.2.2; Part 7, 4.2.2): `P` for passports, `A`, `C` or `I` for the cards (never `V` second,
    /// which is kept for visas), `V` for visas.
    func allowsDocumentCode(_ code: String) -> Bool {
        guard let first = code.first else { return false }
        switch self {
        case .td3: return first == "P"
        case .mrvA, .mrvB: return first == "V"
        case .td1, .td2: return "ACI".contains(first) && code.dropFirst().first != "V"
        }
    }
}
