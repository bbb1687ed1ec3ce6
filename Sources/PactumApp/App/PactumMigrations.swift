import Fluent
import PactumLaw

/// Every migration, in the one order they run. Each capability keeps its migrations in its own
/// folder (`Registry/Migrations/`, `Clocks/ClockMigrations.swift` …); a new one goes at the end,
/// and a released one never changes, since databases record them by name.
enum PactumMigrations {
    static func all(law: DeadlineEngine) -> [any Migration] {
        [
            // Kernel, accounts and audit
            CreateMemberStates(), CreateUsers(), CreateWebSessions(), CreateAuditEntries(),
            // Registry and screening (which also created the monitoring tables)
            CreateRegistry(), CreateScreening(), CreateBiometrics(),
            UpdateWebSessionsAddUserID(), UpdateBiometricsAddUniqueKind(),
            // The kernel's clocks, the change feed and the exchange, with the moves onto them
            CreateLegalClocks(), MoveClocksToLegalClocks(law: law), CreateRegistryChanges(), CreateExchangeMessages(),
            MoveNoticesToExchange(law: law),
            // Typed storage
            UpdateCandidatesExplanationJSON(), MoveBiographicToGroup(),
            // The audit trail by record
            AddAuditRecordIndex(),
            // The user's language
            AddUserLanguage(),
        ]
    }
}
