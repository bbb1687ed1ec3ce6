import Fluent
import Foundation
import PactumIdentity
import PactumLaw

/// The data a security check queries with (SCR Art 15(1)): the person and the document.
struct SecurityQuery: Sendable {
    var person: IdentityRecord
    var documentNumber: String?
    var documentCountry: String?
}

/// A source the security check of SCR Art 15(2) queries. SIS, the Interpol databases,
/// ECRIS-TCN, Europol data, VIS, EES and ETIAS are outside Pactum; each is reached through a
/// connector of this shape, which answers with hits and alert references only.
protocol SecurityConnector: Sendable {
    var source: String { get }
    func check(_ query: SecurityQuery, state: MemberState, on db: any Database) async throws -> [SecurityHit]
}

/// The connector Pactum ships: watchlists an authority loads from CSV (person alerts, lost and
/// stolen documents), matched with the biographic engine.
struct WatchlistConnector: SecurityConnector {
    let source = "national-watchlists"
    /// The match probability from which a person alert is a hit.
    let threshold: Double
    let indexes = WatchlistIndexes()

    func check(_ query: SecurityQuery, state: MemberState, on db: any Database) async throws -> [SecurityHit] {
        let lists = try await indexes.lists(of: state.code, on: db)
        var hits: [SecurityHit] = []
        // Documents: the number (and the issuing state when both sides give it), exactly.
        if let number = query.documentNumber.map(Self.documentKey), !number.isEmpty {
            for alert in lists.documents[number] ?? [] {
                if let a = alert.documentCountry, let b = query.documentCountry, a != b { continue }
                hits.append(.init(source: source, list: alert.list, kind: "document", alertReference: alert.reference))
            }
        }
        // Persons: every name and date the alert gives, across scripts, through the index.
        for found in lists.persons.search(PreparedRecord(query.person), limit: 10, minimumProbability: threshold) {
            guard let alert = lists.alerts[found.id] else { continue }
            hits.append(.init(source: source, list: alert.list, kind: "person", alertReference: alert.reference))
        }
        return hits
    }

    static func documentKey(_ number: String) -> String {
        number.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// Each state's alerts, read and indexed once, then again only when the state's lists change:
/// their count or their latest load time, which two small queries tell on every check, so
/// every server of a deployment sees a list another one loaded.
actor WatchlistIndexes {
    struct Alert: Sendable {
        var list: String
        var reference: String
        var documentCountry: String?
    }

    struct Lists: Sendable {
        var stamp: Stamp
        var persons: IdentityIndex
        /// Person alerts by index id; document alerts by normalised number.
        var alerts: [String: Alert]
        var documents: [String: [Alert]]
    }

    struct Stamp: Sendable, Equatable {
        var count: Int
        var loadedAt: Date?
    }

    private var cache: [String: Lists] = [:]
    /// Indexes built, for the tests.
    private(set) var builds = 0

    func lists(of state: String, on db: any Database) async throws -> Lists {
        let entries = WatchlistEntry.query(on: db).filter(\.$stateCode == state)
        let stamp = Stamp(count: try await entries.count(), loadedAt: try await entries.copy().max(\.$loadedAt))
        if let cached = cache[state], cached.stamp == stamp { return cached }
        var lists = Lists(stamp: stamp, persons: IdentityIndex(model: .initial), alerts: [:], documents: [:])
        for e in try await WatchlistEntry.query(on: db).filter(\.$stateCode == state).all() {
            let alert = Alert(list: e.list, reference: e.alertReference, documentCountry: e.documentCountry)
            if e.kind == "document", let number = e.documentNumber.map(WatchlistConnector.documentKey) {
                lists.documents[number, default: []].append(alert)
            } else if e.kind == "person" {
                let id = (try e.requireID()).uuidString
                lists.alerts[id] = alert
                lists.persons.insert(
                    PreparedRecord(
                        IdentityRecord(
                            id: id, givenNames: e.givenNames ?? "", familyNames: e.familyNames ?? "",
                            dateOfBirth: e.dateOfBirth, sex: nil,
                            nationality: e.nationalities?.split(separator: ",").first.map(String.init),
                            placeOfBirth: nil, documentNumber: e.documentNumber)))
            }
        }
        cache[state] = lists
        builds += 1
        return lists
    }
}

/// Loading a watchlist: the CSV's columns, checked row by row; a file with any bad row loads
/// nothing.
enum WatchlistFile {
    static let columns = [
        "kind", "alert_reference", "given_names", "family_names", "date_of_birth", "nationalities", "document_number",
        "document_country",
    ]

    static func entries(_ text: String, list: String, state: MemberState, now: Date) throws -> [WatchlistEntry] {
        guard (1...64).contains(list.utf8.count),
            list.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            throw InvalidInput([.init(field: "list", message: "must be 1-64 letters, digits, '-', '_' or '.'")])
        }
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            throw ScreeningError.unreadableFile("The file is not CSV: \(error).")
        }
        var check = FieldValidator()
        let missing = columns.filter { !table.header.contains($0) }
        if !missing.isEmpty {
            throw ScreeningError.unreadableFile("The file lacks the columns: \(missing.joined(separator: ", ")).")
        }
        let col = Dictionary(uniqueKeysWithValues: columns.map { ($0, table.header.firstIndex(of: $0)!) })
        var entries: [WatchlistEntry] = []
        for (n, row) in table.rows.enumerated() {
            func value(_ c: String) -> String? { Optional(row[col[c]!]).given }
            let line = "row \(n + 2)"
            for c in columns { check.plainText(value(c), "\(line) \(c)", max: 200) }
            check.name(value("given_names"), "\(line) given_names", max: 200)
            check.name(value("family_names"), "\(line) family_names", max: 200)
            let e = WatchlistEntry()
            e.id = UUID()
            e.stateCode = state.code
            e.list = list
            e.kind = value("kind") ?? ""
            e.alertReference = value("alert_reference") ?? ""
            e.givenNames = value("given_names")
            e.familyNames = value("family_names")
            e.dateOfBirth = value("date_of_birth")
            e.nationalities = check.countries(value("nationalities"), "\(line) nationalities")
            e.documentNumber = value("document_number")
            e.documentCountry = check.countries(value("document_country"), "\(line) document_country")
            e.loadedAt = now
            check.require(["person", "document"].contains(e.kind), "\(line) kind", "must be person or document")
            check.require(!e.alertReference.isEmpty, "\(line) alert_reference", "is required")
            if e.kind == "person" {
                check.require(e.familyNames != nil, "\(line) family_names", "is required for a person")
            }
            if e.kind == "document" {
                check.require(e.documentNumber != nil, "\(line) document_number", "is required for a document")
            }
            check.require(
                e.dateOfBirth == nil || PartialDate(e.dateOfBirth!) != nil, "\(line) date_of_birth",
                "must be YYYY-MM-DD, with 00 or XX for unknown parts")
            entries.append(e)
        }
        check.require(!entries.isEmpty, "file", "has no rows")
        try check.throwIfInvalid()
        return entries
    }
}
