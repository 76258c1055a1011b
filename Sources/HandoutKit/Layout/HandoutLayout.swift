import HandoutBindings

/// A handout laid out: finished pages, ready for any renderer.
public struct LaidOutDocument {
    public var pages: [Page]
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

    public func layout(_ procedure: Procedure, clinic: Clinic, date: CalendarDate) -> LaidOutDocument {
        let typesetter = Typesetter(theme: theme, shaper: shaper, language: procedure.language)
        var boxes = typesetter.titleBoxes(title: procedure.title, summary: procedure.summary)
        boxes += typesetter.boxes(for: procedure.blocks)
        boxes.append(typesetter.disclaimerBox(clinic: clinic))
        var pages = Paginator(pageSize: theme.pageSize, body: theme.bodyRect).paginate(boxes)
        let fields = [
            "title": procedure.title, "clinic": clinic.name, "date": date.long,
            "summary": procedure.summary ?? "", "category": procedure.category ?? "",
            "phone": clinic.phone, "website": clinic.website,
        ]
        PageFurniture(theme: theme, shaper: shaper).apply(to: &pages, fields: fields)
        let missing = boxes.reduce(0) { total, box in
            if case let .lines(lines) = box.content { return total + lines.shaped.missingGlyphs }
            return total
        }
        return LaidOutDocument(pages: pages, missingGlyphs: missing)
    }
}
