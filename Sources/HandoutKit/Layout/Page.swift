import HandoutBindings

/// A structure element (paragraph, list, heading…) that may hold several placed blocks.
public struct StructureTag: Equatable, Sendable {
    /// Unique within a document, so consecutive blocks of one list share one element.
    public var id: Int
    public var role: StructureRole
    /// What a figure shows, for a reader who cannot see it (the PDF's /Alt).
    public var alternative: String? = nil
}

/// Items placed on a page together, inside the structure elements `tags` (outermost first).
public struct PlacedBlock {
    public var tags: [StructureTag]
    public var items: [PageItem]
}

/// A finished page: its size, its body content, and the header and footer added once page count is known.
public struct Page {
    public var size: Size
    public var blocks: [PlacedBlock] = []
    /// Header, footer and page number: drawn outside the structure tree.
    public var furniture: [PageItem] = []
    /// Anchors of the boxes that start on this page, in order.
    public var anchors: [String] = []
    /// Top of the next thing in the body, used while paginating.
    var cursor: Double = 0

    public init(size: Size) { self.size = size }

    public var isEmpty: Bool { blocks.isEmpty }
}
