import Foundation

/// One legal act of the Pact on Migration and Asylum and the date from which it applies.
///
/// Source: `legal-rules.md` §0.1, from the acts' final provisions.
public struct PactInstrument: Sendable, Hashable, Codable, Identifiable {
    /// Short name used across the code and rule ids (`APR`, `AMMR`, ...).
    public let id: String
    /// The regulation number, e.g. "Regulation (EU) 2024/1348".
    public let act: String
    /// The act's title in English.
    public let title: String
    /// First day of application (ISO 8601 date).
    public let appliesFrom: String
    /// Exceptions to that date, as the act states them.
    public let note: String
    /// The article that sets the date of application.
    public let citation: String

    /// The Pact's acts in the order a case meets them.
    public static let all: [PactInstrument] = [
        .init(
            id: "SCR", act: "Regulation (EU) 2024/1356", title: "Screening Regulation",
            appliesFrom: "2026-06-12",
            note: "Arts 14-16 (queries of EU information systems) apply as each system becomes operational.",
            citation: "SCR Art 25"),
        .init(
            id: "EDAC", act: "Regulation (EU) 2024/1358", title: "Eurodac Regulation",
            appliesFrom: "2026-06-12",
            note: "Art 26 (temporary protection) applies from 12 June 2029.",
            citation: "EDAC Art 63"),
        .init(
            id: "APR", act: "Regulation (EU) 2024/1348", title: "Asylum Procedure Regulation",
            appliesFrom: "2026-06-12",
            note:
                "Applies to applications lodged on or after 12 June 2026; earlier ones stay under Directive 2013/32/EU.",
            citation: "APR Art 79"),
        .init(
            id: "RBPR", act: "Regulation (EU) 2024/1349", title: "Return Border Procedure Regulation",
            appliesFrom: "2026-06-12", note: "", citation: "RBPR Art 14(2)"),
        .init(
            id: "AMMR", act: "Regulation (EU) 2024/1351", title: "Asylum and Migration Management Regulation",
            appliesFrom: "2026-07-01",
            note:
                "Applications registered before 1 July 2026 keep the Dublin III criteria (Regulation (EU) No 604/2013).",
            citation: "AMMR Arts 84-85"),
        .init(
            id: "CFM", act: "Regulation (EU) 2024/1359", title: "Crisis and Force Majeure Regulation",
            appliesFrom: "2026-07-01", note: "", citation: "CFM Art 20"),
        .init(
            id: "URF", act: "Regulation (EU) 2024/1350",
            title: "Union Resettlement and Humanitarian Admission Framework",
            appliesFrom: "2024-06-11",
            note: "Art 9(24) (Eurodac transmission) applies from 12 June 2026.",
            citation: "URF Art 16"),
    ]

    /// The edition of the rules catalogue (`legal-rules.md`) the code implements.
    public static let rulesEdition = "2026-11-26"
}
