/// The facts of an application from which the responsible Member State follows (AMMR Part
/// III). Dates are `YYYY-MM-DD`; states are ISO 3166-1 alpha-2 codes. docs/LAW.md documents
/// every key.
public struct ResponsibilityFacts: Sendable, Codable, Equatable {
    public struct Applicant: Sendable, Codable, Equatable {
        public var dateOfBirth: String?
        public var nationality: String?
        public var unaccompaniedMinor: Bool?
        /// Dependent on a child, sibling or parent's assistance (AMMR Art 34), or they on the applicant's.
        public var dependent: Bool?
        public var married: Bool?
    }

    public struct FamilyMember: Sendable, Codable, Equatable {
        /// spouse, partner, child (minor, unmarried), parent, responsible-adult, sibling, relative
        /// (adult aunt, uncle or grandparent), adult-child.
        public var relation: String
        public var state: String
        /// beneficiary (of international protection), former-beneficiary (naturalised),
        /// long-term-resident, applicant, legally-present.
        public var status: String
        public var consentInWriting: Bool?
        /// For an applicant: whether a first-instance decision on the merits has been taken (AMMR Art 27).
        public var firstInstanceDecision: Bool?
        /// Whether the family existed before the applicant arrived (AMMR Art 2(8)).
        public var formedBeforeArrival: Bool?
        /// For a relative or a carer: able to take care of the applicant (AMMR Arts 25(3), 34).
        public var ableToCare: Bool?
    }

    public struct ResidenceDocument: Sendable, Codable, Equatable {
        public var state: String
        /// residence-permit or visa.
        public var kind: String
        public var issuedOn: String
        public var validUntil: String
        /// For visas: the type (e.g. C, D); visas of different types compare by validity.
        public var visaType: String?
        /// For a visa issued under representation (Visa Code Art 8): the represented state.
        public var onBehalfOf: String?
    }

    public struct Diploma: Sendable, Codable, Equatable {
        public var state: String
        public var issuedOn: String
        public var studyMonths: Int?
    }

    public struct Event: Sendable, Codable, Equatable {
        public var state: String
        public var date: String
    }

    public struct VisaWaivedEntry: Sendable, Codable, Equatable {
        public var state: String
        /// Whether the applicant is also visa-exempt in the state of registration (AMMR Art 31(2)).
        public var exemptInRegisteringState: Bool?
    }

    public struct StateOnly: Sendable, Codable, Equatable {
        public var state: String
    }

    /// One family member applying together with the applicant, and the state the criteria
    /// would make responsible for them (AMMR Art 28).
    public struct FamilyProcedureMember: Sendable, Codable, Equatable {
        public var responsibleState: String
        public var dateOfBirth: String?
    }

    /// The state where the application was first registered.
    public var registeredIn: String
    public var registrationDate: String
    public var applicant: Applicant?
    public var familyMembers: [FamilyMember]?
    public var familyProcedure: [FamilyProcedureMember]?
    public var residenceDocuments: [ResidenceDocument]?
    public var diplomas: [Diploma]?
    public var irregularEntry: Event?
    public var seaRescueDisembarkation: Event?
    public var visaWaivedEntry: VisaWaivedEntry?
    public var transitAreaApplication: StateOnly?
    /// The state that found reasonable grounds of a threat to internal security (AMMR Art 16(4)).
    public var securityThreatFoundBy: String?
    /// The state the applicant was relocated to after crossing (AMMR Art 33(3)).
    public var relocatedTo: String?
    /// States where a transfer would risk inhuman or degrading treatment (AMMR Art 16(3)).
    public var systemicFlaws: [String]?

    /// The keys of the facts document, for validation messages.
    public static let keys = [
        "registeredIn", "registrationDate", "applicant", "familyMembers", "familyProcedure", "residenceDocuments",
        "diplomas", "irregularEntry", "seaRescueDisembarkation", "visaWaivedEntry", "transitAreaApplication",
        "securityThreatFoundBy", "relocatedTo", "systemicFlaws",
    ]
}
