import Foundation
import PactumIdentity
import PactumLaw
import Vapor

/// `?status=&situation=&nationality=&sort=&page=` of the screening worklist, checked: the
/// screenings in one state of the procedure (those whose limit runs by default, or the
/// referred ones, which stay findable), of one situation or nationality, by time left or newest
/// first, a page at a time. None of it identifies a person, so it may travel in a URL.
struct ScreeningListQuery: Sendable, Equatable {
    struct Raw: Content {
        var status, situation, nationality, sort, page: String?
    }

    /// `active` is every screening not yet referred (running, due, or past its limit); the
    /// others are `ScreeningView.status`'s values.
    enum Status: String, CaseIterable, Sendable {
        case active, open, due, ended, referred
    }

    enum Sort: String, CaseIterable, Sendable {
        case timeLeft = "time-left", newest
    }

    static let pageSize = 25
    /// Far beyond any worklist, and far from overflowing the offset.
    static let maxPage = 400_000

    var status: Status = .active
    var situation: ScreeningSituation?
    /// An ICAO code: the screenings whose person holds, or declared, that nationality.
    var nationality: String?
    var sort: Sort = .timeLeft
    var page = 1

    init() {}

    init(_ raw: Raw) throws {
        var check = FieldValidator()
        func parse<E: RawRepresentable<String> & CaseIterable>(_ value: String?, _ field: String, as _: E.Type) -> E? {
            guard let value = value.given else { return nil }
            let parsed = E(rawValue: value)
            check.require(
                parsed != nil, field, "must be one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return parsed
        }
        status = parse(raw.status, "status", as: Status.self) ?? .active
        situation = parse(raw.situation, "situation", as: ScreeningSituation.self)
        sort = parse(raw.sort, "sort", as: Sort.self) ?? .timeLeft
        if let code = raw.nationality.given?.uppercased() {
            check.require(ICAOCodes.isKnown(code), "nationality", "must be an ICAO code (SYR, AFG …)")
            nationality = code
        }
        let page = raw.page.given.map { Int($0) } ?? 1
        check.require(
            page.map { (1...Self.maxPage).contains($0) } ?? false, "page", "must be from 1 to \(Self.maxPage)")
        self.page = page ?? 1
        try check.throwIfInvalid()
    }

    var offset: Int { (page - 1) * Self.pageSize }

    /// Whether a screening the worklist holds passes the filters.
    func matches(_ v: ScreeningView) -> Bool {
        (status == .active ? v.status != Status.referred.rawValue : v.status == status.rawValue)
            && (situation.map { $0.rawValue == v.situation } ?? true)
            && (nationality.map { n in (v.person.nationalities ?? "").split(separator: ",").contains { $0 == n } }
                ?? true)
    }

    /// This query's link to another page ("/screening?status=due&page=").
    func href(path: String) -> String {
        var items: [URLQueryItem] = []
        if status != .active { items.append(.init(name: "status", value: status.rawValue)) }
        if let situation { items.append(.init(name: "situation", value: situation.rawValue)) }
        if let nationality { items.append(.init(name: "nationality", value: nationality)) }
        if sort != .timeLeft { items.append(.init(name: "sort", value: sort.rawValue)) }
        var components = URLComponents()
        components.queryItems = items
        let query = components.percentEncodedQuery ?? ""
        return path + "?" + (query.isEmpty ? "" : query + "&") + "page="
    }
}
