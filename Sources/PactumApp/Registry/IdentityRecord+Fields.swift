import PactumIdentity

extension IdentityRecord {
    /// A probe from the fields a form or a model holds: nationalities come as comma-separated
    /// codes, of which the matching engine compares the first.
    init(
        givenNames: String?, familyNames: String, dateOfBirth: String?, sex: String?, nationalities: String?,
        placeOfBirth: String?, documentNumber: String?
    ) {
        self.init(
            id: "", givenNames: givenNames ?? "", familyNames: familyNames, dateOfBirth: dateOfBirth, sex: sex,
            nationality: nationalities?.split(separator: ",").first.map(String.init), placeOfBirth: placeOfBirth,
            documentNumber: documentNumber)
    }
}
