import Foundation
import Vapor

extension Request {
    /// Runs a form's action and answers what it answers (a redirect, a page). When the rules
    /// refuse it or an input is invalid, `again` renders the form once more with the errors,
    /// the typed values kept, and the failure's status; a refusal without a field of its own
    /// is shown against `field`. Anything else (a record that is not there, a fault) goes on
    /// to the error page.
    func submitForm(
        field: String, _ action: () async throws -> Response,
        again: ([Problem.FieldError], HTTPResponseStatus) async throws -> Response
    ) async throws -> Response {
        do {
            return try await action()
        } catch let error as any DomainError {
            guard let errors = error.failure.formErrors(field: field) else { throw error }
            return try await again(errors, error.failure.problem.httpStatus)
        }
    }
}
