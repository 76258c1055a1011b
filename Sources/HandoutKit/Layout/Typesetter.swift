import HandoutBindings

/// Turns a handout's blocks into measured `FlowBox`es in the theme's fonts, ready to paginate.
public final class Typesetter {
    public let theme: Theme
    let shaper: TextShaper
    let language: String
    private var nextTagID = 0
    /// When set, each `##` heading gets the anchor PREFIX + its number, for bookmarks.
    public var headingAnchorPrefix: String?
    /// The `##` headings given anchors, in order.
    public private(set) var anchoredHeadings: [(anchor: String, title: String)] = []
    /// Most height of boxes to make (a page limit times the text block's height). Past it the
    /// typesetter stops, so a handout far too long is refused in a fraction of the time laying
    /// it all out, drawing and finishing it would take; `budgetRanOutAt` says where.
    public var heightBudget = Double.infinity
    /// Height of the boxes made so far with the space above each, but not the gaps page breaks
    /// leave: about the pages they fill, never more.
    public private(set) var spentHeight = 0.0
    private var lastSpaceAfter = 0.0
    /// Index of the block, in the last `boxes(for:)` call, where `heightBudget` ran out.
    public private(set) var budgetRanOutAt: Int?
    var isOverBudget: Bool { spentHeight > heightBudget }

    /// Width of the text column.
    var width: Double { theme.bodyRect.width }
    var metrics: ThemeMetrics { theme.metrics }

    /// The fixed words this typesetter prints ("Important", "ILLUSTRATION"), in the text's language.
    public var strings: StringCatalog

    /// `firstTagID` keeps structure ids of boxes made by different typesetters for one page apart.
    public init(theme: Theme, shaper: TextShaper, language: String = "en", strings: StringCatalog = .english, firstTagID: Int = 0) {
        self.theme = theme
        self.shaper = shaper
        self.language = language
        self.strings = strings
        nextTagID = firstTagID
    }

    // MARK: Styles

    var bodyStyle: TextStyle { TextStyle(font: theme.fonts.body, lineSpacing: theme.lineSpacing, language: language) }
    var smallStyle: TextStyle { TextStyle(font: theme.fonts.small, lineSpacing: metrics.lineSpacing.small, language: language) }
    func headingStyle(level: Int) -> TextStyle {
        let font = level <= 2 ? theme.fonts.heading : Self.scaled(theme.fonts.heading, by: metrics.headings.subheadingScale)
        return TextStyle(font: font, lineSpacing: metrics.lineSpacing.heading, language: language)
    }

    /// The same description at `factor` times its size ("DejaVu Sans Bold 14" → "… 12.04").
    static func scaled(_ font: String, by factor: Double) -> String {
        let description = FontDescription(font)
        return description.resized(to: (description.pointSize * factor * 100).rounded() / 100).text
    }

    func tag(_ role: StructureRole) -> StructureTag {
        nextTagID += 1
        return StructureTag(id: nextTagID, role: role)
    }

    // MARK: Blocks

    /// The title block: title, optional summary, and an accent rule.
    public func titleBoxes(title: String, summary: String?) -> [FlowBox] {
        var boxes = [textBox(
            StyledText(title), style: TextStyle(font: theme.fonts.title, lineSpacing: metrics.lineSpacing.title, language: language),
            color: theme.accent, tags: [tag(.heading1)], before: 0, after: metrics.title.spaceAfterTitle, keepWithNext: true, breakable: false)]
        if let summary, !summary.isEmpty {
            boxes.append(textBox(
                theme.summaryStyle == .muted ? StyledText(summary).styled { $0.italic = true } : StyledText(summary),
                style: bodyStyle, color: theme.summaryStyle == .muted ? .muted : .text,
                tags: [tag(.paragraph)], before: 0, after: metrics.title.spaceAfterSummary, keepWithNext: true, breakable: false))
        }
        let rule = metrics.title.ruleWidth
        boxes.append(FlowBox(
            content: .solid(height: 2, items: [.line(from: Point(x: 0, y: 1), to: Point(x: width, y: 1), theme.accent, width: rule)]),
            tags: [], spaceBefore: 0, spaceAfter: metrics.title.spaceAfterRule, keepWithNext: true))
        return boxes
    }

    /// The boxes of `blocks`, or of those before `heightBudget` ran out.
    public func boxes(for blocks: [Block]) -> [FlowBox] {
        var result: [FlowBox] = []
        for (index, block) in blocks.enumerated() {
            result += boxes(for: block, indent: 0, tags: [])
            if isOverBudget {
                budgetRanOutAt = index
                break
            }
        }
        return result
    }

