import CPangoCairo

/// A failure reported by cairo, pango or fontconfig, with cairo's own wording.
public struct GraphicsError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    init(_ what: String, status: cairo_status_t) {
        description = "\(what): \(String(cString: cairo_status_to_string(status)))"
    }
}
