import HandoutBindings

/// A list item's marker ("•", "12."), set beside the first line of the item's first box,
/// whatever that box is: a paragraph, a heading, a callout, or a list nested in the item (whose
/// own marker sits beside the same line, further in).
public struct ListMarker {
    public var shaped: ShapedText
    /// Left edge in the text column, as `FlowBox.Lines.indent` is.
    public var x: Double
    /// From the top of the box to the top of the marker's line, so their baselines meet.
    public var y: Double
    public var color: Color
    /// Index in the box's tags of the item's LBody: the marker is the item's Lbl, drawn inside
    /// the tags before that one, just before the LBody opens (see `PlacedBlock.leads`).
    public var depth: Int
}