    /// Counts `box` against `heightBudget`, at its smallest (a figure may shrink), with the space
    /// between it and the box before: a long list of short items is more space than text.
    @discardableResult
    func spend(_ box: FlowBox) -> FlowBox {
        spentHeight += max(lastSpaceAfter, box.spaceBefore) + box.smaller.map(FlowBox.height(of:)).reduce(box.height, min)
        lastSpaceAfter = box.spaceAfter
        return box
    }

    func boxes(for block: Block, indent: Double, tags: [StructureTag]) -> [FlowBox] {
        let columnWidth = width - indent
        switch block {
        case let .heading(level, text):
            let style = headingStyle(level: level)
            var box = textBox(
                text, style: style, color: level <= 2 ? theme.accent : .text, width: columnWidth, indent: indent,
                tags: tags + [tag(level <= 2 ? .heading2 : .heading3)],
                before: level <= 2 ? metrics.headings.spaceBefore : metrics.headings.spaceBeforeSubheading, after: metrics.headings.spaceAfter,
                keepWithNext: true, breakable: false)
            if level <= 2, tags.isEmpty, let prefix = headingAnchorPrefix {
                box.anchor = prefix + "\(anchoredHeadings.count + 1)"
                anchoredHeadings.append((box.anchor!, text.text))
            }
            return [box]
        case let .paragraph(text):
            return [textBox(
                text, style: bodyStyle, color: .text, width: columnWidth, indent: indent,
                tags: tags + [tag(.paragraph)], before: 0, after: theme.paragraphSpacing)]
        case let .preformatted(text):
            return [textBox(
                StyledText(text).styled { $0.monospace = true }, style: smallStyle, color: .text,
                width: columnWidth, indent: indent, tags: tags + [tag(.paragraph)], before: 0, after: theme.paragraphSpacing)]
        case let .list(ordered, start, items):
            return listBoxes(ordered: ordered, start: start, items: items, indent: indent, tags: tags)
        case let .callout(children):
            return calloutBoxes(children, indent: indent, tags: tags)
        case let .figure(figure):
            return [spend(figureBox(figure, width: columnWidth, indent: indent, tags: tags))]
        case .rule:
            return [spend(FlowBox(
                content: .solid(height: 1, items: [.line(from: Point(x: indent, y: 0.5), to: Point(x: width, y: 0.5), .muted, width: 0.5)]),
                tags: tags, spaceBefore: 8, spaceAfter: 8))]
        }
    }

    func textBox(
        _ text: StyledText, style: TextStyle, color: Color, width: Double? = nil, indent: Double = 0,
        tags: [StructureTag], before: Double, after: Double, keepWithNext: Bool = false, breakable: Bool = true
    ) -> FlowBox {
        let text = Self.withPrintedAddresses(text, scale: addressScale(for: style))
        let shaped = shaper.shape(linkStyled(text), style: style, width: width ?? self.width)
        return spend(FlowBox(
            content: .lines(FlowBox.Lines(shaped: shaped, links: text.links, indent: indent, color: color, characters: text.links.isEmpty ? "" : text.text)),
            tags: tags, spaceBefore: before, spaceAfter: after, keepWithNext: keepWithNext, breakable: breakable))
    }

    /// Paper cannot be clicked: a web or mail link's address follows its words, in smaller type,
    /// unless the words already are the address.
    static func withPrintedAddresses(_ text: StyledText, scale: Double) -> StyledText {
        var result = text
        let bytes = Array(text.text.utf8)
        // From the last link back, so each insertion leaves the earlier offsets where they were.
        for link in text.links.sorted(by: { $0.end > $1.end }) {
            guard let address = Self.printedAddress(link.url) else { continue }
            let words = String(decoding: bytes[link.start..<link.end], as: UTF8.self)
            guard Self.printedAddress(words) != address, words != address else { continue }
            var extra = StyledText(" (\(address))")
            extra.runs = [TextRun(start: 0, end: extra.text.utf8.count, color: .muted, scale: scale)]
            result = result.inserting(extra, at: link.end)
        }
        return result
    }

    /// The printed address's size relative to `style`: smaller, but never below the small font
    /// (in large print, the same size).
    private func addressScale(for style: TextStyle) -> Double {
        let size = FontDescription(style.font).pointSize, small = FontDescription(theme.fonts.small).pointSize
        guard size > 0 else { return metrics.links.addressScale }
        return min(1, max(metrics.links.addressScale, small / size))
    }

    /// How an address reads on paper: "riverside-ir.example/resources" for
    /// "https://riverside-ir.example/resources/"; nil for what is not a web or mail address.
    static func printedAddress(_ url: String) -> String? {
        let lower = url.lowercased()
        for scheme in ["https://", "http://", "mailto:"] where lower.hasPrefix(scheme) {
            var address = String(url.dropFirst(scheme.count))
            if address.hasPrefix("www.") { address.removeFirst(4) }
            while address.hasSuffix("/") { address.removeLast() }
            return address.isEmpty ? nil : address
        }
        return nil
    }

