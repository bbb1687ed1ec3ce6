import Foundation
import Vapor

/// How many requests of one kind a key (an account, a client address, a user) may make in a
/// window. Past it the answer is 429 with `Retry-After` until the window ends.
public struct RateLimit: Sendable, Equatable {
    public var requests: Int
    public var window: TimeInterval

    public init(requests: Int, per window: TimeInterval) {
        self.requests = requests
        self.window = window
    }
}

/// The limits an operator can set (docs/SECURITY.md). Defaults allow an official's working
/// pace many times over and stop password guessing and search flooding.
public struct RateLimits: Sendable {
    /// Sign-in attempts on one account, right or wrong (the lockout counts wrong ones apart).
    public var signInPerAccount = RateLimit(requests: 20, per: 300)
    /// Sign-in attempts from one client address, over all accounts.
    public var signInPerAddress = RateLimit(requests: 100, per: 300)
    /// Expensive searches by one user: registry searches and biometric identifications.
    public var searchPerUser = RateLimit(requests: 120, per: 60)

    public init() {}
}

/// Fixed-window counters in memory, one per key. Per process: behind several processes each
/// counts its own share, which a proxy's limit can tighten.
actor RateLimiter {
    private let clock: AppClock
    /// Per key: when its window ends and how many requests it has used.
    private var windows: [String: (ends: Date, used: Int)] = [:]
    /// Beyond this many keys the ended windows are dropped, so memory stays bounded.
    private let pruneAbove = 10_000

    init(clock: AppClock) { self.clock = clock }

    /// Counts one request; throws the 429 problem when the key has used its limit.
    func take(_ key: String, _ limit: RateLimit) throws {
        let now = clock.now()
        // Each window ends by its own limit's length, so pruning for one kind of request
        // never shortens another's.
        if windows.count > pruneAbove { windows = windows.filter { $0.value.ends > now } }
        var entry: (ends: Date, used: Int) =
            windows[key].flatMap { $0.ends > now ? $0 : nil } ?? (now.addingTimeInterval(limit.window), 0)
        guard entry.used < limit.requests else {
            throw Problem.tooManyRequests(retryAfter: max(1, Int(entry.ends.timeIntervalSince(now).rounded(.up))))
        }
        entry.used += 1
        windows[key] = entry
    }
}

extension Problem {
    static func tooManyRequests(retryAfter seconds: Int) -> Problem {
        var problem = Problem(
            status: .tooManyRequests, type: "rate-limited", title: "Too many requests",
            detail: "Too many requests of this kind; try again in \(seconds) seconds.")
        problem.retryAfter = seconds
        return problem
    }
}

extension Request {
    /// The peer's address. Pactum does not trust `X-Forwarded-For`: behind a proxy every
    /// client shares the proxy's address, and the proxy should limit by the real one.
    var clientAddress: String? { remoteAddress?.ipAddress }
}
