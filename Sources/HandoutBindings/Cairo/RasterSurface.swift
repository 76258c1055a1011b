import CPNG
import CPangoCairo

/// An in-memory opaque picture, drawn like a page and saved as PNG (previews, thumbnails).
public final class RasterSurface: CairoSurface {
    public init(pixelWidth: Int, pixelHeight: Int) throws {
        try super.init(
            taking: cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)),
            what: "cannot make a \(pixelWidth)×\(pixelHeight) picture")
    }

    /// The PNG file's bytes, encoded by libpng at zlib `level` (1 fastest to 9 smallest).
    public func pngBytes(level: Int32 = 1) throws -> [UInt8] {
        cairo_surface_flush(pointer)
        guard let pixels = cairo_image_surface_get_data(pointer) else { throw GraphicsError("cannot read the picture's pixels") }
        let sink = ByteSink()
        let status = handout_png_encode(
            pixels, cairo_image_surface_get_width(pointer), cairo_image_surface_get_height(pointer),
            cairo_image_surface_get_stride(pointer), level,
            { closure, data, length in
                guard let closure, let data else { return }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
            },
            Unmanaged.passUnretained(sink).toOpaque())
        guard status == 0 else { throw GraphicsError("cannot encode PNG") }
        return sink.bytes
    }
}
