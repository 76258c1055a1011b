import HandoutBindings

/// A measured block waiting for a page: lines that may break between pages, or a solid piece that may not.
public struct FlowBox {
    /// Text lines, breakable between pages.
    public struct Lines {
        public var shaped: ShapedText
        public var links: [StyledText.Link]
        public var indent: Double
        public var color: Color
        /// The paragraph's characters, for the words a link covers.
        public var characters: String = ""

        /// The words `link` covers.
        func text(of link: StyledText.Link) -> String {
            let bytes = Array(characters.utf8)
            guard link.start >= 0, link.end <= bytes.count, link.start < link.end else { return link.url }
            return String(decoding: bytes[link.start..<link.end], as: UTF8.self)
        }
    }

    public enum Content {
        case lines(Lines)
        /// Items relative to the box's top-left corner; never split.
        case solid(height: Double, items: [PageItem])
    }

    public var content: Content
    public var tags: [StructureTag]
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Headings: never the last thing on a page.
    public var keepWithNext = false
    /// False for headings and short text that should move whole.
    public var breakable = true
    /// A name links and bookmarks use to open the place where this box lands.
    public var anchor: String?
    /// Smaller versions of a solid box (figures), largest first, to use when the full one does not fit.
    public var smaller: [Content] = []
    /// The markers of the list items this box starts, outermost first.
    public var markers: [ListMarker] = []
    /// For a solid box that holds text (a callout): its first line's baseline below the box's
    /// top, where a list marker beside the box sits.
    public var baseline: Double?

    public var height: Double { Self.height(of: content) }

    /// The first line's baseline below the top, if the box starts with text.
    var firstBaseline: Double? {
        switch content {
        case let .lines(lines): lines.shaped.lines.first?.baseline
        case .solid: baseline
        }
    }

    static func height(of content: Content) -> Double {
        switch content {
        case let .lines(lines): lines.shaped.lines.last?.bottom ?? 0
        case let .solid(height, _): height
        }
    }

    /// The least of this box that must go on a page for it to start there.
    var leadHeight: Double {
        guard case let .lines(lines) = content, breakable, lines.shaped.lines.count >= 2 * Paginator.minimumLines
        else { return height }
        return lines.shaped.lines[Paginator.minimumLines - 1].bottom
    }

    /// This box's items for lines `range` (all of a solid box), with its top at `y` in a column at `x`.
    func items(lines range: Range<Int>, x: Double, y: Double) -> [PageItem] {
        switch content {
        case let .solid(_, items):
            return items.map { $0.offsetBy(dx: x, dy: y) }
        case let .lines(lines):
            let origin = Point(x: x + lines.indent, y: y)
            let links = lines.links.map { TextLink(start: $0.start, end: $0.end, target: .uri($0.url), words: lines.text(of: $0)) }
            return [.text(lines.shaped, lines: range, origin: origin, color: lines.color, links: links)]
        }
    }

    /// The list markers to draw when lines `range` of this box start at `y` (all of a solid
    /// box): each a Lbl beside its item's LBody rather than inside it, and only where the box starts.
    func leads(lines range: Range<Int>, x: Double, y: Double) -> [Lead] {
        guard range.lowerBound == 0 else { return [] }
        return markers.map { marker in
            let origin = Point(x: x + marker.x, y: y + marker.y)
            return Lead(depth: marker.depth, items: [.tagged(.label, [.text(marker.shaped, lines: 0..<1, origin: origin, color: marker.color)])])
        }
    }
}
