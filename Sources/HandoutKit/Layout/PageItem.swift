import HandoutBindings

/// Where a link goes: a web address, or a named place in the same PDF.
public enum LinkTarget: Equatable, Sendable {
    case uri(String)
    case destination(String)
}

/// A link over UTF-8 bytes `start..<end` of a shaped paragraph: its words are drawn inside it.
public struct TextLink: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var target: LinkTarget
    /// The words it covers (the annotation's /Contents).
    public var words: String
}

/// One thing drawn at a fixed place on a page. The renderer draws these and decides nothing.
public enum PageItem {
    /// Lines `lines` of a shaped paragraph, the first line's top at `origin`, with its links.
    case text(ShapedText, lines: Range<Int>, origin: Point, color: Color, links: [TextLink] = [])
    /// A clickable area, with the words it covers (the link annotation's /Contents), and the items
    /// drawn inside the link so that its structure element holds them.
    case link(LinkTarget, rects: [Rect], text: String, content: [PageItem] = [])
    /// A named place that links and bookmarks can open.
    case destination(String, Point)
    /// A dotted line (contents leaders).
    case dots(from: Point, to: Point, Color)
    case fill(Rect, Color, cornerRadius: Double)
    case stroke(Rect, Color, lineWidth: Double, cornerRadius: Double, dash: [Double])
    case line(from: Point, to: Point, Color, width: Double)
    case image(ImageFile, Rect)
    /// Items inside a structure element (e.g. "Lbl", "Caption", or a figure inside a callout);
    /// a figure's `alternative` is the description a screen reader speaks for it.
    case tagged(StructureRole, [PageItem], alternative: String? = nil)

    /// The same item moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> PageItem {
        func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        switch self {
        case let .text(shaped, lines, origin, color, links): return .text(shaped, lines: lines, origin: move(origin), color: color, links: links)
        case let .link(target, rects, text, content):
            return .link(target, rects: rects.map { $0.offsetBy(dx: dx, dy: dy) }, text: text, content: content.map { $0.offsetBy(dx: dx, dy: dy) })
        case let .destination(name, point): return .destination(name, move(point))
        case let .dots(from, to, color): return .dots(from: move(from), to: move(to), color)
        case let .fill(rect, color, radius): return .fill(rect.offsetBy(dx: dx, dy: dy), color, cornerRadius: radius)
        case let .stroke(rect, color, width, radius, dash):
            return .stroke(rect.offsetBy(dx: dx, dy: dy), color, lineWidth: width, cornerRadius: radius, dash: dash)
        case let .line(from, to, color, width): return .line(from: move(from), to: move(to), color, width: width)
        case let .image(file, rect): return .image(file, rect.offsetBy(dx: dx, dy: dy))
        case let .tagged(role, items, alternative): return .tagged(role, items.map { $0.offsetBy(dx: dx, dy: dy) }, alternative: alternative)
        }
    }
}
