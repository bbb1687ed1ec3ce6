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
    case languageChanged

    /// The feedback in the page's language.
    func text(_ w: Words) -> String {
        switch self {
        case .registered(let reference, let n): w.count("flash.registered", n, reference)
        case .biometricsRecorded(let stored, let n):
            w.count("flash.biometrics", n, stored.map { w.label(.biometric, $0) }.joined(separator: ", "))
        case .noticesSent(let n): w.count("flash.notices-sent", n)
        case .datasetErased: w("flash.dataset-erased")
        case .rectified: w("flash.rectified")
        case .restrictionChanged: w("flash.restriction-changed")
        case .candidateDecided(let status, let probe, let match, let due):
            switch Candidate.Status(rawValue: status) {
            case .confirmed: w("flash.candidate-confirmed", probe, match)
            case .falseHit:
                w("flash.candidate-rejected", probe) + (due.map { " " + w("flash.report-false-hit", $0) } ?? "")
            case .referred: w("flash.candidate-referred", probe)
            default: w("flash.candidate-dismissed", probe)
            }
        case .noticeAcknowledged: w("flash.notice-acknowledged")
        case .screeningOpened(let reference): w("flash.screening-opened", reference)
        case .screeningStepRecorded(let warnings): ([w("flash.recorded")] + warnings).joined(separator: " ")
        case .referralAcknowledged: w("flash.referral-acknowledged")
        case .representativeAdded: w("flash.representative-added")
        case .watchlistLoaded(let list, let n): w.count("flash.watchlist-loaded", n, list)
        case .allegationRecorded: w("flash.allegation-recorded")
        case .allegationMoved(let status): w("flash.allegation-moved", w.label(.allegation, status))
        case .spotCheckRecorded: w("flash.spot-check-recorded")
        case .passwordChanged: w("flash.password-changed")
        case .languageChanged: w("flash.language-changed")
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
