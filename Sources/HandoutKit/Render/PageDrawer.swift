import Foundation
import HandoutBindings

/// Draws page items with cairo: the only place layout results meet a graphics context.
final class PageDrawer {
    private let graphics: GraphicsContext
    /// Pictures are decoded once per document, however often they appear.
    private var bitmaps: [String: Bitmap] = [:]
    /// Whether to emit link and structure tags (PDF only).
    private let tagged: Bool
    /// The words of each link annotation drawn so far, in order.
    private(set) var linkTexts: [String] = []

    init(graphics: GraphicsContext, tagged: Bool) {
        self.graphics = graphics
        self.tagged = tagged
    }

    func draw(_ items: [PageItem]) throws {
        for item in items { try draw(item) }
    }

    private func draw(_ item: PageItem) throws {
        switch item {
        case let .text(shaped, lines, origin, color):
            guard let layout = shaped as? TextLayout else {
                throw GraphicsError("text was measured without Pango and cannot be drawn")
            }
            guard tagged, lines.count > 1 else {
                layout.draw(lines: lines, at: origin, color: color, on: graphics)
                return
            }
            // One marked-content span per line: poppler (and some readers) lose the rest of a
            // sequence after the ActualText span cairo emits for a line's trailing space.
            for line in lines {
                let y = origin.y + layout.lines[line].top - layout.lines[lines.lowerBound].top
                graphics.beginTag(StructureRole.span.rawValue)
                layout.draw(lines: line..<line + 1, at: Point(x: origin.x, y: y), color: color, on: graphics)
                graphics.endTag(StructureRole.span.rawValue)
            }
        case let .link(target, rects, text):
            guard tagged, !rects.isEmpty else { return }
            linkTexts.append(text)
            let numbers = rects.map { "\($0.x) \($0.y) \($0.width) \($0.height)" }.joined(separator: " ")
            let goal = switch target {
            case let .uri(url): "uri=\(cairoTagString(url))"
            case let .destination(name): "dest=\(cairoTagString(name))"
            }
            graphics.beginTag(StructureRole.link.rawValue, attributes: "\(goal) rect=[\(numbers)]")
            graphics.endTag(StructureRole.link.rawValue)
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
        case let .tagged(role, items):
            if tagged { graphics.beginTag(role.rawValue) }
            try draw(items)
            if tagged { graphics.endTag(role.rawValue) }
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
