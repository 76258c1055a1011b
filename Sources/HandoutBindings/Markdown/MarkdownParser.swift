import CCmark

/// Parses CommonMark with the cmark C library into `MarkdownBlock` values.
///
/// The cmark tree is walked and freed in the same call, so no C pointer outlives `parse`.
public enum MarkdownParser {
    /// The blocks of `text`, or `MarkdownRefused` when it has more structure than `limits`.
    /// The size is counted before cmark builds its tree, which it holds whole in memory; the
    /// depth before the conversion below, which recurses once per level, walks it.
    public static func parse(_ text: String, limits: MarkdownLimits) throws(MarkdownRefused) -> [MarkdownBlock] {
        if let line = MarkdownMarks.lineWhereCount(of: text, passes: limits.marks) {
            throw MarkdownRefused(kind: .marks, depth: limits.marks, limit: limits.marks, line: line)
        }
        guard let root = cmark_parse_document(text, text.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(root) }
        let nesting = MarkdownNesting(measuring: root, limits: limits)
        if let line = nesting.blocksTooDeepAt {
            throw MarkdownRefused(kind: .blocks, depth: nesting.blocks, limit: limits.blocks, line: line)
        }
        if let line = nesting.inlinesTooDeepAt {
            throw MarkdownRefused(kind: .inlines, depth: nesting.inlines, limit: limits.inlines, line: line)
        }
        return blocks(under: root)
    }

    private static func blocks(under parent: OpaquePointer) -> [MarkdownBlock] {
        children(of: parent).compactMap(block)
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        let line = Int(cmark_node_get_start_line(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            var current = line
            return .paragraph(inlines(under: node, line: &current), line: line)
        case CMARK_NODE_HEADING:
            var current = line
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, line: &current), line: line)
        case CMARK_NODE_LIST:
            let items = children(of: node).map { blocks(under: $0) }
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), items: items, line: line)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node), line: line)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(literal(node), line: line)
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK:
            return .html(literal(node), line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(line: line)
        default:
            return nil
        }
    }

    /// Inline children; `line` advances at each break so images know their source line.
    private static func inlines(under parent: OpaquePointer, line: inout Int) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        for node in children(of: parent) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: result.append(.text(literal(node)))
            case CMARK_NODE_SOFTBREAK: line += 1; result.append(.softBreak)
            case CMARK_NODE_LINEBREAK: line += 1; result.append(.lineBreak)
            case CMARK_NODE_CODE: result.append(.code(literal(node)))
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE: result.append(.html(literal(node)))
            case CMARK_NODE_EMPH: result.append(.emphasis(inlines(under: node, line: &line)))
            case CMARK_NODE_STRONG: result.append(.strong(inlines(under: node, line: &line)))
            case CMARK_NODE_LINK:
                result.append(.link(destination: url(node), inlines(under: node, line: &line)))
            case CMARK_NODE_IMAGE:
                let at = line
                result.append(.image(source: url(node), alt: inlines(under: node, line: &line), line: at))
            default: break
            }
        }
        return result
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }
}
