/// Previous and next links of a paged list, and where the page stands ("Page 2 of 5").
struct Pagination: Encodable, Sendable {
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?

    /// `href` ends where the page number goes ("/registry/review?kind=biometric&page=").
    /// Nil when everything fits on one page.
    init?(page: Int, size: Int, total: Int, href: String) {
        let pages = max(1, (total + size - 1) / size)
        guard pages > 1 else { return nil }
        self.page = min(page, pages)
        self.pages = pages
        previous = self.page > 1 ? href + String(self.page - 1) : nil
        next = self.page < pages ? href + String(self.page + 1) : nil
    }
}
