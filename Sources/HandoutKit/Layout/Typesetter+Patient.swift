import HandoutBindings

extension Typesetter {
    /// The "Prepared for" box: the patient's name, then date, arrival time and physician when
    /// given. To a screen reader it is a table of rows, each a label (TH) and its value (TD).
    public func preparedForBox(_ patient: Patient) -> FlowBox {
        let padding = metrics.boxes.preparedForPadding
        let innerWidth = width - 2 * padding
        var rowItems: [PageItem] = []
        var y = padding
        func row(_ label: PageItem, _ value: PageItem) {
            rowItems.append(.tagged(.tableRow, [.tagged(.tableHeader, [label]), .tagged(.tableCell, [value])]))
        }
        // The first row stands its label above the name, in the accent color.
        let label = shaper.shape(StyledText(strings.text(.preparedFor)), style: smallStyle, width: innerWidth)
        let labelItem = PageItem.text(label, lines: 0..<label.lines.count, origin: Point(x: padding, y: y), color: theme.accent)
        y += label.height + 2
        let name = shaper.shape(StyledText(patient.name), style: headingStyle(level: 2), width: innerWidth)
        row(labelItem, .text(name, lines: 0..<name.lines.count, origin: Point(x: padding, y: y), color: .text))
        y += name.height + 4
        let rows = [
            (strings.text(.procedureDate), patient.procedureDate.map(strings.dates.withWeekday)),
            (strings.text(.arrivalTime), patient.arrival.map(strings.dates.time)),
            (strings.text(.physician), patient.physician),
        ].compactMap { title, value in value.map { (shaper.shape(StyledText(title), style: smallStyle, width: innerWidth / 2), $0) } }
        // The values line up after the widest label, whatever the layout's small font.
        let labelWidth = (rows.map { $0.0.lineWidth(0) }.max() ?? 0) + metrics.boxes.labelGap
        for (key, value) in rows {
            let text = shaper.shape(StyledText(value).styled { $0.bold = true }, style: bodyStyle, width: innerWidth - labelWidth)
            let shift = text.lines[0].baseline - key.lines[0].baseline
            row(.text(key, lines: 0..<key.lines.count, origin: Point(x: padding, y: y + shift), color: .muted),
                .text(text, lines: 0..<text.lines.count, origin: Point(x: padding + labelWidth, y: y), color: .text))
            y += max(text.height, key.height + shift) + 2
        }
        let height = y + padding - 2
        let items = [.fill(Rect(x: 0, y: 0, width: width, height: height), theme.accent.tinted(0.92), cornerRadius: 4)] + rowItems
        return FlowBox(content: .solid(height: height, items: items), tags: [tag(.table)], spaceBefore: 0, spaceAfter: metrics.boxes.spaceAfterPreparedFor)
    }

    /// The clinician's notes as a callout under a heading; blank lines start new paragraphs.
    public func notesBoxes(_ notes: String) -> [FlowBox] {
        var blocks: [Block] = [.paragraph(StyledText(strings.text(.instructions)).styled { $0.bold = true })]
        let paragraphs = notes.components(separatedBy: "\n\n")
        for paragraph in paragraphs where !paragraph.allSatisfy(\.isWhitespace) {
            let lines = paragraph.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            blocks.append(.paragraph(StyledText(lines.joined(separator: "\u{2028}"))))
        }
        return boxes(for: [.callout(blocks)])
    }
}
