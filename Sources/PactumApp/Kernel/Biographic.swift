import Fluent
import PactumIdentity

/// A person's biographic data as every capability records them: names, birth, sex,
/// nationalities and the travel document (EDAC Art 17(1)(c)-(j); SCR Art 17(1)(a)-(c)). One
/// Fluent group, declared once: a model holds it as `@Group(key: "bio")`, in columns
/// `bio_given_names` …
final class Biographic: Fields, @unchecked Sendable {
    @Field(key: "given_names") var givenNames: String
    @Field(key: "family_names") var familyNames: String
    @OptionalField(key: "names_at_birth") var namesAtBirth: String?
    /// Previous names and aliases, separated by ";".
    @OptionalField(key: "other_names") var otherNames: String?
    /// ICAO 9303 three-letter codes separated by ","; `XXA` for stateless.
    @OptionalField(key: "nationalities") var nationalities: String?
    /// `YYYY-MM-DD`, with `00` or `XX` for unknown parts.
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @OptionalField(key: "place_of_birth") var placeOfBirth: String?
    @OptionalField(key: "sex") var sex: String?
    @OptionalField(key: "document_type") var documentType: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    @OptionalField(key: "document_country") var documentCountry: String?
    @OptionalField(key: "document_expiry") var documentExpiry: String?

    init() {}

    /// The group's key in a model, and so the prefix of its columns.
    static let key: FieldKey = "bio"
    /// The columns' names without the prefix, required ones first, for migrations.
    static let required = ["given_names", "family_names"]
    static let optional = [
        "names_at_birth", "other_names", "nationalities", "date_of_birth", "place_of_birth", "sex", "document_type",
        "document_number", "document_country", "document_expiry",
    ]

    /// The probe the identification engine compares.
    var identityRecord: IdentityRecord {
        IdentityRecord(
            givenNames: givenNames, familyNames: familyNames, dateOfBirth: dateOfBirth, sex: sex,
            nationalities: nationalities, placeOfBirth: placeOfBirth, documentNumber: documentNumber)
    }
}
