import Fluent
import Foundation
import Logging
import PostgresNIO
import Prometheus
import Synchronization
import Vapor

/// Keeps this process's identification index current with what every process wrote, by
/// reading `registry_changes` after the last position it applied. The index changes only this
/// way: a write of this process catches up right after its transaction commits, the others'
/// writes when PostgreSQL wakes the feed. A change is applied by reading the dataset again (in
/// the index, changed, or out of it), in the order of the positions, so applying one twice
/// changes nothing and a later change never lands before an earlier one.
final class RegistryChangeFeed: Sendable {
    let index: RegistryIndex
    /// This process, as the `origin` of the changes it writes.
    let node = UUID()
    private let position: Mutex<Int>
    private let lock = AsyncSemaphore()
    /// Changes read per query.
    let batch = 1_000
    /// From a change's commit in another process to its application here.
    let lag: DurationHistogram?

    init(index: RegistryIndex, position: Int = 0, metrics: PrometheusCollectorRegistry? = nil) {
        self.index = index
        self.position = Mutex(position)
        lag = metrics?.makeDurationHistogram(
            descriptor: .init(
                metricName: "pactum_change_feed_lag", unitName: "seconds",
                helpText: "From a registry change in another process to this process's index"),
            buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].map { .milliseconds($0) })
    }

    var applied: Int { position.withLock { $0 } }

    /// Sets the position at start, before the index is built.
    func move(to start: Int) { position.withLock { $0 = start } }

    /// The last position written: read before the index is built, so that whatever commits
    /// while it is built is applied afterwards.
    static func latest(on db: any Database) async throws -> Int {
        try await RegistryChange.query(on: db).sort(\.$id, .descending).first()?.requireID() ?? 0
    }

    /// Applies every change after the position; returns how many changes it read.
    @discardableResult
    func catchUp(on db: any Database) async throws -> Int {
        try await lock.withPermit {
            var read = 0
            while true {
                let from = position.withLock { $0 }
                let changes = try await RegistryChange.query(on: db).filter(\.$id > from).sort(\.$id)
                    .range(0..<batch).all()
                guard let last = changes.last else { return read }
                try await index.refresh(Set(changes.map(\.datasetID)), on: db)
                let now = Date()
                for change in changes where change.origin != node {
                    lag?.record(.milliseconds(Int64(max(0, now.timeIntervalSince(change.at)) * 1000)))
                }
                let to = try last.requireID()
                position.withLock { $0 = to }
                read += changes.count
            }
        }
    }
}

/// Follows the change feed while the server serves: woken by PostgreSQL's `LISTEN` at once
/// after another process commits, and by a poll every interval (the only wake-up on SQLite,
/// which the command line may write to while the server runs, and the fallback should the
/// listening connection drop).
final class RegistryChangeFeedService: LifecycleHandler, Sendable {
    let feed: RegistryChangeFeed
    let databaseURL: String?
    let pollInterval: TimeInterval
    private let tasks = Mutex<[Task<Void, Never>]>([])

    init(feed: RegistryChangeFeed, databaseURL: String?, pollInterval: TimeInterval) {
        self.feed = feed
        self.databaseURL = databaseURL
        self.pollInterval = pollInterval
    }

    func didBootAsync(_ app: Application) async throws {
        let feed = feed
        let db = app.db
        let logger = app.logger
        let interval = pollInterval
        var started = [
            Task {
                while !Task.isCancelled {
                    await Self.catchUp(feed, db: db, logger: logger)
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        ]
        if let url = databaseURL {
            let eventLoop = app.eventLoopGroup.any()
            started.append(
                Task {
                    while !Task.isCancelled {
                        do {
                            let connection = try await PostgresSession.connect(url: url, on: eventLoop, logger: logger)
                            // Closing the connection ends the notifications, and so the wait.
                            try await withTaskCancellationHandler {
                                try await connection.listen(on: RegistryChange.channel) { notifications in
                                    // Changes committed before LISTEN took effect.
                                    await Self.catchUp(feed, db: db, logger: logger)
                                    for try await _ in notifications {
                                        await Self.catchUp(feed, db: db, logger: logger)
                                    }
                                }
                            } onCancel: {
                                let _: EventLoopFuture<Void> = connection.close()
                            }
                            try? await connection.close()
                        } catch {
                            if Task.isCancelled { break }
                            logger.warning("Change feed: listening failed, retrying: \(String(reflecting: error))")
                        }
                        try? await Task.sleep(for: .seconds(1))
                    }
                })
        }
        tasks.withLock { $0 = started }
    }

    func shutdownAsync(_ app: Application) async {
        let running = tasks.withLock { t -> [Task<Void, Never>] in
            defer { t = [] }
            return t
        }
        for task in running {
            task.cancel()
            await task.value
        }
    }

    private static func catchUp(_ feed: RegistryChangeFeed, db: any Database, logger: Logger) async {
        do {
            let read = try await feed.catchUp(on: db)
            if read > 0 { logger.info("Change feed: \(read) changes applied, at position \(feed.applied)") }
        } catch {
            logger.error("Change feed: catching up failed: \(String(reflecting: error))")
        }
    }
}
