/// Union-find over records that refuses a join which would put records that cannot be one
/// person in one cluster: two complete dates of birth that no registration quirk explains
/// (not equal, transposed or a year apart), or both sexes.
struct ConstrainedClusters {
    private var parent: [Int]
    /// Per root: the complete, non-placeholder dates of birth of the cluster (yyyymmdd) and
    /// the sexes seen.
    private var dates: [[Int]]
    private var sexes: [UInt8]

    init(_ records: [PreparedRecord]) {
        parent = Array(records.indices)
        dates = records.map { r in
            guard let d = r.dateOfBirth, d.isComplete, !d.isPlaceholder else { return [] }
            return [d.year! * 10_000 + d.month! * 100 + d.day!]
        }
        sexes = records.map { $0.sex == "F" ? 1 : $0.sex == "M" ? 2 : 0 }
    }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    /// Joins the clusters of `a` and `b` if they may be one person; returns whether they are
    /// (now) one cluster.
    mutating func join(_ a: Int, _ b: Int) -> Bool {
        let (ra, rb) = (root(a), root(b))
        if ra == rb { return true }
        guard sexes[ra] | sexes[rb] != 3,
            dates[ra].allSatisfy({ x in dates[rb].allSatisfy { Self.compatible(x, $0) } })
        else { return false }
        parent[ra] = rb
        dates[rb] = Array(Set(dates[rb] + dates[ra])).sorted()
        sexes[rb] |= sexes[ra]
        dates[ra] = []
        return true
    }

    /// Equal, day and month transposed, or the same day and month a year apart.
    static func compatible(_ x: Int, _ y: Int) -> Bool {
        if x == y { return true }
        let (yx, mx, dx) = (x / 10_000, x / 100 % 100, x % 100)
        let (yy, my, dy) = (y / 10_000, y / 100 % 100, y % 100)
        return (yx == yy && mx == dy && dx == my) || (abs(yx - yy) == 1 && mx == my && dx == dy)
    }
}
