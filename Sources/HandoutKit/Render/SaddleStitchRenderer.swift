import HandoutBindings

/// Imposes pages for a folded, stapled booklet: two pages side by side on each landscape sheet side,
/// in the order that, printed double-sided (flip on the short edge) and folded, reads 1, 2, 3, …
/// Pages are drawn again from their items, so text and art stay vector.
public struct SaddleStitchRenderer {
    public init() {}

    /// The page numbers (1-based, 0 for a blank) on each sheet side, left then right, for `count`
    /// pages padded to a multiple of 4. For 8: [8,1], [2,7], [6,3], [4,5].
    public static func order(pageCount count: Int) -> [(left: Int, right: Int)] {
        let total = (count + 3) / 4 * 4
        var sides: [(Int, Int)] = []
        for sheet in 0..<total / 4 {
            sides.append((total - 2 * sheet, 1 + 2 * sheet))
            sides.append((2 + 2 * sheet, total - 1 - 2 * sheet))
        }
        return sides
    }

    /// Blank pages are added before the last page, so a back cover stays on the outside.
    public func render(_ pages: PageList, metadata: PDFMetadata) throws -> [UInt8] {
        guard let last = pages.last else { throw GraphicsError("a booklet with no pages cannot be imposed") }
        let padding = (4 - pages.count % 4) % 4
        let pageSize = last.size
        /// Physical page n (1-based) of the padded booklet; nil for a blank.
        func page(_ n: Int) -> Page? {
            if n < pages.count || pages.count == 1 { return n <= pages.count ? pages[n - 1] : nil }
            return n == pages.count + padding ? last : nil
        }
        // On the standard paper the spread fits, centred, so it prints at 100 % (two A5 pages on A4).
        let spread = Size(width: 2 * pageSize.width, height: pageSize.height)
        let sheet = PageSizeName.sheet(forSpreadOf: pageSize) ?? spread
        let inset = Point(x: (sheet.width - spread.width) / 2, y: (sheet.height - spread.height) / 2)
        let surface = try PDFSurface(size: sheet)
        metadata.write(to: surface)
        let graphics = try GraphicsContext(drawingOn: surface)
        let drawer = PageDrawer(graphics: graphics, tagged: false)
        for side in Self.order(pageCount: pages.count + padding) {
            surface.setPageSize(sheet)
            for (number, dx) in [(side.left, inset.x), (side.right, inset.x + pageSize.width)] {
                guard let page = page(number) else { continue }
                try graphics.transformed(dx: dx, dy: inset.y) {
                    for block in page.blocks { try drawer.draw(block.allItems) }
                    try drawer.draw(page.furniture)
                }
            }
            graphics.showPage()
        }
        try graphics.checkStatus()
        return try surface.finish()
    }
}
