/// Screening's refusals (docs/SCREENING.md).
enum ScreeningError: DomainError, Equatable {
    case notFound(String)
    case duplicateReference(String)
    case alreadyScreened(String)
    case alreadyRegistered(String)
    case referred(String)
    case screeningEnded(String)
    case safeguardsMissing(String)
    case notAMinor(String)
    case checksIncomplete(String)
    case unreadableFile(String)

    var failure: DomainFailure {
        switch self {
        case .notFound(let detail): .notFound(detail)
        case .duplicateReference(let detail): .refused(type: "duplicate-reference", detail: detail)
        case .alreadyScreened(let detail): .refused(type: "already-screened", detail: detail)
        case .alreadyRegistered(let detail): .refused(type: "already-registered", detail: detail)
        case .referred(let detail): .refused(type: "referred", detail: detail)
        case .screeningEnded(let detail): .refused(type: "screening-ended", detail: detail)
        case .safeguardsMissing(let detail): .refused(type: "safeguards-missing", detail: detail)
        case .notAMinor(let detail): .refused(type: "not-a-minor", detail: detail)
        case .checksIncomplete(let detail): .refused(type: "checks-incomplete", detail: detail)
        case .unreadableFile(let detail): .unreadable(detail)
        }
    }
}
