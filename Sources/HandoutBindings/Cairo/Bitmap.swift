import CPangoCairo
import Glibc

/// A picture to place on a page: a decoded PNG, or a JPEG that PDFs embed as it is.
public final class Bitmap: CairoSurface {
    public let pixelSize: Size

    /// Decodes a PNG file.
    public init(pngFile path: String) throws {
        let raw = cairo_image_surface_create_from_png(path)
        pixelSize = Size(
            width: Double(raw.map(cairo_image_surface_get_width) ?? 0),
            height: Double(raw.map(cairo_image_surface_get_height) ?? 0))
        try super.init(taking: raw, what: "cannot read PNG")
    }

    /// Wraps JPEG bytes without decoding them: PDF output embeds them unchanged (DCTDecode),
    /// so photos keep their size and quality. Raster previews show the frame only.
    public init(jpegBytes: [UInt8], pixelWidth: Int, pixelHeight: Int) throws {
        guard !jpegBytes.isEmpty else { throw GraphicsError("empty JPEG") }
        let raw = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
        pixelSize = Size(width: Double(pixelWidth), height: Double(pixelHeight))
        try super.init(taking: raw, what: "cannot hold JPEG")
        guard let copy = malloc(jpegBytes.count) else { throw GraphicsError("out of memory for JPEG") }
        jpegBytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: jpegBytes.count) }
        let status = cairo_surface_set_mime_data(
            pointer, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self), UInt(jpegBytes.count),
            { free($0) }, copy)
        guard status == CAIRO_STATUS_SUCCESS else {
            free(copy)
            throw GraphicsError("cannot attach JPEG", status: status)
        }
    }
}
