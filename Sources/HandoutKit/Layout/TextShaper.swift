import HandoutBindings

/// How a run of text is set: font, line spacing, alignment and language.
public struct TextStyle: Equatable, Sendable {
    /// A Pango font description, e.g. "DejaVu Sans 10.5".
    public var font: String
    public var lineSpacing: Double
    public var alignment: TextAlignment = .natural
    public var language: String?

    public init(font: String, lineSpacing: Double, alignment: TextAlignment = .natural, language: String? = nil) {
        self.font = font
        self.lineSpacing = lineSpacing
        self.alignment = alignment
        self.language = language
    }
}

/// A paragraph broken into lines, as the typesetter needs it: line boxes, and where spans landed.
public protocol ShapedText: AnyObject {
    var lines: [LineBox] { get }
    /// Width of each line's text.
    var lineWidths: [Double] { get }
    /// Characters no font could draw.
    var missingGlyphs: Int { get }
    /// Whether the text reads right to left, so list markers go on the right.
    var isRightToLeft: Bool { get }
    /// Boxes covering UTF-8 bytes `start..<end` on `lines`, with the first of those lines' top at `origin`.
    func rects(bytes start: Int, _ end: Int, lines: Range<Int>, at origin: Point) -> [Rect]
}

/// Measures text. Layout talks only to this, so it can be tested without fonts or cairo.
public protocol TextShaper {
    func shape(_ text: StyledText, style: TextStyle, width: Double) -> ShapedText
}

extension TextLayout: ShapedText {}
