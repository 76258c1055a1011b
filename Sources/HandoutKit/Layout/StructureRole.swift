/// What a piece of a page is to a screen reader: the PDF standard structure types Handout tags
/// its content with (ISO 32000-1, 14.8.4). The renderer writes the raw value.
public enum StructureRole: String, Sendable {
    case document = "Document"
    /// A group with no meaning of its own: the disclaimer box, whose title is its H2.
    case division = "Div"
    case heading1 = "H1", heading2 = "H2", heading3 = "H3"
    case paragraph = "P"
    /// One line of a paragraph: a marked-content span per line (see `PageDrawer`).
    case span = "Span"
    case list = "L", listItem = "LI"
    /// A list item's marker ("•", "2.") and its text.
    case label = "Lbl", listBody = "LBody"
    case figure = "Figure", caption = "Caption"
    case blockQuote = "BlockQuote"
    /// The "Prepared for" box: a row per detail, its label a row header (TH) and its value a
    /// cell (TD), so a screen reader says which is which.
    case table = "Table", tableRow = "TR", tableHeader = "TH", tableCell = "TD"
    case link = "Link"
    /// The booklet's contents, each entry, and the entry's text with its page number.
    case contents = "TOC", contentsItem = "TOCI", reference = "Reference"
}
