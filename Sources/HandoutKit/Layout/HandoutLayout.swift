/// A bookmark: a title opening a page, with the bookmarks under it.
public struct OutlineEntry: Equatable, Sendable {
    public var title: String
    /// 1-based page the bookmark opens.
    public var page: Int
    public var children: [OutlineEntry] = []
    public var open = false
}

/// A document laid out: finished pages, ready for any renderer.
public struct LaidOutDocument {
    public var pages: PageList
    /// Page labels ("i", "ii", "1", …); nil when pages are simply numbered from 1.
    public var labels: [String]?
    public var outline: [OutlineEntry]
    /// Characters that no installed font could draw.
    public var missingGlyphs: Int
}

/// Lays out one handout: title, body and disclaimer, paginated, with header and footer.
public struct HandoutLayout {
    public var theme: Theme
    public var shaper: TextShaper

    public init(theme: Theme, shaper: TextShaper) {
        self.theme = theme
        self.shaper = shaper
    }

    /// A handout's boxes from title to disclaimer; the title box carries `anchor`, each `##`
    /// heading `anchor` + "." + its number.
    public func boxes(_ procedure: Procedure, clinic: Clinic, anchor: String) -> (boxes: [FlowBox], headings: [(anchor: String, title: String)]) {
        let typesetter = Typesetter(theme: theme, shaper: shaper, language: procedure.language)
        typesetter.headingAnchorPrefix = anchor + "."
        var boxes = typesetter.titleBoxes(title: procedure.title, summary: procedure.summary)
        boxes[0].anchor = anchor
        boxes += typesetter.boxes(for: procedure.blocks)
        boxes.append(typesetter.disclaimerBox(clinic: clinic))
        return (boxes, typesetter.anchoredHeadings)
    }

    public func layout(_ procedure: Procedure, clinic: Clinic, date: CalendarDate) -> LaidOutDocument {
        let (boxes, headings) = boxes(procedure, clinic: clinic, anchor: "top")
        var pages = Paginator(pageSize: theme.pageSize, body: theme.bodyRect).paginate(boxes)
        let fields = [
            "title": procedure.title, "clinic": clinic.name, "date": date.long,
            "summary": procedure.summary ?? "", "category": procedure.category ?? "",
            "phone": clinic.phone, "website": clinic.website,
        ]
        PageFurniture(theme: theme, shaper: shaper).apply(to: &pages, fields: fields)
        let outline = headings.compactMap { heading in
            pages.firstIndex { $0.anchors.contains(heading.anchor) }.map { OutlineEntry(title: heading.title, page: $0 + 1) }
        }
        return LaidOutDocument(pages: PageList(pages), labels: nil, outline: outline, missingGlyphs: Self.missingGlyphs(in: boxes))
    }

    static func missingGlyphs(in boxes: [FlowBox]) -> Int {
        boxes.reduce(0) { total, box in
            if case let .lines(lines) = box.content { return total + lines.shaped.missingGlyphs }
            return total
        }
    }
}
