import Foundation
import HandoutBindings

/// Draws page items with cairo: the only place layout results meet a graphics context.
final class PageDrawer {
    private let graphics: GraphicsContext
    /// Pictures are decoded once per document, however often they appear.
    private var bitmaps: [String: Bitmap] = [:]
    /// Whether to emit link and structure tags (PDF only).
    private let tagged: Bool
    /// What the finishing step must add to the structure tree: link words, figure descriptions,
    /// the elements opened so far (counted, so the finisher can find each one) and those
    /// continued from an earlier page.
    var structure = PDFStructure()
    /// Structure elements open around what is drawn now: text outside any (header, footer, a
    /// part's label) is left untagged, for the finishing step to mark as an artifact.
    var openElements = 0

    init(graphics: GraphicsContext, tagged: Bool) {
        self.graphics = graphics
        self.tagged = tagged
    }

    /// Opens a structure element and returns its index in the order elements are opened, which
    /// is the structure tree's pre-order (cairo makes an element for every tag but a destination).
    @discardableResult
    func beginElement(_ role: StructureRole, attributes: String = "") -> Int {
        graphics.beginTag(role.rawValue, attributes: attributes)
        defer { structure.elementCount += 1 }
        return structure.elementCount
    }

    func endElement(_ role: StructureRole) {
        graphics.endTag(role.rawValue)
    }

    func draw(_ items: [PageItem]) throws {
        for item in items { try draw(item) }
    }

    private func draw(_ item: PageItem) throws {
        switch item {
        case let .text(shaped, lines, origin, color, links):
            guard let layout = shaped as? TextLayout else {
                throw GraphicsError("text was measured without Pango and cannot be drawn")
            }
            guard tagged, openElements > 0 else {
                layout.draw(lines: lines, at: origin, color: color, on: graphics)
                return
            }
            // One marked-content span per line: poppler (and some readers) lose the rest of a
            // sequence after the ActualText span cairo emits for a line's trailing space, and cairo
            // drops a one-line paragraph's text from the tree when a link sits beside it.
            for line in lines {
                let y = origin.y + layout.lines[line].top - layout.lines[lines.lowerBound].top
                let here = layout.byteRange(ofLine: line)
                let crossing = links.filter { $0.start < here.upperBound && here.lowerBound < $0.end }
                beginElement(.span)
                if crossing.isEmpty {
                    layout.draw(lines: line..<line + 1, at: Point(x: origin.x, y: y), color: color, on: graphics)
                } else {
                    // A link's words are drawn inside its Link tag, so the link holds its text and
                    // cairo makes its clickable area from where the words are. The words around
                    // it go in Spans of their own: cairo 1.16 drops an element's own text from
                    // the tree when the element also holds a link.
                    layout.drawRuns(
                        ofLine: line, firstLine: lines.lowerBound, at: origin, color: color, on: graphics,
                        segments: crossing.map { $0.start..<$0.end }
                    ) { index, body in
                        guard let index else {
                            beginElement(.span)
                            body()
                            endElement(.span)
                            return
                        }
                        structure.linkTexts.append(crossing[index].words)
                        beginElement(.link, attributes: Self.goal(crossing[index].target))
                        body()
                        endElement(.link)
                    }
                }
                endElement(.span)
            }
        case let .link(target, rects, text, content):
            guard tagged, !rects.isEmpty else { return try draw(content) }
            structure.linkTexts.append(text)
            let numbers = rects.map { "\($0.x) \($0.y) \($0.width) \($0.height)" }.joined(separator: " ")
            beginElement(.link, attributes: "\(Self.goal(target)) rect=[\(numbers)]")
            try draw(content)
            endElement(.link)
        case let .destination(name, point):
            guard tagged else { return }
            graphics.beginTag("cairo.dest", attributes: "name=\(cairoTagString(name)) x=\(point.x) y=\(point.y)")
            graphics.endTag("cairo.dest")
        case let .dots(from, to, color):
            graphics.dots(from: from, to: to, color: color)
        case let .fill(rect, color, radius):
            graphics.fill(rect, color: color, cornerRadius: radius)
        case let .stroke(rect, color, width, radius, dash):
            graphics.stroke(rect, color: color, lineWidth: width, cornerRadius: radius, dash: dash)
        case let .line(from, to, color, width):
            graphics.line(from: from, to: to, color: color, lineWidth: width)
        case let .image(file, rect):
            graphics.draw(try bitmap(file), in: rect)
        case let .tagged(role, items, alternative):
            if tagged, role == .figure { noteFigure(alternative: alternative, items: items) }
            if tagged { beginElement(role) }
            openElements += 1
            defer { openElements -= 1 }
            try draw(items)
            if tagged { endElement(role) }
        }
    }

    /// Records a figure for the finishing step, which gives each its description (/Alt), or
    /// marks a placeholder's box as an artifact when there is no picture.
    func noteFigure(alternative: String?, items: [PageItem]) {
        let picture = items.contains { if case .image = $0 { true } else { false } }
        structure.figures.append(.init(alternative: alternative ?? "", hasPicture: picture))
    }

    /// A link tag's target attribute.
    static func goal(_ target: LinkTarget) -> String {
        switch target {
        case let .uri(url): "uri=\(cairoTagString(LinkAddress.percentEncoded(url)))"
        case let .destination(name): "dest=\(cairoTagString(name))"
        }
    }

    private func bitmap(_ file: ImageFile) throws -> Bitmap {
        if let known = bitmaps[file.url.path] { return known }
        let made: Bitmap
        switch file.format {
        case .png:
            made = try Bitmap(pngFile: file.url.path)
        case .jpeg:
            let bytes = try [UInt8](Data(contentsOf: file.url))
            made = try Bitmap(jpegBytes: bytes, pixelWidth: Int(file.pixelSize.width), pixelHeight: Int(file.pixelSize.height))
        }
        bitmaps[file.url.path] = made
        return made
    }
}
