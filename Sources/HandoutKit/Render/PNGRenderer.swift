import HandoutBindings

/// Draws one laid-out page into a PNG picture, for previews and thumbnails.
public struct PNGRenderer {
    /// Pixels per inch.
    public var resolution: Double

    public init(resolution: Double = 96) { self.resolution = resolution }

    public func render(_ page: Page) throws -> [UInt8] {
        let scale = resolution / 72
        let surface = try RasterSurface(
            pixelWidth: Int((page.size.width * scale).rounded()), pixelHeight: Int((page.size.height * scale).rounded()))
        let graphics = try GraphicsContext(drawingOn: surface)
        graphics.paint(.white)
        graphics.scale(by: scale)
        let drawer = PageDrawer(graphics: graphics, tagged: false)
        for block in page.blocks { try drawer.draw(block.allItems) }
        try drawer.draw(page.furniture)
        try graphics.checkStatus()
        return try surface.pngBytes()
    }
}