    /// Links drawn in the accent color and underlined, so they read as links on paper too.
    private func linkStyled(_ text: StyledText) -> StyledText {
        var copy = text
        for link in text.links {
            copy.runs.append(TextRun(start: link.start, end: link.end, underline: true, color: theme.accent))
        }
        return copy
    }

    // MARK: Solid blocks

    /// A block quote as a tinted box with an accent bar; it moves whole unless it is taller than
    /// its share of a page, when its blocks flow like the rest of the page instead.
    private func calloutBoxes(_ children: [Block], indent: Double, tags: [StructureTag]) -> [FlowBox] {
        let padding = metrics.callouts.padding, bar = metrics.callouts.barWidth
        let quoteTag = tag(.blockQuote)
        let saved = width
        let tallest = theme.bodyRect.height * metrics.callouts.largestShareOfPage
        let innerWidth = saved - indent - bar - 2 * padding
        let inner = Typesetter(theme: theme.withBodyWidth(innerWidth), shaper: shaper, language: language, strings: strings)
        inner.nextTagID = nextTagID
        // The boxed try stops once it is taller than a callout may be, so a long callout costs
        // at most that much extra, at any depth; typesetting it all twice made each level of
        // callouts in callouts double the work of the one inside.
        inner.heightBudget = min(tallest, heightBudget - spentHeight)
        let innerBoxes = inner.boxes(for: children)
        nextTagID = inner.nextTagID
        let (items, height) = Self.stack(innerBoxes)
        let total = height + 2 * padding
        guard !inner.isOverBudget, total <= tallest else {
            // Too tall to keep whole: its blocks flow at the width of the page around it.
            var flowed: [FlowBox] = []
            for child in children where !isOverBudget {
                flowed += boxes(for: child, indent: indent, tags: tags + [quoteTag])
            }
            return flowed
        }
        let box = Rect(x: indent, y: 0, width: saved - indent, height: total)
        var drawn: [PageItem] = [
            .fill(box, theme.accent.tinted(0.9), cornerRadius: metrics.callouts.cornerRadius),
            .fill(Rect(x: indent, y: 0, width: bar, height: total), theme.accent, cornerRadius: 0),
        ]
        drawn += items.map { $0.offsetBy(dx: indent + bar + padding, dy: padding) }
        var callout = FlowBox(
            content: .solid(height: total, items: drawn), tags: tags + [quoteTag],
            spaceBefore: metrics.callouts.spaceBefore, spaceAfter: metrics.callouts.spaceAfter)
        callout.baseline = innerBoxes.first?.firstBaseline.map { $0 + padding }
        return [spend(callout)]
    }

    /// Lays boxes one under another with no page breaks, nesting their items in their tags
    /// (consecutive boxes of one list share one list element).
    static func stack(_ boxes: [FlowBox]) -> (items: [PageItem], height: Double) {
        var y = 0.0
        var placed: [PlacedBlock] = []
        for (i, box) in boxes.enumerated() {
            if i > 0 { y += max(boxes[i - 1].spaceAfter, box.spaceBefore) }
            let lineCount: Int
            if case let .lines(lines) = box.content { lineCount = lines.shaped.lines.count } else { lineCount = 0 }
            placed.append(PlacedBlock(
                tags: box.tags, leads: box.leads(lines: 0..<lineCount, x: 0, y: y), items: box.items(lines: 0..<lineCount, x: 0, y: y)))
            y += box.height
        }
        return (nest(placed[...], depth: 0), y)
    }

    private static func nest(_ blocks: ArraySlice<PlacedBlock>, depth: Int) -> [PageItem] {
        var result: [PageItem] = []
        var i = blocks.startIndex
        while i < blocks.endIndex {
            guard blocks[i].tags.count > depth else {
                // Its leads went out as their elements opened, below.
                result += blocks[i].items
                i += 1
                continue
            }
            let tag = blocks[i].tags[depth]
            // A marker labels the LBody its box is the first of, so it opens with this box.
            result += blocks[i].leads(at: depth)
            var j = i
            while j < blocks.endIndex, blocks[j].tags.count > depth, blocks[j].tags[depth].id == tag.id { j += 1 }
            result.append(.tagged(tag.role, nest(blocks[i..<j], depth: depth + 1), alternative: tag.alternative))
            i = j
        }
        return result
    }

    /// A figure at full size, with smaller versions (down to 60 %) the paginator may use
    /// rather than leave a big gap at the foot of a page.
    private func figureBox(_ figure: Figure, width: Double, indent: Double, tags: [StructureTag]) -> FlowBox {
        let sizes = metrics.figures.scales.map { figureContent(figure, width: width, indent: indent, scale: $0) }
        var figureTag = tag(.figure)
        let caption = figure.caption.isEmpty ? "a picture" : figure.caption
        figureTag.alternative = figure.image == nil ? strings.text(.illustrationToCome, ["caption": caption]) : caption
        var box = FlowBox(content: sizes[0], tags: tags + [figureTag], spaceBefore: metrics.figures.spaceBefore, spaceAfter: metrics.figures.spaceAfter)
        box.smaller = Array(sizes.dropFirst())
        return box
    }

