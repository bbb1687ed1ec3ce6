import Foundation
import PactumLaw

extension Words {
    /// The time left in the page's language ("2 Tage 3 Stunden verbleibend"), counted as
    /// `ClockWording` counts it for the API.
    func timeLeft(seconds: TimeInterval, status: ClockStatus) -> String {
        switch status {
        case .open, .due: self("clock.left", duration(seconds))
        case .overdue: self("clock.passed", duration(-seconds))
        case .suspended: seconds >= 0 ? self("clock.resumes", duration(seconds)) : self("clock.suspended-late")
        case .met, .late, .lapsed: label(.clock, status.rawValue)
        }
    }

    func duration(_ seconds: TimeInterval) -> String {
        let parts = ClockWording.parts(seconds).map { count("unit.\($0.unit.rawValue)", $0.count) }
        return parts.isEmpty ? self("unit.less-than-a-minute") : parts.joined(separator: " ")
    }

    /// "Thu 26 Nov 2026, 14:05 CET" in English as before; the locale's own order and names in
    /// the others ("Do., 26. Nov. 2026, 14:05 MEZ").
    func local(_ date: Date, in zone: TimeZone) -> String {
        guard language != .en else { return ClockView.local(date, in: zone) }
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: language.locale, timeZone: zone)
        style = style.weekday(.abbreviated).timeZone(.specificName(.short))
        return date.formatted(style)
    }

    func day(_ date: Date, in zone: TimeZone) -> String {
        guard language != .en else { return ClockView.day(date, in: zone) }
        return date.formatted(
            Date.FormatStyle(date: .abbreviated, time: .omitted, locale: language.locale, timeZone: zone)
                .weekday(.abbreviated))
    }

    func number(_ n: Int) -> String { n.formatted(.number.locale(language.locale)) }

    func decimal(_ x: Double, places: Int) -> String {
        x.formatted(.number.precision(.fractionLength(places)).grouping(.never).locale(language.locale))
    }
}
