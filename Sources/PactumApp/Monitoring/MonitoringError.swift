/// The monitoring mechanism's refusals (SCR Art 10).
enum MonitoringError: DomainError, Equatable {
    case notFound(String)
    case allegationMoved(String)

    var failure: DomainFailure {
        switch self {
        case .notFound(let detail): .notFound(detail)
        case .allegationMoved(let detail): .refused(type: "allegation-moved", detail: detail)
        }
    }
}
