import CPangoCairo

/// An in-memory ARGB picture, drawn like a page and saved as PNG (previews, thumbnails).
public final class RasterSurface: CairoSurface {
    public init(pixelWidth: Int, pixelHeight: Int) throws {
        try super.init(
            taking: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)),
            what: "cannot make a \(pixelWidth)×\(pixelHeight) picture")
    }

    /// The PNG file's bytes.
    public func pngBytes() throws -> [UInt8] {
        cairo_surface_flush(pointer)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(
            pointer, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw GraphicsError("cannot encode PNG", status: status) }
        return sink.bytes
    }
}
