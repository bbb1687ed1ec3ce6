import Foundation

/// A clock as an official reads it: the status as a label and the time left in words, so that
/// no page shows "-3.5 hours" or an internal status code.
public enum ClockWording {
    /// The status's label.
    public static func label(_ status: ClockStatus) -> String {
        switch status {
        case .open: "Running"
        case .due: "Due within a day"
        case .overdue: "Limit passed"
        case .suspended: "Suspended"
        case .met: "Met in time"
        case .late: "Met after the limit"
        case .lapsed: "Lapsed"
        }
    }

    /// The time left in words: "2 days 3 hours left", "45 minutes left", "passed 5 hours ago";
    /// a suspended clock keeps its time left; a stopped one says so.
    public static func timeLeft(seconds: TimeInterval, status: ClockStatus) -> String {
        switch status {
        case .open, .due: "\(duration(seconds)) left"
        case .overdue: "passed \(duration(-seconds)) ago"
        case .suspended: seconds >= 0 ? "\(duration(seconds)) left when it resumes" : "suspended after the limit"
        case .met, .late, .lapsed: label(status).lowercased()
        }
    }

    /// A unit of the time left in words.
    public enum Unit: String, Sendable, CaseIterable {
        case day, hour, minute
    }

    /// Days and hours from a day up, hours and minutes below it, minutes below an hour; none
    /// below a minute. Every language's wording counts the same parts.
    public static func parts(_ seconds: TimeInterval) -> [(count: Int, unit: Unit)] {
        let minutes = Int((max(seconds, 0) / 60).rounded(.down))
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let all: [(count: Int, unit: Unit)] =
            days > 0
            ? [(days, .day), (hours, .hour)] : hours > 0 ? [(hours, .hour), (mins, .minute)] : [(mins, .minute)]
        return all.filter { $0.count > 0 }
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let words = parts(seconds).map { "\($0.count) \($0.unit.rawValue)\($0.count == 1 ? "" : "s")" }
        return words.isEmpty ? "less than a minute" : words.joined(separator: " ")
    }
}
