import Foundation
import PactumLaw
import Vapor

/// `?category=&status=&page=` of the transmission worklist, checked: datasets of one Eurodac
/// category or clock state (EDAC Art 15(1) and the category articles), nearest limit first, 25 a page.
struct TransmissionListQuery: Sendable, Equatable {
    struct Raw: Content {
        var category, status, page: String?
    }

    static let statuses: [ClockStatus] = [.open, .due, .overdue]
    static let pageSize = 25
    static let maxPage = 100_000

    var category: EurodacCategory?
    var status: ClockStatus?
    var page = 1

    init() {}

    init(_ raw: Raw) throws {
        var check = FieldValidator()
        category = raw.category.given.flatMap(EurodacCategory.init(rawValue:))
        check.require(raw.category.given == nil || category != nil, "category", "must be a Eurodac category (A to G)")
        status = raw.status.given.flatMap(ClockStatus.init(rawValue:))
        check.require(
            raw.status.given == nil || status.map(Self.statuses.contains) == true, "status",
            "must be open, due or overdue")
        let page = raw.page.given.map { Int($0) } ?? 1
        check.require(
            page.map { (1...Self.maxPage).contains($0) } ?? false, "page", "must be from 1 to \(Self.maxPage)")
        self.page = page ?? 1
        try check.throwIfInvalid()
    }

    func matches(_ item: WorklistItem) -> Bool {
        (category.map { $0.rawValue == item.category } ?? true) && (status.map { $0.rawValue == item.status } ?? true)
    }

    /// This query's link to another page ("/registry/worklist?category=A&page=").
    var href: String {
        "/registry/worklist?"
            + [category.map { "category=\($0.rawValue)&" }, status.map { "status=\($0.rawValue)&" }].compactMap { $0 }
            .joined() + "page="
    }
}
