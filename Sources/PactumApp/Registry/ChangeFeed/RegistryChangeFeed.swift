import Fluent
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Vapor

/// Keeps this process's identification index current with what every process wrote, by
/// reading `registry_changes` after the last position it applied. A change is applied by
/// reading the dataset again (in the index, changed, or out of it), so applying one twice, or
/// one this process made itself, changes nothing.
final class RegistryChangeFeed: Sendable {
    let index: RegistryIndex
    private let position: Mutex<Int>
    private let lock = AsyncLock()
    /// Changes read per query.
    let batch = 1_000

    init(index: RegistryIndex, position: Int) {
        self.index = index
        self.position = Mutex(position)
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
        try await lock.withLock {
            var read = 0
            while true {
                let from = position.withLock { $0 }
                let changes = try await RegistryChange.query(on: db).filter(\.$id > from).sort(\.$id)
                    .range(0..<batch).all()
                guard let last = changes.last else { return read }
                for id in Set(changes.map(\.datasetID)) { try await index.refresh(id, on: db) }
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
            if read > 0 { logger.debug("Change feed: \(read) changes applied, at \(feed.applied)") }
        } catch {
            logger.error("Change feed: catching up failed: \(String(reflecting: error))")
        }
    }
}
