import Fluent
import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// A dataset as its own Member State sees it.
struct DatasetView: Content, Equatable {
    var id: UUID
    var personId: UUID
    var state: String
    var category: String
    var categoryTitle: String
    var reference: String
    var givenNames: String
    var familyNames: String
    var namesAtBirth: String?
    var otherNames: String?
    var nationalities: String?
    var dateOfBirth: String?
    var placeOfBirth: String?
    var sex: String?
    var documentType: String?
    var documentNumber: String?
    var documentCountry: String?
    var documentExpiry: String?
    var eventPlace: String?
    var eventAt: Date
    var resettlementOutcome: String?
    var protectionDecisionDate: String?
    var biometricsTakenAt: Date?
    var transmittedAt: Date?
    var transmissionDueAt: Date
    var transmissionRule: String
    var transmissionVariant: String?
    var transmission: ClockView
    var operatorId: String
    var protectionMarkedAt: Date?
    var residenceMarkedAt: Date?
    var securityFlag: String?
    var responsibleState: String?
    var relocationState: String?
    var transferArrival: String?
    var departureDate: String?
    var removalDate: String?
    var restricted: Bool
    var restrictionReason: String?
    var eraseOn: String?

    init(_ d: Dataset, transmission: LegalClock, now: Date) throws {
        id = try d.requireID()
        personId = d.$person.id
        state = d.stateCode
        category = d.category
        categoryTitle = d.eurodacCategory?.title ?? d.category
        reference = d.reference
        givenNames = d.bio.givenNames
        familyNames = d.bio.familyNames
        namesAtBirth = d.bio.namesAtBirth
        otherNames = d.bio.otherNames
        nationalities = d.bio.nationalities
        dateOfBirth = d.bio.dateOfBirth
        placeOfBirth = d.bio.placeOfBirth
        sex = d.bio.sex
        documentType = d.bio.documentType
        documentNumber = d.bio.documentNumber
        documentCountry = d.bio.documentCountry
        documentExpiry = d.bio.documentExpiry
        eventPlace = d.eventPlace
        eventAt = d.eventAt
        resettlementOutcome = d.resettlementOutcome
        protectionDecisionDate = d.protectionDecisionDate
        biometricsTakenAt = d.biometricsTakenAt
        transmittedAt = d.transmittedAt
        transmissionDueAt = transmission.dueAt
        transmissionRule = transmission.rule
        transmissionVariant = transmission.variant
        self.transmission = ClockView(transmission, now: now)
        operatorId = d.operatorID
        protectionMarkedAt = d.protectionMarkedAt
        residenceMarkedAt = d.residenceMarkedAt
        securityFlag = d.securityFlag
        responsibleState = d.responsibleState
        relocationState = d.relocationState
        transferArrival = d.transferArrival
        departureDate = d.departureDate
        removalDate = d.removalDate
        restricted = d.isRestricted
        restrictionReason = d.restrictionReason
        eraseOn = d.eraseOn
    }
}

/// What a hit returns of another state's dataset (EDAC Art 27(4)): who holds it, under which
/// category, and the data needed to verify the match.
struct MatchedDataset: Content, Equatable {
    var id: UUID
    var personId: UUID
    var state: String
    var category: String
    var reference: String
    var givenNames: String
    var familyNames: String
    var dateOfBirth: String?
    var sex: String?
    var nationalities: String?
    var protectionMarked: Bool
    var securityFlagged: Bool

    init(_ d: Dataset) throws {
        id = try d.requireID()
        personId = d.$person.id
        state = d.stateCode
        category = d.category
        reference = d.reference
        givenNames = d.bio.givenNames
        familyNames = d.bio.familyNames
        dateOfBirth = d.bio.dateOfBirth
        sex = d.bio.sex
        nationalities = d.bio.nationalities
        protectionMarked = d.protectionMarkedAt != nil
        securityFlagged = d.securityFlag != nil
    }
}

