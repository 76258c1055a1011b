import HandoutBindings

extension Typesetter {
    /// The "Prepared for" box: the patient's name, then date, arrival time and physician when given.
    public func preparedForBox(_ patient: Patient) -> FlowBox {
        let padding = metrics.boxes.preparedForPadding
        let innerWidth = width - 2 * padding
        var items: [PageItem] = []
        var y = padding
        func add(_ shaped: ShapedText, x: Double, color: Color) {
            items.append(.tagged(.paragraph, [.text(shaped, lines: 0..<shaped.lines.count, origin: Point(x: x, y: y), color: color)]))
        }
        let label = shaper.shape(StyledText("PREPARED FOR"), style: smallStyle, width: innerWidth)
        add(label, x: padding, color: theme.accent)
        y += label.height + 2
        let name = shaper.shape(StyledText(patient.name), style: headingStyle(level: 2), width: innerWidth)
        add(name, x: padding, color: .text)
        y += name.height + 4
        let rows = [
            ("Procedure date", patient.procedureDate?.withWeekday),
            ("Arrival time", patient.arrivalTime),
            ("Physician", patient.physician),
        ].compactMap { title, value in value.map { (shaper.shape(StyledText(title), style: smallStyle, width: innerWidth / 2), $0) } }
        // The values line up after the widest label, whatever the layout's small font.
        let labelWidth = (rows.map { $0.0.lineWidth(0) }.max() ?? 0) + metrics.boxes.labelGap
        for (key, value) in rows {
            let text = shaper.shape(StyledText(value).styled { $0.bold = true }, style: bodyStyle, width: innerWidth - labelWidth)
            let shift = text.lines[0].baseline - key.lines[0].baseline
            items.append(.tagged(.paragraph, [
                .text(key, lines: 0..<key.lines.count, origin: Point(x: padding, y: y + shift), color: .muted),
                .text(text, lines: 0..<text.lines.count, origin: Point(x: padding + labelWidth, y: y), color: .text),
            ]))
            y += max(text.height, key.height + shift) + 2
        }
        let height = y + padding - 2
        items.insert(.fill(Rect(x: 0, y: 0, width: width, height: height), theme.accent.tinted(0.92), cornerRadius: 4), at: 0)
        return FlowBox(content: .solid(height: height, items: items), tags: [tag(.division)], spaceBefore: 0, spaceAfter: metrics.boxes.spaceAfterPreparedFor)
    }

    /// The clinician's notes as a callout under a heading; blank lines start new paragraphs.
    public func notesBoxes(_ notes: String) -> [FlowBox] {
        var blocks: [Block] = [.paragraph(StyledText("Instructions for you").styled { $0.bold = true })]
        let paragraphs = notes.components(separatedBy: "\n\n")
        for paragraph in paragraphs where !paragraph.allSatisfy(\.isWhitespace) {
            let lines = paragraph.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            blocks.append(.paragraph(StyledText(lines.joined(separator: "\u{2028}"))))
        }
        return boxes(for: [.callout(blocks)])
    }
}
