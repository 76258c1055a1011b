import HandoutBindings

/// The prose of a Markdown body as a patient reads it, for scoring: paragraphs and list items,
/// inside callouts too, with their source lines; headings, captions, code and raw HTML left out.
/// Also what `handout check` lists beside the scores: placeholders, links.
struct ReadableText {
    /// A paragraph, or one paragraph of a list item, as plain text.
    struct Passage {
        /// The source lines it spans, first to last, each with its text; joined with spaces.
        var lines: [(line: Int, text: String)] = []

        /// The text as scored: lines joined, ended with a period when it has no `.`, `!` or `?`
        /// of its own, so that a list item (often written without one) counts as a sentence.
        var text: String {
            let joined = lines.map(\.text).joined(separator: " ").trimmed
            return ReadableText.isTerminated(joined) ? joined : joined + "."
        }

        /// The source line of the Unicode scalar at `offset` in `text`.
        func line(atScalar offset: Int) -> Int {
            var start = 0
            for (index, piece) in lines.enumerated() {
                // A leading space trimmed from the first line shifts it; close enough for a line number.
                let length = piece.text.unicodeScalars.count + (index == lines.count - 1 ? 0 : 1)
                if offset < start + length { return piece.line }
                start += length
            }
            return lines.last?.line ?? 0
        }
    }

    /// An illustration placeholder, `![caption]()`, still to be replaced by a picture.
    struct Placeholder: Equatable {
        var line: Int
        var caption: String
    }

    /// A link's target and the line it is on.
    struct Link: Equatable {
        var url: String
        var line: Int
    }

    private(set) var passages: [Passage] = []
    private(set) var placeholders: [Placeholder] = []
    private(set) var links: [Link] = []
    /// What a `{{field}}` reads as in the scored text (a clinic field's value, say); nil leaves it out.
    private let fieldText: (String) -> String?
    /// Lines of the file before the parsed body (its front matter).
    private let lineOffset: Int

    /// The readable text of `blocks`, parsed from a body that starts after `lineOffset` lines.
    init(blocks: [MarkdownBlock], lineOffset: Int, fieldText: @escaping (String) -> String?) {
        self.fieldText = fieldText
        self.lineOffset = lineOffset
        add(blocks)
    }

    /// Every passage, one a line: the text the scores are computed on, and what `--json` shows.
    var text: String { passages.map(\.text).joined(separator: "\n") }

    /// Whether `text` ends a sentence: `.`, `!` or `?`, then nothing but closing marks.
    static func isTerminated(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.lastIndex(where: { TextCounts.isWordCharacter($0) || ".!?".unicodeScalars.contains($0) }) else {
            return false
        }
        return ".!?".unicodeScalars.contains(text.unicodeScalars[last])
    }

    private mutating func add(_ blocks: [MarkdownBlock]) {
        for block in blocks {
            switch block {
            case let .paragraph(inlines, line):
                addParagraph(inlines, line: line + lineOffset)
            case let .list(_, _, items, _):
                for item in items { add(item) }
            case let .blockQuote(children, _):
                add(children)
            case let .heading(_, inlines, line):
                // Not scored (a heading is a label, not a sentence), but its links still count.
                var current = line + lineOffset
                var ignored = Passage(lines: [(current, "")])
                collect(inlines, into: &ignored, line: &current)
            case .codeBlock, .html, .thematicBreak:
                break
            }
        }
    }

    private mutating func addParagraph(_ inlines: [MarkdownInline], line: Int) {
        var passage = Passage(lines: [(line, "")])
        var current = line
        collect(inlines, into: &passage, line: &current)
        passage.lines = passage.lines.map { ($0.line, fillingFields($0.text)) }
        guard passage.lines.contains(where: { $0.text.contains(where: { !$0.isWhitespace }) }) else { return }
        passages.append(passage)
    }

    private mutating func collect(_ inlines: [MarkdownInline], into passage: inout Passage, line: inout Int) {
        func append(_ text: String) { passage.lines[passage.lines.count - 1].text += text }
        for inline in inlines {
            switch inline {
            case let .text(text), let .code(text):
                append(text)
            case .html:
                // A tag such as <br> is markup, not words.
                break
            case .softBreak, .lineBreak:
                line += 1
                passage.lines.append((line, ""))
            case let .emphasis(children), let .strong(children):
                collect(children, into: &passage, line: &line)
            case let .link(destination, children):
                if !destination.isEmpty { links.append(Link(url: destination, line: line)) }
                collect(children, into: &passage, line: &line)
            case let .image(source, alt, imageLine):
                // A caption is not body text; its line breaks still move the line count along.
                var caption = Passage(lines: [(line, "")])
                collect(alt, into: &caption, line: &line)
                if source.isEmpty {
                    placeholders.append(Placeholder(line: imageLine + lineOffset,
                                                    caption: caption.lines.map(\.text).joined(separator: " ").trimmed))
                }
            }
        }
    }

    /// `{{field}}` replaced by what it reads as, and section tags (`{{#x}}`, `{{/x}}`) left out.
    private func fillingFields(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        return text.replacing(/\{\{\s*([#^\/&{]?)\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}?\s*\}\}/) { match in
            match.output.1.isEmpty || match.output.1 == "&" || match.output.1 == "{" ? fieldText(String(match.output.2)) ?? "" : ""
        }
    }
}
