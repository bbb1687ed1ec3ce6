import NIOPosix
import Vapor

/// Bcrypt, run on the thread pool: one hash costs ~250 ms at cost 12 and must never block an
/// event loop.
struct PasswordHasher: Sendable {
    let cost: Int
    let threadPool: NIOThreadPool
    /// A hash to verify against when the account does not exist, so that the answer takes as
    /// long as for a real account and does not reveal which e-mails are registered.
    private let decoy: String

    init(cost: Int, threadPool: NIOThreadPool) throws {
        self.cost = cost
        self.threadPool = threadPool
        self.decoy = try Bcrypt.hash(Self.generate(), cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String?) async throws -> Bool {
        try await threadPool.runIfActive { [decoy] in
            let matches = (try? Bcrypt.verify(password, created: hash ?? decoy)) ?? false
            return matches && hash != nil
        }
    }

    /// Why a new password is refused, or nil when it is acceptable.
    static func weakness(of password: String) -> String? {
        if password.count < 12 { return "must have at least 12 characters" }
        if password.utf8.count > 72 { return "must have at most 72 bytes (the limit of bcrypt)" }
        if Set(password).count < 5 { return "must use at least 5 different characters" }
        return nil
    }

    /// A random password that meets the rules: 20 characters from an alphabet without look-alikes.
    static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &rng)! })
    }
}
