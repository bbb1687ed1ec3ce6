/// The computable Eurodac rules a registration is checked against (legal-rules.md §2).
public enum EurodacRules {
    /// Biometrics are taken from the age of 6 in every category (EDAC Arts 15, 18, 20, 22-24, 26).
    public static let minimumAge = 6

    /// Whether biometric data may be taken from a person born on `birth` on `day`. A child whose
    /// age is unclear, without proof, is treated as under 6 (EDAC Art 14(1)), so an unknown or
    /// partial date of birth with `ageUnclear` set answers no.
    public static func meetsMinimumAge(birth: CivilDate?, on day: CivilDate, ageUnclear: Bool) -> Bool {
        if ageUnclear { return false }
        guard let birth else { return true }
        return birth.adding(months: minimumAge * 12) <= day
    }

    /// The day the data are erased automatically (EDAC Art 29(10)): the retention period of the
    /// category counted from the day the biometric data were transmitted. Temporary-protection
    /// data count from the Council implementing decision's entry into force (Art 29(9)).
    public static func erasureDate(
        category: EurodacCategory, outcome: ResettlementOutcome?, transmitted: CivilDate,
        protectionDecision: CivilDate? = nil
    ) -> CivilDate? {
        let retentionID: String? =
            switch category {
            case .applicant: "applicant"
            case .admissionProcedure: nil
            case .resettlement: outcome?.retentionCategory
            case .nationalResettlement: "national-resettlement"
            case .irregularCrosser: "irregular-crosser"
            case .illegalStayer: "illegal-stayer"
            case .seaRescue: "sea-rescue"
            case .temporaryProtection: "temporary-protection"
            }
        guard let retentionID,
            let period = RetentionAnswer.categories.first(where: { $0.id == retentionID })?.period
        else { return nil }
        let from = category == .temporaryProtection ? (protectionDecision ?? transmitted) : transmitted
        // Retention is no procedural time limit: the end is not moved to a working day.
        return from.adding(months: period.amount * (period.unit == .years ? 12 : 1))
    }
}
