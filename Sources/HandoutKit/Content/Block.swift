/// A block of a handout's body, after Markdown is read and checked.
public indirect enum Block: Equatable, Sendable {
    /// `##` is level 2, `###` level 3; deeper levels are drawn as level 3.
    case heading(level: Int, StyledText)
    case paragraph(StyledText)
    /// Lines kept as written (a code block), drawn in a monospace face.
    case preformatted(String)
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// A block quote, drawn as a highlighted callout that never splits.
    case callout([Block])
    case figure(Figure)
    case rule
}

/// A picture with its caption, or a placeholder box where the art will go.
public struct Figure: Equatable, Sendable {
    /// Every figure in `blocks`, lists and callouts included, in order.
    public static func all(in blocks: [Block]) -> [Figure] {
        blocks.flatMap { block -> [Figure] in
            switch block {
            case let .figure(figure): [figure]
            case let .list(_, _, items): items.flatMap { all(in: $0) }
            case let .callout(children): all(in: children)
            default: []
            }
        }
    }

    /// One warning for the illustration placeholders left in a file, with their count.
    static func placeholderWarning(in blocks: [Block], file: String) -> Warning? {
        let placeholders = all(in: blocks).filter(\.isPlaceholder)
        guard let first = placeholders.first else { return nil }
        let count = placeholders.count
        return Warning(file: file, line: first.line, count == 1
            ? "an illustration placeholder is left in and prints as an empty box; add the picture before printing, or remove it"
            : "\(count) illustration placeholders are left in (the first here) and print as empty boxes; add the pictures before printing, or remove them")
    }

    public var caption: String
    /// The picture file; nil draws a placeholder.
    public var image: ImageFile?
    /// Source line, for messages.
    public var line: Int
    /// Written as a placeholder on purpose (`![caption]()`), where the art is still to come.
    public var isPlaceholder = false

    public init(caption: String, image: ImageFile?, line: Int) {
        self.caption = caption
        self.image = image
        self.line = line
    }
}
