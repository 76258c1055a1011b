/// Styling for a span of a paragraph's text, in UTF-8 byte offsets.
public struct TextRun: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var bold = false
    public var italic = false
    public var monospace = false
    public var underline = false
    public var color: Color?
    /// Size relative to the paragraph's font, e.g. 0.8 for smaller type.
    public var scale: Double?

    public init(start: Int, end: Int, bold: Bool = false, italic: Bool = false, monospace: Bool = false,
                underline: Bool = false, color: Color? = nil, scale: Double? = nil) {
        self.start = start; self.end = end
        self.bold = bold; self.italic = italic; self.monospace = monospace
        self.underline = underline; self.color = color; self.scale = scale
    }
}

/// How the lines of a paragraph sit between its margins.
public enum TextAlignment: Sendable {
    case natural, center, right
}
