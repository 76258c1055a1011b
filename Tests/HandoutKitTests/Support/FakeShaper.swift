import HandoutBindings
@testable import HandoutKit

/// Text "shaped" by arithmetic: every character is half the font size wide, every line
/// `size × spacing` tall. Lets layout be tested with no fonts, Pango or cairo.
final class FakeShapedText: ShapedText {
    let lines: [LineBox]
    let lineTexts: [String]
    let lineWidths: [Double]
    let missingGlyphs = 0
    let isRightToLeft = false

    init(_ text: String, size: Double, spacing: Double, width: Double) {
        let perLine = max(1, Int(width / (size * 0.5)))
        var texts: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > perLine {
                texts.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        texts.append(current)
        let height = size * spacing
        lineTexts = texts
        lineWidths = texts.map { Double($0.count) * size * 0.5 }
        lines = texts.indices.map { i in
            LineBox(top: Double(i) * height, bottom: Double(i + 1) * height, baseline: Double(i) * height + size)
        }
    }

    func rects(bytes start: Int, _ end: Int, lines range: Range<Int>, at origin: Point) -> [Rect] { [] }
}

struct FakeShaper: TextShaper {
    func shape(_ text: StyledText, style: TextStyle, width: Double) -> ShapedText {
        let size = Double(style.font.split(separator: " ").last ?? "10") ?? 10
        return FakeShapedText(text.text, size: size, spacing: style.lineSpacing, width: width)
    }
}

extension Page {
    /// Structure roles of the blocks on this page, in order (innermost tag of each block).
    var roles: [String] { blocks.map { $0.tags.last?.role.rawValue ?? "-" } }

    /// Text lines drawn on this page by fake-shaped items, in order.
    var fakeLines: [String] {
        func collect(_ items: [PageItem]) -> [String] {
            items.flatMap { item -> [String] in
                switch item {
                case let .text(shaped, lines, _, _, _):
                    guard let fake = shaped as? FakeShapedText else { return [] }
                    return Array(fake.lineTexts[lines])
                case let .tagged(_, inner, _): return collect(inner)
                default: return []
                }
            }
        }
        return blocks.flatMap { collect($0.items) }
    }
}
