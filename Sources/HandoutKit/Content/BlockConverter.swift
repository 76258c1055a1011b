import Foundation
import HandoutBindings

/// Turns cmark's Markdown blocks into handout `Block`s: images become figures or placeholders,
/// raw HTML stays literal text, and every picture problem becomes a warning with its line.
struct BlockConverter {
    /// Longest paragraph accepted: far beyond any handout's, well within what Pango lays out correctly.
    static let maximumParagraphCharacters = 20_000
    /// Deepest nesting of block quotes and lists, counted together. Real handouts use three or
    /// four; at eight, the narrowest layout (half-letter) still has a 130-point column for the
    /// innermost text, where twelve would leave room for a word a line. Layout, conversion and
    /// even freeing the blocks recurse once per level, so a limit also keeps the stack safe.
    static let maximumNesting = 8
    /// Deepest nesting of emphasis, strong emphasis, links and images: `***[a](b)***` is 3.
    static let maximumInlineNesting = 8

    /// Most lines and markup characters one file may have (three a line, one a mark; see
    /// `MarkdownMarks`). A 300-page handout of plain sentences counts about 50,000; at this
    /// count cmark's tree stays under 150 MB, where 4 MB of `- a` lines took 430 MB.
    static let maximumMarks = 200_000

    static let limits = MarkdownLimits(blocks: maximumNesting, inlines: maximumInlineNesting, marks: maximumMarks)

    let file: String
    let lineOffset: Int
    let searchDirectories: [URL]

    /// The blocks of Markdown `text`, each with its first line in the file (for messages about
    /// where a handout runs too long); refused with its line when it nests too deep.
    func convert(markdown text: String, warnings: inout [Warning]) throws -> (blocks: [Block], lines: [Int]) {
        let parsed: [MarkdownBlock]
        do {
            parsed = try MarkdownParser.parse(text, limits: Self.limits)
        } catch {
            throw HandoutError(file: file, line: error.line + lineOffset, Self.message(error))
        }
        var blocks: [Block] = [], lines: [Int] = []
        for block in parsed {
            let made = try convert(block, warnings: &warnings)
            blocks += made
            lines += Array(repeating: block.line + lineOffset, count: made.count)
        }
        return (blocks, lines)
    }

    static func message(_ error: MarkdownRefused) -> String {
        let depth = error.depth.withThousands
        switch error.kind {
        case .blocks:
            return "block quotes and lists nest \(depth) deep here; Handout takes at most \(error.limit) levels; flatten them (fewer `>` and fewer indented list markers)"
        case .marks:
            return "the file holds too much by this line: over \(depth) lines and markup characters (`*`, `-`, `>`, brackets), far more than \(HandoutLayout.maximumPages) pages; split it into shorter handouts"
        case .inlines:
            return "emphasis, links and pictures nest \(depth) deep here; Handout takes at most \(error.limit) levels; remove the extra `*`, `_` or brackets"
        }
    }

    func convert(_ blocks: [MarkdownBlock], warnings: inout [Warning]) throws -> [Block] {
        try blocks.flatMap { try convert($0, warnings: &warnings) }
    }

    private func convert(_ block: MarkdownBlock, warnings: inout [Warning]) throws -> [Block] {
        // Length first, on the plain characters: styling a paragraph costs far more than counting it.
        switch block {
        case let .paragraph(inlines, line), let .heading(_, inlines, line):
            try checkLength(Self.plainText(inlines), line: line)
        case let .codeBlock(text, line), let .html(text, line):
            try checkLength(text, line: line)
        default: break
        }
        switch block {
        case let .heading(level, inlines, _):
            return [.heading(level: min(max(level, 2), 3), Self.styledText(inlines))]
        case let .paragraph(inlines, _):
            return paragraphAndFigures(inlines, warnings: &warnings)
        case let .list(ordered, start, items, _):
            return [.list(ordered: ordered, start: start, items: try items.map { try convert($0, warnings: &warnings) })]
        case let .blockQuote(children, _):
            return [.callout(try convert(children, warnings: &warnings))]
        case let .codeBlock(text, _), let .html(text, _):
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return trimmed.isEmpty ? [] : [.preformatted(trimmed)]
        case .thematicBreak:
            return [.rule]
        }
    }