    private func figureContent(_ figure: Figure, width: Double, indent: Double, scale: Double) -> FlowBox.Content {
        guard let image = figure.image else {
            let frame = Rect(
                x: indent + width * (1 - scale) / 2, y: 0, width: width * scale,
                height: (width * scale / metrics.figures.placeholderAspect).rounded())
            return .solid(height: frame.height, items: placeholderItems(figure.caption, frame: frame))
        }
        // Fit the text width, and no more than half the page, keeping the picture's shape.
        let fit = scale * min(width / image.pixelSize.width, theme.bodyRect.height * metrics.figures.largestShareOfPage / image.pixelSize.height)
        let size = Size(width: image.pixelSize.width * fit, height: image.pixelSize.height * fit)
        let caption = shaper.shape(StyledText(figure.caption), style: smallStyle, width: width)
        let gap = metrics.figures.captionGap
        let items: [PageItem] = [
            .image(image, Rect(x: indent + (width - size.width) / 2, y: 0, width: size.width, height: size.height)),
            .tagged(.caption, [.text(caption, lines: 0..<caption.lines.count, origin: Point(x: indent, y: size.height + gap), color: .muted)]),
        ]
        return .solid(height: size.height + gap + caption.height, items: items)
    }

    /// A dashed frame of fixed shape (3:1) where the art will go, holding its caption.
    private func placeholderItems(_ caption: String, frame: Rect) -> [PageItem] {
        let inset = metrics.figures.placeholderInset
        let textWidth = frame.width - 2 * inset
        let label = shaper.shape(
            StyledText(strings.text(.illustration)), style: TextStyle(font: theme.fonts.small, lineSpacing: metrics.lineSpacing.single, alignment: .center),
            width: textWidth)
        var centered = bodyStyle
        centered.alignment = .center
        let text = shaper.shape(StyledText(caption).styled { $0.italic = true }, style: centered, width: textWidth)
        let gap = 4.0
        let top = frame.y + max(6, (frame.height - label.height - gap - text.height) / 2)
        return [
            .fill(frame, theme.accent.tinted(0.94), cornerRadius: 4),
            .stroke(frame, theme.accent.tinted(0.45), lineWidth: 1, cornerRadius: 4, dash: [5, 3]),
            .text(label, lines: 0..<label.lines.count, origin: Point(x: frame.x + inset, y: top), color: theme.accent.tinted(0.25)),
            .tagged(.caption, [.text(text, lines: 0..<text.lines.count, origin: Point(x: frame.x + inset, y: top + label.height + gap), color: .text)]),
        ]
    }

    /// The boxed disclaimer and contact details that end every handout.
    public func disclaimerBox(clinic: Clinic) -> FlowBox {
        let padding = metrics.boxes.disclaimerPadding
        let innerWidth = width - 2 * padding
        let paragraphs: [(StyledText, StructureRole, Double)] = [
            (StyledText(strings.text(.important)).styled { $0.bold = true }, .heading2, 2.0),
            (StyledText(clinic.disclaimer(in: strings.language).text), .paragraph, 5.0),
            (StyledText("\(clinic.name) · \(clinic.phone) · \(clinic.website)\n\(clinic.address)"), .paragraph, 0.0),
        ]
        var y = padding
        var items: [PageItem] = []
        for (text, role, gapAfter) in paragraphs {
            let shaped = shaper.shape(text, style: smallStyle, width: innerWidth)
            items.append(.tagged(role, [.text(shaped, lines: 0..<shaped.lines.count, origin: Point(x: padding, y: y), color: .text)]))
            y += shaped.height + gapAfter
        }
        let height = y + padding
        items.insert(.stroke(Rect(x: 0, y: 0, width: width, height: height), .muted, lineWidth: 0.75, cornerRadius: 3, dash: []), at: 0)
        return FlowBox(content: .solid(height: height, items: items), tags: [tag(.division)], spaceBefore: metrics.boxes.spaceBeforeDisclaimer, spaceAfter: 0)
    }
}

extension ShapedText {
    var height: Double { lines.last?.bottom ?? 0 }
    func lineWidth(_ index: Int) -> Double { index < lineWidths.count ? lineWidths[index] : 0 }
}

extension Theme {
    /// A copy whose text column is `width` wide (for callouts), margins otherwise unchanged.
    func withBodyWidth(_ width: Double) -> Theme {
        var copy = self
        copy.margins.right = pageSize.width - margins.left - width
        return copy
    }
}
