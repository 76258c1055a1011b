import HandoutBindings

/// Document information written into a PDF.
public struct PDFMetadata: Equatable, Sendable {
    public var title: String
    public var subject: String?
    public var author: String
    public var creator: String
    /// ISO 8601 in UTC, e.g. "2026-11-15T00:00:00Z"; nil when the document has no date (the
    /// finishing step then removes the one cairo stamps from the clock).
    public var created: String?
    /// BCP 47 language of the text, for screen readers.
    public var language: String

    func write(to surface: PDFSurface) {
        surface.setMetadata(.title, title)
        if let subject { surface.setMetadata(.subject, subject) }
        surface.setMetadata(.author, author)
        surface.setMetadata(.creator, creator)
        if let created {
            surface.setMetadata(.createDate, created)
            surface.setMetadata(.modDate, created)
        }
    }
}

/// A PDF as cairo wrote it, with what the finishing step must add that cairo cannot write.
public struct RenderedPDF: Sendable {
    public var bytes: [UInt8]
    public var structure: PDFStructure
}

/// Draws laid-out pages into a tagged PDF and returns its bytes, as cairo wrote them (the
/// document writer's steps finish them).
public struct PDFRenderer {
    public init() {}

    public func render(_ document: LaidOutDocument, metadata: PDFMetadata) throws -> RenderedPDF {
        let pages = document.pages
        let surface = try PDFSurface(size: pages.first?.size ?? Theme.standard.pageSize)
        metadata.write(to: surface)

        let graphics = try GraphicsContext(drawingOn: surface)
        let drawer = PageDrawer(graphics: graphics, tagged: true)
        // The element last opened for each tag: a list that crosses a page break is opened again
        // on the next page, and the finishing step joins the two.
        var opened: [Int: Int] = [:]
        for (index, page) in pages.enumerated() {
            surface.setPageSize(page.size)
            if index == 0 { drawer.beginElement(.document) }
            if let labels = document.labels, index < labels.count { surface.setPageLabel(labels[index]) }
            var open: [StructureTag] = []
            for block in page.blocks {
                // Close what this block is not inside, then open what it is inside but not yet open.
                let shared = zip(open, block.tags).prefix { $0.id == $1.id }.count
                for tag in open[shared...].reversed() { drawer.endElement(tag.role) }
                for (depth, tag) in block.tags.enumerated().dropFirst(shared) {
                    let lead = block.leads(at: depth)
                    if !lead.isEmpty {
                        drawer.openElements = depth
                        try drawer.draw(lead)
                    }
                    let element = drawer.beginElement(tag.role)
                    if let earlier = opened[tag.id] {
                        drawer.structure.continuations.append(.init(continued: element, original: earlier))
                    }
                    opened[tag.id] = element
                    if depth == 0, let language = page.language, language != metadata.language {
                        drawer.structure.languages.append(.init(element: element, language: language))
                    }
                    if tag.role == .figure { drawer.noteFigure(alternative: tag.alternative, items: block.items) }
                }
                open = block.tags
                drawer.openElements = block.tags.count
                try drawer.draw(block.items)
            }
            // Elements end with the page, so the header and footer stay outside them.
            for tag in open.reversed() { drawer.endElement(tag.role) }
            drawer.openElements = 0
            try drawer.draw(page.furniture)
            graphics.showPage()
        }
        drawer.endElement(.document)
        addOutline(document.outline, parent: 0, to: surface)
        try graphics.checkStatus()
        return RenderedPDF(bytes: try surface.finish(), structure: drawer.structure)
    }

    private func addOutline(_ entries: [OutlineEntry], parent: Int32, to surface: PDFSurface) {
        for entry in entries {
            let id = surface.addOutline(parent: parent, title: entry.title, page: entry.page, open: entry.open)
            addOutline(entry.children, parent: id, to: surface)
        }
    }
}
