import CPangoCairo

/// The one owner of a `cairo_t` drawing on a surface: the renderer's whole vocabulary.
public final class GraphicsContext {
    let pointer: OpaquePointer
    private let surface: CairoSurface  // kept alive while we draw on it

    public init(drawingOn surface: CairoSurface) throws {
        guard let raw = cairo_create(surface.pointer) else { throw GraphicsError("cannot draw: no cairo context") }
        let status = cairo_status(raw)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(raw)
            throw GraphicsError("cannot draw", status: status)
        }
        pointer = raw
        self.surface = surface
    }

    deinit { cairo_destroy(pointer) }

    /// Cairo errors are sticky: check once after drawing instead of after every call.
    public func checkStatus() throws {
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw GraphicsError("drawing failed", status: status) }
    }

    public func scale(by factor: Double) { cairo_scale(pointer, factor, factor) }

    public func paint(_ color: Color) {
        setColor(color)
        cairo_paint(pointer)
    }

    public func fill(_ rect: Rect, color: Color, cornerRadius: Double = 0) {
        path(rect, cornerRadius: cornerRadius)
        setColor(color)
        cairo_fill(pointer)
    }

    public func stroke(_ rect: Rect, color: Color, lineWidth: Double, cornerRadius: Double = 0, dash: [Double] = []) {
        path(rect, cornerRadius: cornerRadius)
        strokeCurrentPath(color: color, lineWidth: lineWidth, dash: dash)
    }

    public func line(from: Point, to: Point, color: Color, lineWidth: Double) {
        cairo_move_to(pointer, from.x, from.y)
        cairo_line_to(pointer, to.x, to.y)
        strokeCurrentPath(color: color, lineWidth: lineWidth, dash: [])
    }

    /// A row of round dots, as in the leaders of a table of contents.
    public func dots(from: Point, to: Point, color: Color, spacing: Double = 3.5, size: Double = 1) {
        cairo_save(pointer)
        cairo_set_line_cap(pointer, CAIRO_LINE_CAP_ROUND)
        cairo_move_to(pointer, from.x, from.y)
        cairo_line_to(pointer, to.x, to.y)
        setColor(color)
        cairo_set_line_width(pointer, size)
        cairo_set_dash(pointer, [0, spacing], 2, 0)
        cairo_stroke(pointer)
        cairo_restore(pointer)
    }

    /// Draws what `body` draws moved by (dx, dy) and scaled by `scale`, then restores the state.
    public func transformed(dx: Double, dy: Double, scale: Double = 1, _ body: () throws -> Void) rethrows {
        cairo_save(pointer)
        cairo_translate(pointer, dx, dy)
        cairo_scale(pointer, scale, scale)
        defer { cairo_restore(pointer) }
        try body()
    }

    /// Draws the whole bitmap scaled into `rect`.
    public func draw(_ bitmap: Bitmap, in rect: Rect) {
        cairo_save(pointer)
        cairo_translate(pointer, rect.x, rect.y)
        cairo_scale(pointer, rect.width / bitmap.pixelSize.width, rect.height / bitmap.pixelSize.height)
        cairo_set_source_surface(pointer, bitmap.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(pointer), CAIRO_FILTER_GOOD)
        cairo_rectangle(pointer, 0, 0, bitmap.pixelSize.width, bitmap.pixelSize.height)
        cairo_fill(pointer)
        cairo_restore(pointer)
    }

    /// Opens a structure or link tag; `attributes` use cairo's `key=value` syntax.
    public func beginTag(_ name: String, attributes: String = "") {
        cairo_tag_begin(pointer, name, attributes)
    }

    public func endTag(_ name: String) { cairo_tag_end(pointer, name) }

    /// Ends the current page and starts the next.
    public func showPage() { cairo_show_page(pointer) }

    func setColor(_ color: Color) {
        cairo_set_source_rgb(pointer, color.red, color.green, color.blue)
    }

    private func path(_ rect: Rect, cornerRadius r: Double) {
        guard r > 0 else {
            cairo_rectangle(pointer, rect.x, rect.y, rect.width, rect.height)
            return
        }
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, rect.maxX - r, rect.y + r, r, -Double.pi / 2, 0)
        cairo_arc(pointer, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
        cairo_arc(pointer, rect.x + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
        cairo_arc(pointer, rect.x + r, rect.y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(pointer)
    }

    private func strokeCurrentPath(color: Color, lineWidth: Double, dash: [Double]) {
        setColor(color)
        cairo_set_line_width(pointer, lineWidth)
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_stroke(pointer)
    }
}

/// Escapes a value for a cairo tag attribute string (`'` and `\` would end or break it).
public func cairoTagString(_ value: String) -> String {
    var out = "'"
    for ch in value {
        if ch == "'" || ch == "\\" { out.append("\\") }
        out.append(ch)
    }
    return out + "'"
}
