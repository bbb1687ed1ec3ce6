/// The registry's refusals (docs/REGISTRY.md).
enum RegistryError: DomainError, Equatable {
    case notFound(String)
    case duplicateReference(String)
    case restricted(String)
    case eventNotAllowed(String)
    case biometricsRecorded(String)
    case alreadyDecided(String)
    /// An event the caller's roles may not record (the events' own table of roles).
    case eventForbidden(String)

    var failure: DomainFailure {
        switch self {
        case .notFound(let detail): .notFound(detail)
        case .duplicateReference(let detail): .refused(type: "duplicate-reference", detail: detail)
        case .restricted(let detail): .refused(type: "restricted", detail: detail)
        case .eventNotAllowed(let detail): .refused(type: "event-not-allowed", detail: detail)
        case .biometricsRecorded(let detail): .refused(type: "biometrics-recorded", detail: detail)
        case .alreadyDecided(let detail): .refused(type: "already-decided", detail: detail)
        case .eventForbidden(let detail): .forbidden(detail)
        }
    }
}
