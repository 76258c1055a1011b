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
    public var caption: String
    /// The picture file; nil draws a placeholder.
    public var image: ImageFile?
    /// Source line, for messages.
    public var line: Int

    public init(caption: String, image: ImageFile?, line: Int) {
        self.caption = caption
        self.image = image
        self.line = line
    }
}
