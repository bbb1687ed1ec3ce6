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
        /// The applicant's health prevents travel to the carer's state for a significant period
        /// (AMMR Art 34(2); Dublin III Art 16(2)).
        public var cannotTravel: Bool?
        /// Dublin III Art 12(4): whether the applicant left the territory of the Member States
        /// after the expired document or visa let them enter.
        public var leftTerritory: Bool?
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
        /// The child in this relationship was born after the family member arrived in the Member
        /// States: the family counts for AMMR Art 26 although formed after arrival (Art 26(3)).
        public var bornAfterArrival: Bool?
        /// For an unaccompanied minor: placing the child with this person was shown to be against
        /// the child's best interests (AMMR Art 25(2),(3); Dublin III Art 8).
        public var againstBestInterests: Bool?
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

    /// A continuous stay before the application (Dublin III Art 13(2): at least 5 months).
    public struct Stay: Sendable, Codable, Equatable {
        public var state: String
        public var from: String
        public var until: String
    }

    /// One family member applying together with the applicant, and the state the criteria
    /// would make responsible for them (AMMR Art 28).
    public struct FamilyProcedureMember: Sendable, Codable, Equatable {
        public var responsibleState: String
        public var dateOfBirth: String?
    }

    /// The state where the application was first registered.
    public var registeredIn: String
    /// The day of first registration; before 1 July 2026 the Dublin III criteria apply (AMMR
    /// Art 84(2)), read against the day the application was first lodged (Dublin III Art 20(2)).
    public var registrationDate: String
    /// The Member State conducting the determination, where the applicant is: responsible when
    /// no state can be designated without a risk of inhuman treatment (AMMR Art 16(3), 2nd subpara).
    public var determiningState: String?
    public var applicant: Applicant?
    public var familyMembers: [FamilyMember]?
    public var familyProcedure: [FamilyProcedureMember]?
    public var residenceDocuments: [ResidenceDocument]?
    public var diplomas: [Diploma]?
    public var irregularEntry: Event?
    public var seaRescueDisembarkation: Event?
    public var visaWaivedEntry: VisaWaivedEntry?
    public var transitAreaApplication: StateOnly?
    /// The state whose security check found reasonable grounds of a threat to internal
    /// security: the screening state (SCR Art 15) or the first state of registration (AMMR Art 16(4)).
    public var securityThreatFoundBy: String?
    /// Dublin III Art 13(2): continuous stays of 5 months or more after an irregular entry.
    public var stays: [Stay]?
    /// The state the applicant was relocated to after crossing (AMMR Art 33(3)).
    public var relocatedTo: String?
    /// States where a transfer would risk inhuman or degrading treatment (AMMR Art 16(3)).
    public var systemicFlaws: [String]?
}
