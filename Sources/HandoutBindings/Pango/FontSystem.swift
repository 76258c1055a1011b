import CFontconfig
import CPangoCairo
import CPangoFc

/// One thread's Pango font map and context: shapes text into `TextLayout`s and resolves fonts.
///
/// Pango's font maps are not thread-safe, so each rendering thread makes its own.
public final class FontSystem {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    public init() throws {
        guard let map = pango_cairo_font_map_new() else { throw GraphicsError("pango has no font map") }
        // Measure in points, unhinted, with fractional positions: what a PDF reproduces exactly.
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        guard let context = pango_font_map_create_context(map) else {
            g_object_unref(map)
            throw GraphicsError("pango has no context")
        }
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        fontMap = map
        self.context = context
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// The face this description resolves to, as fontconfig chose it.
    public func resolve(_ description: FontDescription) -> FontFace? {
        guard let font = pango_font_map_load_font(fontMap, context, description.pointer) else { return nil }
        defer { g_object_unref(font) }
        guard let pattern = pango_fc_font_get_pattern(UnsafeMutablePointer<PangoFcFont>(OpaquePointer(font))) else { return nil }
        func string(_ key: String) -> String? {
            var value: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(pattern, key, 0, &value) == FcResultMatch, let value else { return nil }
            return String(cString: value)
        }
        func strings(_ key: String) -> [String] {
            var result: [String] = []
            var value: UnsafeMutablePointer<FcChar8>?
            while FcPatternGetString(pattern, key, Int32(result.count), &value) == FcResultMatch, let value {
                result.append(String(cString: value))
            }
            return result
        }
        let families = strings(FC_FAMILY)
        guard let family = families.first, let file = strings(FC_FILE).first else { return nil }
        return FontFace(family: family, allFamilies: families, style: strings(FC_STYLE).first ?? "", file: file)
    }

    /// Shapes `text` into lines no wider than `width` points. `features` are OpenType feature
    /// settings in CSS syntax, e.g. "liga=0".
    public func layout(
        _ text: String, runs: [TextRun], font: FontDescription, width: Double,
        lineSpacing: Double, alignment: TextAlignment = .natural, language: String? = nil, features: String? = nil
    ) -> TextLayout {
        TextLayout(
            context: context, text: text, runs: runs, font: font, width: width,
            lineSpacing: lineSpacing, alignment: alignment, language: language, features: features)
    }
}
