import CPangoCairo

/// The one owner of a `PangoFontDescription` such as "DejaVu Sans Bold 11".
public final class FontDescription {
    let pointer: OpaquePointer
    public let text: String

    public init(_ text: String) {
        pointer = pango_font_description_from_string(text)
        self.text = text
    }

    private init(copying other: FontDescription, size: Double) {
        pointer = pango_font_description_copy(other.pointer)
        pango_font_description_set_size(pointer, Int32((size * Double(PANGO_SCALE)).rounded()))
        let described = pango_font_description_to_string(pointer)
        text = described.map { String(cString: $0) } ?? other.text
        g_free(described)
    }

    deinit { pango_font_description_free(pointer) }

    /// The family list as written, e.g. ["DejaVu Sans"]; empty if the description names none.
    public var families: [String] {
        guard let family = pango_font_description_get_family(pointer) else { return [] }
        return String(cString: family).split(separator: ",").map { $0.trimmingCharacters(in: " ") }
    }

    /// Size in points; 0 when the description sets none.
    public var pointSize: Double {
        Double(pango_font_description_get_size(pointer)) / Double(PANGO_SCALE)
    }

    /// The same face at another size.
    public func resized(to size: Double) -> FontDescription { FontDescription(copying: self, size: size) }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
