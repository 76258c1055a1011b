import HandoutBindings

extension Typesetter {
    /// A list: each item's blocks indented past a marker column, the marker beside the first line
    /// of the item's first block whatever that block is.
    func listBoxes(ordered: Bool, start: Int, items: [[Block]], indent: Double, tags: [StructureTag]) -> [FlowBox] {
        let listTag = tag(.list)
        let markerWidth = ordered ? numberColumnWidth(start: start, count: items.count, indent: indent) : metrics.lists.bulletWidth
        // Shaped as wide as the column, so a number is never wrapped or cut; a bullet only once.
        let bullet = ordered ? nil : shaper.shape(StyledText(indent > 0 ? "–" : "•"), style: bodyStyle, width: width - indent)  // both in WinAnsi: one font subset per face
        var result: [FlowBox] = []
        for (number, item) in items.enumerated() where !isOverBudget {
            // One LBody per item holds all its blocks, a nested list included; the marker is the
            // item's Lbl, drawn before the LBody opens (see `PlacedBlock.leads`).
            let itemTags = tags + [listTag, tag(.listItem), tag(.listBody)]
            let first = result.count
            for block in item {
                if case let .paragraph(text) = block {
                    result.append(itemParagraph(text, indent: indent, markerWidth: markerWidth, tags: itemTags))
                } else {
                    result += boxes(for: block, indent: indent + markerWidth, tags: itemTags)
                }
            }
            if result.count == first {
                // An empty item still shows its marker, so the numbers go on in order.
                result.append(itemParagraph(StyledText(), indent: indent, markerWidth: markerWidth, tags: itemTags))
            }
            let shaped = bullet ?? shaper.shape(StyledText("\(start + number)."), style: bodyStyle, width: width - indent)
            result[first].markers.insert(
                marker(shaped, beside: result[first], indent: indent, markerWidth: markerWidth, ordered: ordered, depth: itemTags.count - 1),
                at: 0)
        }
        if !result.isEmpty {
            result[0].spaceBefore = max(result[0].spaceBefore, metrics.lists.spaceBefore)
            result[result.count - 1].spaceAfter = max(result[result.count - 1].spaceAfter, theme.paragraphSpacing)
        }
        return result
    }

    /// Wide enough for the list's longest number ("100." as well as "9."), measured as that
    /// many 8s, the widest digit in most fonts (and as wide as any in fonts with tabular
    /// figures), so no number of that length is cut off without shaping every number of a long
    /// list first; never more than half the column.
    private func numberColumnWidth(start: Int, count: Int, indent: Double) -> Double {
        let digits = String(start + max(count - 1, 0)).count
        let widest = shaper.shape(StyledText(String(repeating: "8", count: digits) + "."), style: bodyStyle, width: width - indent)
        let needed = (widest.lineWidth(0) + metrics.lists.numberGap).rounded(.up)
        return min(max(metrics.lists.numberWidth, needed), (width - indent) / 2)
    }

    /// A paragraph of a list item, in the column after the markers (mirrored for right-to-left text).
    private func itemParagraph(_ text: StyledText, indent: Double, markerWidth: Double, tags: [StructureTag]) -> FlowBox {
        var box = textBox(
            text, style: bodyStyle, color: .text, width: width - indent - markerWidth,
            indent: indent + markerWidth, tags: tags, before: 0, after: metrics.lists.spaceAfterItem)
        if case var .lines(lines) = box.content, lines.shaped.isRightToLeft {
            // Mirror the column: text from the left edge, marker on the right.
            lines.indent = 0
            box.content = .lines(lines)
        }
        return box
    }

    /// `shaped` placed beside the first line of `box`: on its baseline, or at its top when it
    /// starts with no text (a figure); on the right when the box reads right to left.
    private func marker(
        _ shaped: ShapedText, beside box: FlowBox, indent: Double, markerWidth: Double, ordered: Bool, depth: Int
    ) -> ListMarker {
        let markerBaseline = shaped.lines.first?.baseline ?? 0
        var x = indent
        if case let .lines(lines) = box.content, lines.shaped.isRightToLeft {
            x = width - indent - markerWidth + (ordered ? 0 : markerWidth / 2)
        }
        let y = (box.firstBaseline ?? markerBaseline) - markerBaseline
        return ListMarker(shaped: shaped, x: x, y: y, color: .text, depth: depth)
    }
}
