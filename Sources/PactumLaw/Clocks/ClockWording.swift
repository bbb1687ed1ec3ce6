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

    /// Days and hours from a day up, hours and minutes below it, minutes below an hour.
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((max(seconds, 0) / 60).rounded(.down))
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if days > 0 { return hours > 0 ? "\(unit(days, "day")) \(unit(hours, "hour"))" : unit(days, "day") }
        if hours > 0 { return mins > 0 ? "\(unit(hours, "hour")) \(unit(mins, "minute"))" : unit(hours, "hour") }
        return minutes > 0 ? unit(mins, "minute") : "less than a minute"
    }
}
