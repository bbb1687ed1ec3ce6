import Foundation

/// The value of a `datetime-local` input ("2026-12-03T14:05": no zone), which a page fills in
/// and reads in the official's Member State time. The API keeps to ISO 8601 with a zone; a
/// form's local value becomes that before the same validation runs.
enum LocalDateTime {
    /// "2026-12-03T14:05" (or with seconds) read in `zone` as ISO 8601; any other text is
    /// passed on as typed, for the validator to judge and name.
    static func iso(_ text: String?, in zone: TimeZone) -> String? {
        guard let text, let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/)
        else { return text }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(
            year: Int(match.1), month: Int(match.2), day: Int(match.3), hour: Int(match.4), minute: Int(match.5),
            second: match.6.flatMap { Int($0) } ?? 0)
        guard let date = calendar.date(from: parts),
            calendar.dateComponents([.month, .day], from: date).day == parts.day
        else { return text }
        return date.iso
    }

    /// A moment as such an input shows it, to the minute.
    static func input(_ date: Date, in zone: TimeZone) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                timeZone: zone, calendar: Calendar(identifier: .gregorian)))
    }
}

/// A reference for a record whose number the law leaves to the Member State (a screening, a
/// dataset registered by hand): the state, the day, and six random letters and digits, so
/// that two officials never type the same one ("DE-20261203-K7Q2XM"). The official may
/// replace it with the authority's own numbering.
enum GeneratedReference {
    static func make(_ state: String, at date: Date, in zone: TimeZone) -> String {
        let day = date.formatted(
            Date.VerbatimFormatStyle(
                format: "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)", timeZone: zone,
                calendar: Calendar(identifier: .gregorian)))
        // No 0/O or 1/I: read aloud and typed again without doubt.
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        let tail = String((0..<6).map { _ in alphabet.randomElement()! })
        return "\(state)-\(day)-\(tail)"
    }
}
