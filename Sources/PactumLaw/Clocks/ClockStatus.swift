import Foundation

/// Where a running legal limit stands: one vocabulary for every capability's clocks.
public enum ClockStatus: String, Codable, Sendable, CaseIterable {
    /// More than the warning window is left.
    case open
    /// Less than the warning window is left.
    case due
    /// The limit passed and nothing has stopped the clock yet.
    case overdue
    /// Counting is suspended: the time left is frozen until it resumes.
    case suspended
    /// Stopped by the act the limit asks for, in time.
    case met
    /// Stopped by the act the limit asks for, after the limit.
    case late
    /// The limit passed and its legal consequence was applied.
    case lapsed

    /// The clock still counts (or is suspended): it belongs on a worklist.
    public var isRunning: Bool { [.open, .due, .overdue, .suspended].contains(self) }
}

/// The moments that decide a clock's status. A suspension freezes the time left: on resuming,
/// the limit moves later by the time spent suspended (APR Art 41(2)-style suspensions, an
/// AMMR transfer period suspended by an appeal).
public struct ClockPosition: Sendable, Hashable {
    public var dueAt: Date
    public var suspendedAt: Date?
    public var stoppedAt: Date?
    public var lapsedAt: Date?
    /// Less than this left (a day) is `due`.
    public static let warning: TimeInterval = 86_400

    public init(dueAt: Date, suspendedAt: Date? = nil, stoppedAt: Date? = nil, lapsedAt: Date? = nil) {
        self.dueAt = dueAt
        self.suspendedAt = suspendedAt
        self.stoppedAt = stoppedAt
        self.lapsedAt = lapsedAt
    }

    public func status(at now: Date) -> ClockStatus {
        if let stoppedAt { return stoppedAt <= dueAt ? .met : .late }
        if lapsedAt != nil { return .lapsed }
        if suspendedAt != nil { return .suspended }
        let left = secondsLeft(at: now)
        return left < 0 ? .overdue : left < Self.warning ? .due : .open
    }

    /// Time left, negative once passed; frozen while suspended and once stopped.
    public func secondsLeft(at now: Date) -> TimeInterval {
        dueAt.timeIntervalSince(stoppedAt ?? suspendedAt ?? now)
    }

    /// Hours left to one decimal, as the worklists show them.
    public func hoursLeft(at now: Date) -> Double { (secondsLeft(at: now) / 360).rounded() / 10 }

    /// The limit after resuming at `now`: later by the time spent suspended.
    public func resumedDue(at now: Date) -> Date {
        guard let suspendedAt else { return dueAt }
        return dueAt.addingTimeInterval(max(0, now.timeIntervalSince(suspendedAt)))
    }
}
