import CCmark

/// How deep a parsed Markdown tree nests, measured before anything recursive walks it.
///
/// cmark builds a tree of any depth without recursion, but converting it, laying it out or even
/// freeing its Swift copy recurses once per level: 5,000 nested `>` overflow the stack. So the
/// tree is measured first with cmark's own iterator, which keeps no stack of its own.
public struct MarkdownNesting: Equatable, Sendable {
    /// Block quotes and lists around one another, at the deepest (`- - x` is 2).
    public var blocks = 0
    /// Emphasis, strong emphasis, links and images around one another, at the deepest.
    public var inlines = 0
    /// 1-based line where blocks first nest deeper than the limit measured against.
    public var blocksTooDeepAt: Int?
    /// 1-based line where inlines first nest deeper than the limit measured against.
    public var inlinesTooDeepAt: Int?

    /// Walks `root` once; `limits` only decides which lines are remembered.
    init(measuring root: OpaquePointer, limits: MarkdownLimits) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var blockDepth = 0, inlineDepth = 0
        // Inlines carry no reliable line of their own: count breaks from their block's first line.
        var line = 1
        while true {
            let event = cmark_iter_next(iterator)
            guard event != CMARK_EVENT_DONE, let node = cmark_iter_get_node(iterator) else { break }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST:
                guard entering else { blockDepth -= 1; continue }
                blockDepth += 1
                blocks = max(blocks, blockDepth)
                if blockDepth > limits.blocks, blocksTooDeepAt == nil { blocksTooDeepAt = Int(cmark_node_get_start_line(node)) }
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard entering else { inlineDepth -= 1; continue }
                inlineDepth += 1
                inlines = max(inlines, inlineDepth)
                if inlineDepth > limits.inlines, inlinesTooDeepAt == nil { inlinesTooDeepAt = line }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering { line = Int(cmark_node_get_start_line(node)) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                line += 1
            default:
                break
            }
        }
    }
}

/// How much structure a caller lets Markdown have before `MarkdownParser` refuses it.
public struct MarkdownLimits: Equatable, Sendable {
    /// Block quotes and lists nested in one another, counted together.
    public var blocks: Int
    /// Emphasis, strong emphasis, links and images nested in one another, counted together.
    public var inlines: Int
    /// Lines and markup characters in the whole text (see `MarkdownMarks`).
    public var marks: Int

    public init(blocks: Int, inlines: Int, marks: Int) {
        self.blocks = blocks
        self.inlines = inlines
        self.marks = marks
    }
}

/// Markdown with more structure than `MarkdownLimits` allow; none of it was converted.
public struct MarkdownRefused: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Block quotes and lists nest too deep.
        case blocks
        /// Emphasis, links and images nest too deep.
        case inlines
        /// Too many lines and marks, counted before parsing.
        case marks
    }

    public var kind: Kind
    /// How deep it goes at its deepest; for `.marks`, the limit.
    public var depth: Int
    /// The limit it passed.
    public var limit: Int
    /// 1-based line in the parsed text where it first passes `limit`.
    public var line: Int
}
