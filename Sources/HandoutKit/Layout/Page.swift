import HandoutBindings

/// A structure element (paragraph, list, heading…) that may hold several placed blocks.
public struct StructureTag: Equatable, Sendable {
    /// Unique within a document (a booklet's sections each have a scope of their own, see
    /// `Page.scopingTags`), so blocks of one list share one element, across pages too.
    public var id: Int
    public var role: StructureRole
    /// What a figure shows, for a reader who cannot see it (the PDF's /Alt).
    public var alternative: String? = nil
}

/// Items drawn inside `tags[..<depth]` of their block, just before `tags[depth]` opens: a list
/// item's marker, which is the item's Lbl, beside the LBody that holds the item's text and any
/// list nested in it. An item whose first block is a nested list has two, at two depths.
public struct Lead {
    public var depth: Int
    public var items: [PageItem]
}

/// Items placed on a page together, inside the structure elements `tags` (outermost first).
public struct PlacedBlock {
    public var tags: [StructureTag]
    /// List markers, outermost first, each drawn before the element at its depth opens.
    public var leads: [Lead] = []
    public var items: [PageItem]

    /// Everything the block draws, for renderers that write no structure.
    public var allItems: [PageItem] { leads.flatMap(\.items) + items }

    /// The leads drawn just before `tags[depth]` opens.
    func leads(at depth: Int) -> [PageItem] {
        leads.filter { $0.depth == depth }.flatMap(\.items)
    }
}

/// A finished page: its size, its body content, and the header and footer added once page count is known.
public struct Page {
    public var size: Size
    public var blocks: [PlacedBlock] = []
    /// Header, footer and page number: drawn outside the structure tree.
    public var furniture: [PageItem] = []
    /// The language of this page's text (BCP 47), when it may differ from the document's: a
    /// Spanish handout in an English booklet. Its elements then carry their own /Lang.
    public var language: String?
    /// Anchors of the boxes that start on this page, in order.
    public var anchors: [String] = []
    /// Top of the next thing in the body, used while paginating.
    var cursor: Double = 0

    public init(size: Size) { self.size = size }

    public var isEmpty: Bool { blocks.isEmpty }

    /// This page with its tags moved into `scope`'s own range of ids. Each section of a booklet is
    /// typeset on its own, with ids from 1, and the renderer takes an id met again on a later page
    /// for an element continued across a page break.
    func scopingTags(to scope: Int) -> Page {
        var page = self
        for b in page.blocks.indices {
            for t in page.blocks[b].tags.indices { page.blocks[b].tags[t].id += scope << 32 }
        }
        return page
    }
}
