import Foundation
import Vapor

/// The feedback after an action, shown once on the page the action redirects to. Typed, and
/// kept in the session: a page never shows text taken from its URL, which anyone could have
/// written into a link.
enum Flash: Codable, Sendable, Equatable {
    case registered(reference: String, candidates: Int)
    case biometricsRecorded(stored: [String], candidates: Int)
    case noticesSent(Int)
    case datasetErased
    case rectified
    case restrictionChanged
    case candidateDecided(decision: String, probe: String, match: String, reportDue: String?)
    case noticeAcknowledged
    case screeningOpened(reference: String)
    case screeningStepRecorded(warnings: [String])
    case referralAcknowledged
    case representativeAdded
    case watchlistLoaded(list: String, alerts: Int)
    case allegationRecorded
    case allegationMoved(to: String)
    case spotCheckRecorded
    case passwordChanged

    var text: String {
        switch self {
        case .registered(let reference, let n): "Dataset \(reference) registered; \(n) candidates for the experts."
        case .biometricsRecorded(let stored, let n):
            "Biometric data recorded (\(stored.map(Labels.biometric).joined(separator: ", "))); \(n) candidates for the experts."
        case .noticesSent(let n): n == 1 ? "Recorded; 1 notice sent." : "Recorded; \(n) notices sent."
        case .datasetErased: "The dataset was erased."
        case .rectified: "Rectified; the Member States holding the person were told."
        case .restrictionChanged: "The restriction of processing was changed."
        case .candidateDecided(let status, let probe, let match, let due):
            switch Candidate.Status(rawValue: status) {
            case .confirmed:
                "Hit confirmed: \(probe) and \(match) now belong to one person; the other Member State was told."
            case .falseHit:
                "Candidate of \(probe) rejected as a false hit; its comparison data were deleted."
                    + (due.map { " Report it to eu-LISA by \($0)." } ?? "")
            case .referred: "Candidate of \(probe) referred: record its fingerprints to compare them."
            default: "Candidate of \(probe) set aside as another person."
            }
        case .noticeAcknowledged: "The notice was acknowledged."
        case .screeningOpened(let reference): "Screening \(reference) opened."
        case .screeningStepRecorded(let warnings): (["Recorded."] + warnings).joined(separator: " ")
        case .referralAcknowledged: "The referral was acknowledged."
        case .representativeAdded: "The representative was added."
        case .watchlistLoaded(let list, let n): "Watchlist “\(list)” loaded: \(n) alerts."
        case .allegationRecorded: "The allegation was recorded."
        case .allegationMoved(let status): "The allegation is now: \(Labels.label(.allegation, status).lowercased())."
        case .spotCheckRecorded: "The spot check was recorded."
        case .passwordChanged: "Your password has been changed. Your API tokens were revoked."
        }
    }

    /// A flash that says more than that the action was done is a warning for the page's role.
    var isWarning: Bool {
        if case .screeningStepRecorded(let warnings) = self { return !warnings.isEmpty }
        return false
    }
}

extension Request {
    private static let flashKey = "flash"

    /// A redirect after an action (303), with its feedback for the next page.
    func redirect(to location: String, flash: Flash) throws -> Response {
        session.data[Self.flashKey] = String(decoding: try JSONEncoder().encode(flash), as: UTF8.self)
        return redirect(to: location, redirectType: .normal)
    }

    /// The feedback waiting for this page, taken out of the session so that it shows once.
    func takeFlash() -> Flash? {
        guard hasSession, let raw = session.data[Self.flashKey] else { return nil }
        session.data[Self.flashKey] = nil
        do {
            return try JSONDecoder().decode(Flash.self, from: Data(raw.utf8))
        } catch {
            // A session written by an older version: the feedback is lost, not the page.
            logger.warning("unreadable flash message dropped: \(error)")
            return nil
        }
    }
}
