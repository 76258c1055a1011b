/// A document's pages, made on demand: a long booklet lays each section out again when it is
/// drawn instead of keeping every page's shaped text in memory at once.
public struct PageList: RandomAccessCollection {
    public let count: Int
    private let fetch: (Int) -> Page

    public init(_ pages: [Page]) {
        count = pages.count
        fetch = { pages[$0] }
    }

    /// `fetch(i)` makes page i; it must give the same page every time it is asked.
    public init(count: Int, fetch: @escaping (Int) -> Page) {
        self.count = count
        self.fetch = fetch
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(index: Int) -> Page { fetch(index) }
}
