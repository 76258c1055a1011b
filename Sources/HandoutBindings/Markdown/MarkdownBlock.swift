/// A CommonMark block, converted from cmark's tree; `line` is 1-based in the parsed text.
public indirect enum MarkdownBlock: Equatable, Sendable {
    case paragraph([MarkdownInline], line: Int)
    case heading(level: Int, [MarkdownInline], line: Int)
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], line: Int)
    case blockQuote([MarkdownBlock], line: Int)
    case codeBlock(String, line: Int)
    case html(String, line: Int)
    case thematicBreak(line: Int)

    /// The 1-based line the block starts on.
    public var line: Int {
        switch self {
        case let .paragraph(_, line), let .heading(_, _, line), let .list(_, _, _, line), let .blockQuote(_, line),
             let .codeBlock(_, line), let .html(_, line), let .thematicBreak(line):
            line
        }
    }
}

/// A CommonMark inline: text and the spans that style or link it.
public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link(destination: String, [MarkdownInline])
    case image(source: String, alt: [MarkdownInline], line: Int)
}