/// One candidate of the expert's queue, with both datasets and the explanation of the score.
struct CandidateView: Content, Equatable {
    var id: UUID
    var status: String
    var probability: Double
    var probe: MatchedDataset?
    var match: MatchedDataset?
    var explanation: MatchExplanation?
    /// `biographic`, `fingerprints` or `face`, and the biometric evidence.
    var source: String
    var evidence: BiometricEvidence?
    /// The matched minutiae of the best finger drawn as SVG (fingerprint candidates).
    var drawing: String?
    var reviewedBy: String?
    var reviewedAt: Date?
    var reportDue: String?
}

/// The answer to a registration: the stored dataset (nil for B1, which is only compared) and
/// the candidates the expert must check.
struct RegistrationResult: Content {
    var dataset: DatasetView?
    var candidates: [CandidateView]
    /// B1 only: the matches of a comparison that is not recorded.
    var matches: [SearchMatch]?
}

/// The answer to a search without registration: matches with their scores; nothing when no
/// candidate reaches the threshold (EDAC Art 27(4)).
struct SearchResult: Content {
    var purpose: String
    var matches: [SearchMatch]
}

struct SearchMatch: Content, Equatable {
    var dataset: MatchedDataset
    var explanation: MatchExplanation
}

/// A person as one Member State may see them: its own datasets in full, and of the datasets of
/// other states confirmed as the same person only what the hit returned.
struct PersonView: Content {
    var id: UUID
    var datasets: [DatasetView]
    var otherStates: [MatchedDataset]
    var candidates: [CandidateView]
    var notices: [NoticeView]
    var rectifications: [RectificationView]
}

struct NoticeView: Content, Equatable {
    var id: UUID
    var from: String
    var to: String
    var kind: String
    var recipientDatasetId: UUID?
    var recipientReference: String
    var message: String
    var citation: String
    var createdAt: Date
    var dueAt: Date
    var readAt: Date?

    init(_ m: ExchangeMessage, limit: LegalClock) throws {
        let notice = try m.read(RegistryNotice.self)
        id = try m.requireID()
        from = m.sender.code
        to = m.receiver.code
        kind = notice.kind
        recipientDatasetId = m.caseID
        recipientReference = m.caseReference
        message = notice.message
        citation = notice.citation
        createdAt = m.sentAt
        dueAt = limit.dueAt
        readAt = m.acknowledgedAt
    }
}

struct RectificationView: Content, Equatable {
    var datasetId: UUID
    var field: String
    var oldValue: String?
    var newValue: String?
    var reason: String
    var by: String
    var at: Date

    init(_ r: Rectification) {
        datasetId = r.datasetID
        field = r.field
        oldValue = r.oldValue
        newValue = r.newValue
        reason = r.reason
        by = r.byUser
        at = r.at
    }
}

/// One dataset waiting for transmission, by time left.
struct WorklistItem: Content, Equatable {
    var datasetId: UUID
    var reference: String
    var category: String
    var eventAt: Date
    var dueAt: Date
    var rule: String
    var variant: String?
    var status: String
    var hoursLeft: Double
    var clock: ClockView
}

/// Everything a Member State holds about a person, for the data subject (EDAC Art 43).
struct DataSubjectExport: Content {
    var person: UUID
    var state: String
    var exportedAt: Date
    var controllerNote: String
    var datasets: [DatasetView]
    /// The biometric data held: kind, format, size and when (EDAC Art 43(2)); the data
    /// themselves are given on request as the files received.
    var biometrics: [BiometricRecordView]
    var hits: [CandidateView]
    var notices: [NoticeView]
    var rectifications: [RectificationView]
    /// The screening forms of the person's screenings in the caller's state (SCR Art 17).
    var screenings: [ScreeningForm]
}

struct BiometricRecordView: Content {
    var datasetId: UUID
    var kind: String
    var format: String
    var bytes: Int
    var recordedAt: Date
}
