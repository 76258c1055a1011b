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

    /// This text with `extra` inserted at UTF-8 offset `offset`: spans after it move along, a
    /// style around it takes it in, and a style or link that ends there stays as it was.
    public func inserting(_ extra: StyledText, at offset: Int) -> StyledText {
        let bytes = Array(text.utf8), length = extra.text.utf8.count
        var result = StyledText(String(decoding: bytes[..<offset], as: UTF8.self) + extra.text + String(decoding: bytes[offset...], as: UTF8.self))
        func moved(_ position: Int, isEnd: Bool) -> Int { position > offset || (position == offset && !isEnd) ? position + length : position }
        result.runs = runs.map { var run = $0; run.start = moved(run.start, isEnd: false); run.end = moved(run.end, isEnd: true); return run }
            + extra.runs.map { var run = $0; run.start += offset; run.end += offset; return run }
        result.links = links.map { Link(start: moved($0.start, isEnd: false), end: moved($0.end, isEnd: true), url: $0.url) }
        return result
    }

    /// UTF-8 offsets where a style or link starts or ends, with 0 and the end: the text between two
    /// neighbours is styled one way throughout.
    var boundaries: [Int] {
        var cuts = Set([0, text.utf8.count])
        for run in runs { cuts.insert(run.start); cuts.insert(run.end) }
        for link in links { cuts.insert(link.start); cuts.insert(link.end) }
        return cuts.sorted()
    }

    /// The evenly styled pieces of the text, in order.
    var pieces: [(start: Int, end: Int, text: String)] {
        let bytes = Array(text.utf8)
        let cuts = boundaries
        return zip(cuts, cuts.dropFirst()).map { ($0, $1, String(decoding: bytes[$0..<$1], as: UTF8.self)) }
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
