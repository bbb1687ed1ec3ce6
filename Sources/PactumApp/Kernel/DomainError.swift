import Foundation
import Vapor

/// What a capability's rules refuse, as a person can act on it. Each capability has an error
/// enum of its own whose cases say which of these each error is; `ProblemMiddleware` answers
/// every one in one place: a record that is not there 404, invalid input 422, a refused state
/// change 409, an act the caller's roles do not allow 403, a file that cannot be read 400.
enum DomainFailure: Sendable, Equatable {
    case notFound(String)
    case invalid([Problem.FieldError])
    /// The state of the record does not allow the change; `type` names the rule.
    case refused(type: String, detail: String)
    case forbidden(String)
    case unreadable(String)

    var problem: Problem {
        switch self {
        case .notFound(let detail): .notFound(detail)
        case .invalid(let errors): .validation(errors)
        case .refused(let type, let detail): Problem(status: .conflict, type: type, detail: detail)
        case .forbidden(let detail): .forbidden(detail)
        case .unreadable(let detail): .badRequest(detail)
        }
    }

    /// What a form shows again: the invalid fields, or the refusal against `field`. Nil for a
    /// record that is not there, which is an error page, not a form to correct.
    func formErrors(field: String) -> [Problem.FieldError]? {
        switch self {
        case .notFound, .forbidden: nil
        case .invalid(let errors): errors
        case .refused(_, let detail), .unreadable(let detail): [.init(field: field, message: detail)]
        }
    }
}

protocol DomainError: Error, Sendable {
    var failure: DomainFailure { get }
}

/// Invalid input, the same in every capability (422 with every invalid field).
struct InvalidInput: DomainError, Equatable {
    var errors: [Problem.FieldError]
    init(_ errors: [Problem.FieldError]) { self.errors = errors }
    var failure: DomainFailure { .invalid(errors) }
}
