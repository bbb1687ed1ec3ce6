import Fluent
import Foundation

/// A representative or trained person who assists unaccompanied minors (SCR Art 13(4)).
final class Representative: Model, @unchecked Sendable {
    static let schema = "screening_representatives"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_code") var stateCode: String
    @Field(key: "name") var name: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One alert of a watchlist an authority loaded: a person or a lost or stolen document.
final class WatchlistEntry: Model, @unchecked Sendable {
    static let schema = "screening_watchlist_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_code") var stateCode: String
    /// The list's name as loaded, e.g. `national-alerts` or `sltd`.
    @Field(key: "list") var list: String
    /// `person` or `document`.
    @Field(key: "kind") var kind: String
    /// The alert reference: all a screening keeps of a hit (SCR Arts 15-16).
    @Field(key: "alert_reference") var alertReference: String
    @OptionalField(key: "given_names") var givenNames: String?
    @OptionalField(key: "family_names") var familyNames: String?
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @OptionalField(key: "nationalities") var nationalities: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    @OptionalField(key: "document_country") var documentCountry: String?
    @Field(key: "loaded_at") var loadedAt: Date

    init() {}
}