    private func checkLength(_ text: String, line: Int) throws {
        let count = text.count
        guard count > Self.maximumParagraphCharacters else { return }
        throw HandoutError(
            file: file, line: line + lineOffset,
            "this paragraph is \(count) characters long, more than the \(Self.maximumParagraphCharacters) a handout paragraph may have; break it into shorter paragraphs with blank lines")
    }

    /// A paragraph's text, with each image pulled out as a figure where it stands.
    private func paragraphAndFigures(_ inlines: [MarkdownInline], warnings: inout [Warning]) -> [Block] {
        var result: [Block] = []
        var pending: [MarkdownInline] = []
        func flush() {
            let text = Self.styledText(pending)
            if !text.isBlank { result.append(.paragraph(text.trimmingBreaks())) }
            pending = []
        }
        for inline in inlines {
            if case let .image(source, alt, line) = inline {
                flush()
                result.append(.figure(figure(source: source, caption: Self.styledText(alt).text, line: line + lineOffset, warnings: &warnings)))
            } else {
                pending.append(inline)
            }
        }
        flush()
        return result
    }

    private func figure(source: String, caption: String, line: Int, warnings: inout [Warning]) -> Figure {
        let caption = caption.trimmed
        guard !source.isEmpty else {
            var placeholder = Figure(caption: caption, image: nil, line: line)
            placeholder.isPlaceholder = true
            return placeholder
        }
        func placeholder(_ why: String) -> Figure {
            warnings.append(Warning(file: file, line: line, "\(why); drew an illustration placeholder instead"))
            return Figure(caption: caption, image: nil, line: line)
        }
        if source.contains("://") {
            return placeholder("picture '\(source)' is a web address, and Handout does not download; save the file beside the handout and use its path")
        }
        switch PictureFinder(folders: searchDirectories).find(source) {
        case let .success(image): return Figure(caption: caption, image: image, line: line)
        case let .failure(problem): return placeholder("picture '\(source)' \(problem.reason)")
        }
    }

    /// The characters `styledText` would give, without its styles.
    static func plainText(_ inlines: [MarkdownInline]) -> String {
        var out = ""
        func add(_ inlines: [MarkdownInline]) {
            for inline in inlines {
                switch inline {
                case let .text(s), let .html(s), let .code(s): out += s
                case .softBreak: out += " "
                case .lineBreak: out += "\u{2028}"
                case let .emphasis(children), let .strong(children), let .link(_, children): add(children)
                case let .image(_, alt, _): add(alt)
                }
            }
        }
        add(inlines)
        return out
    }

    /// Flattens inlines into text with style runs and link spans; HTML shows as the characters typed.
    static func styledText(_ inlines: [MarkdownInline]) -> StyledText {
        var out = StyledText()
        for inline in inlines {
            switch inline {
            case let .text(s), let .html(s): out.append(StyledText(s))
            case .softBreak: out.append(StyledText(" "))
            case .lineBreak: out.append(StyledText("\u{2028}"))
            case let .code(s): out.append(StyledText(s).styled { $0.monospace = true })
            case let .emphasis(children): out.append(styledText(children).styled { $0.italic = true })
            case let .strong(children): out.append(styledText(children).styled { $0.bold = true })
            case let .link(destination, children):
                var linked = styledText(children)
                if !destination.isEmpty {
                    linked.links.append(StyledText.Link(start: 0, end: linked.text.utf8.count, url: destination))
                }
                out.append(linked)
            case let .image(_, alt, _): out.append(styledText(alt))
            }
        }
        return out
    }
}

extension StyledText {
    /// Drops the trailing space a soft break leaves when a figure follows on the next line.
    func trimmingBreaks() -> StyledText {
        var copy = self
        while let last = copy.text.last, last == " " || last == "\u{2028}" {
            copy.text.removeLast()
        }
        let count = copy.text.utf8.count
        copy.runs = copy.runs.map { var r = $0; r.end = min(r.end, count); return r }.filter { $0.start < $0.end }
        copy.links = copy.links.map { var l = $0; l.end = min(l.end, count); return l }.filter { $0.start < $0.end }
        return copy
    }
}
