import HandoutBindings

/// Text with its bold, italic, code and link spans, ready to shape. Never markup: characters
/// such as `<` and `&` are plain text here.
public struct StyledText: Equatable, Sendable {
    /// A link over UTF-8 bytes `start..<end`.
    public struct Link: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var url: String
    }

    public var text: String
    public var runs: [TextRun]
    public var links: [Link]

    public init(_ text: String = "", runs: [TextRun] = [], links: [Link] = []) {
        self.text = text
        self.runs = runs
        self.links = links
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

    /// Appends `other`, shifting its spans.
    public mutating func append(_ other: StyledText) {
        let shift = text.utf8.count
        text += other.text
        runs += other.runs.map { var r = $0; r.start += shift; r.end += shift; return r }
        links += other.links.map { Link(start: $0.start + shift, end: $0.end + shift, url: $0.url) }
    }

    /// This text with `style` applied to all of it.
    func styled(_ style: (inout TextRun) -> Void) -> StyledText {
        var copy = self
        var run = TextRun(start: 0, end: text.utf8.count)
        style(&run)
        copy.runs.insert(run, at: 0)
        return copy
    }
}
