/// The order of a booklet's physical pages, with the blanks double-sided printing needs,
/// and the label each page gets (front matter i, ii, …; body 1, 2, …).
struct PagePlan {
    enum Slot: Equatable {
        /// Page `n` of the cover (more than one only when a patient's notes run long).
        case cover(Int)
        case contents(Int)
        /// Page `page` of section `section`.
        case section(Int, Int)
        case blank
        /// Page `n` of the back matter; the last is the outside of the back cover.
        case back(Int)
    }

    let startOnRight: Bool
    private(set) var slots: [Slot] = []
    private(set) var bodyStart = 0

    init(startOnRight: Bool) { self.startOnRight = startOnRight }

    mutating func add(_ slot: Slot) { slots.append(slot) }

    /// Physical page n is a right-hand page when n is odd; the next one is n = count + 1.
    private var nextIsLeft: Bool { slots.count % 2 == 1 }

    mutating func startBody() {
        startSection()
        bodyStart = slots.count
    }

    /// With `startOnRight`, a blank left page so that what follows opens on the right.
    mutating func startSection() {
        if startOnRight && nextIsLeft { add(.blank) }
    }

    /// With `startOnRight`, the back page must be a left-hand page: the outside of the back cover.
    mutating func endBody() {
        if startOnRight && !nextIsLeft { add(.blank) }
    }

    var labels: [String] {
        slots.indices.map { $0 < bodyStart ? Self.roman($0 + 1) : "\($0 - bodyStart + 1)" }
    }

    static func roman(_ number: Int) -> String {
        let values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number
        var result = ""
        for (value, letters) in values {
            while rest >= value { result += letters; rest -= value }
        }
        return result
    }
}
