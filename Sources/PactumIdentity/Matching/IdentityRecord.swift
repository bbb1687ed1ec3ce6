/// The alphanumeric data of one person as one registration recorded it (EDAC Art 17).
public struct IdentityRecord: Sendable, Hashable, Codable {
    public var id: String
    public var givenNames: String
    public var familyNames: String
    public var dateOfBirth: String?
    /// F, M or X (ICAO 9303).
    public var sex: String?
    /// ISO 3166-1 alpha-2 or alpha-3.
    public var nationality: String?
    public var placeOfBirth: String?
    public var documentNumber: String?
    /// Further attributes compared as free text (an address, a parent's name), in the order of
    /// the model's `extraFields`; empty strings are missing.
    public var extra: [String]

    public init(
        id: String, givenNames: String, familyNames: String, dateOfBirth: String? = nil, sex: String? = nil,
        nationality: String? = nil, placeOfBirth: String? = nil, documentNumber: String? = nil, extra: [String] = []
    ) {
        self.extra = extra
        self.id = id
        self.givenNames = givenNames
        self.familyNames = familyNames
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.nationality = nationality
        self.placeOfBirth = placeOfBirth
        self.documentNumber = documentNumber
    }
}

/// A record with everything the comparators need computed once. A class: records are shared
/// by the index and by every comparison, never copied.
public final class PreparedRecord: Sendable {
    public let record: IdentityRecord
    public let given: NormalizedName
    public let family: NormalizedName
    public let dateOfBirth: PartialDate?
    public let sex: String?
    public let nationality: String?
    public let placeOfBirth: NormalizedName
    /// Upper-case letters and digits only.
    public let documentNumber: String?
    /// The extra attributes, folded to upper-case letters and digits.
    public let extra: [String]

    public init(_ record: IdentityRecord) {
        self.record = record
        given = NameNormalizer.normalize(record.givenNames)
        family = NameNormalizer.normalize(record.familyNames)
        dateOfBirth = record.dateOfBirth.flatMap(PartialDate.init)
        sex = record.sex.map { $0.uppercased() }.flatMap { ["F", "M"].contains($0) ? $0 : nil }
        nationality = record.nationality.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        placeOfBirth = NameNormalizer.normalize(record.placeOfBirth ?? "")
        let document = (record.documentNumber ?? "").uppercased().filter { $0.isLetter || $0.isNumber }
        documentNumber = document.isEmpty ? nil : document
        extra = record.extra.map(Transliteration.foldFreeText)
    }
}
