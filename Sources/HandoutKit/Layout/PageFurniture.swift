import HandoutBindings

/// Adds the running header and footer once the page count is known ("Page 2 of 3").
public struct PageFurniture {
    public var theme: Theme
    public var shaper: TextShaper

    public init(theme: Theme, shaper: TextShaper) {
        self.theme = theme
        self.shaper = shaper
    }

    /// Handout pages: the layout's header and footer, with `page`, `pages` and `page_of` ("Page 2
    /// of 3" in the words of `strings`) added per page.
    public func apply(to pages: inout [Page], fields: [String: String], strings: StringCatalog = .english) {
        for index in pages.indices {
            var values = fields
            values["page"] = "\(index + 1)"
            values["pages"] = "\(pages.count)"
            values["page_of"] = strings.text(.pageOf, ["page": "\(index + 1)", "pages": "\(pages.count)"])
            pages[index].furniture = items(header: theme.header.render(values), footer: theme.footer.render(values))
        }
    }

    /// A header (left, over a hairline) and a footer (centered) in the small font; blank ones are left out.
    public func items(header: String, footer: String) -> [PageItem] {
        let body = theme.bodyRect
        let style = TextStyle(font: theme.fonts.small, lineSpacing: theme.metrics.lineSpacing.single)
        let gaps = theme.metrics.furniture
        var items: [PageItem] = []
        if !header.allSatisfy(\.isWhitespace) {
            let shaped = shaper.shape(StyledText(header), style: style, width: body.width)
            let top = body.y - gaps.headerGap - shaped.height
            items.append(.text(shaped, lines: 0..<shaped.lines.count, origin: Point(x: body.x, y: top), color: .muted))
            let ruleY = body.y - gaps.ruleGap
            items.append(.line(from: Point(x: body.x, y: ruleY), to: Point(x: body.maxX, y: ruleY), theme.accent.tinted(0.5), width: gaps.ruleWidth))
        }
        if !footer.allSatisfy(\.isWhitespace) {
            var centered = style
            centered.alignment = .center
            let shaped = shaper.shape(StyledText(footer), style: centered, width: body.width)
            items.append(.text(shaped, lines: 0..<shaped.lines.count, origin: Point(x: body.x, y: body.maxY + gaps.footerGap), color: .muted))
        }
        return items
    }
}
