/// A counting semaphore for async code: waiters queue in order and never block a thread. With
/// one permit it is a mutual-exclusion lock.
actor AsyncSemaphore {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(permits: Int = 1) {
        precondition(permits > 0, "a semaphore needs a permit")
        available = permits
    }

    func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    /// For a hold that ends outside the scope that takes it; pair with `release()`.
    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            // The permit passes straight to the first waiter.
            waiters.removeFirst().resume()
        }
    }
}
