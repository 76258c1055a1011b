import CPangoCairo

/// Where one line of a shaped paragraph sits, relative to the paragraph's top-left corner.
public struct LineBox: Equatable, Sendable {
    /// Top of the line's slot (the previous line's slot ends here).
    public var top: Double
    /// Bottom of the line's slot.
    public var bottom: Double
    /// Baseline, from the paragraph's top.
    public var baseline: Double
    public var height: Double { bottom - top }

    public init(top: Double, bottom: Double, baseline: Double) {
        self.top = top
        self.bottom = bottom
        self.baseline = baseline
    }
}

/// The one owner of a `PangoLayout`: a shaped paragraph whose lines can be drawn one by one,
/// so pagination can put some lines on one page and the rest on the next.
public final class TextLayout {
    private let pointer: OpaquePointer
    public let lines: [LineBox]
    /// Width of each line's text, in points.
    public let lineWidths: [Double]
    /// Characters no installed font could draw (shown as boxes).
    public let missingGlyphs: Int

    init(
        context: OpaquePointer, text: String, runs: [TextRun], font: FontDescription, width: Double,
        lineSpacing: Double, alignment: TextAlignment, language: String?, features: String?
    ) {
        pointer = pango_layout_new(context)
        pango_layout_set_font_description(pointer, font.pointer)
        pango_layout_set_width(pointer, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_line_spacing(pointer, Float(lineSpacing))
        let align: PangoAlignment = switch alignment {
        case .natural: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(pointer, align)
        // Plain text plus attributes, never markup: a `<` or `&` in content stays a character.
        pango_layout_set_text(pointer, text, Int32(text.utf8.count))
        let attributes = pango_attr_list_new()
        if let features {
            Self.insert(pango_attr_font_features_new(features), into: attributes, 0, text.utf8.count)
        }
        if let language {
            Self.insert(pango_attr_language_new(pango_language_from_string(language)), into: attributes, 0, text.utf8.count)
        }
        for run in runs {
            if run.bold { Self.insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD), into: attributes, run.start, run.end) }
            if run.italic { Self.insert(pango_attr_style_new(PANGO_STYLE_ITALIC), into: attributes, run.start, run.end) }
            if run.monospace { Self.insert(pango_attr_family_new("monospace"), into: attributes, run.start, run.end) }
            if let scale = run.scale { Self.insert(pango_attr_scale_new(scale), into: attributes, run.start, run.end) }
            if run.underline {
                Self.insert(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), into: attributes, run.start, run.end)
            }
            if let c = run.color {
                Self.insert(
                    pango_attr_foreground_new(UInt16(c.red * 65535), UInt16(c.green * 65535), UInt16(c.blue * 65535)),
                    into: attributes, run.start, run.end)
            }
        }
        pango_layout_set_attributes(pointer, attributes)
        pango_attr_list_unref(attributes)
        (lines, lineWidths) = Self.measureLines(pointer)
        missingGlyphs = Int(pango_layout_get_unknown_glyphs_count(pointer))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    public var height: Double { lines.last?.bottom ?? 0 }

    /// Whether the first line reads right to left (Arabic, Hebrew), as Pango resolved it.
    public var isRightToLeft: Bool {
        guard let line = pango_layout_get_line_readonly(pointer, 0) else { return false }
        return pango_layout_line_get_resolved_direction(line) == PANGO_DIRECTION_RTL
    }

    /// Draws lines `range` so that the top of the first one's slot lands at `origin`.
    public func draw(lines range: Range<Int>, at origin: Point, color: Color, on graphics: GraphicsContext) {
        guard let first = range.first, first < lines.count else { return }
        let shift = lines[first].top
        graphics.setColor(color)
        let iterator = pango_layout_get_iter(pointer)
        defer { pango_layout_iter_free(iterator) }
        var index = 0
        repeat {
            if range.contains(index) {
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, nil, &logical)
                let baseline = Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE)
                cairo_move_to(graphics.pointer, origin.x + Double(logical.x) / Double(PANGO_SCALE), origin.y + baseline - shift)
                pango_cairo_show_layout_line(graphics.pointer, pango_layout_iter_get_line_readonly(iterator))
            }
            index += 1
        } while index < range.upperBound && pango_layout_iter_next_line(iterator) != 0
    }

    /// UTF-8 bytes `start..<end` of each line's text.
    public func byteRange(ofLine index: Int) -> Range<Int> {
        guard let line = pango_layout_get_line_readonly(pointer, Int32(index)) else { return 0..<0 }
        let start = Int(line.pointee.start_index)
        return start..<start + Int(line.pointee.length)
    }

    /// Draws line `index` run by run, placed as `draw(lines: first..<…)` places it, with the colors
    /// and underlines Pango would give it. Consecutive runs whose text lies in `segments[k]` are
    /// drawn inside `group(k) { … }`, and those in no segment inside `group(nil) { … }`, so a
    /// caller can wrap each piece (a link's words in its Link tag, the rest in a Span).
    public func drawRuns(
        ofLine index: Int, firstLine first: Int, at origin: Point, color: Color, on graphics: GraphicsContext,
        segments: [Range<Int>], group: (Int?, () -> Void) -> Void
    ) {
        guard index < lines.count, first <= index else { return }
        let iterator = pango_layout_get_iter(pointer)
        defer { pango_layout_iter_free(iterator) }
        for _ in 0..<index { pango_layout_iter_next_line(iterator) }
        var runs: [(run: UnsafeMutablePointer<PangoGlyphItem>, x: Double, width: Double, baseline: Double)] = []
        while let run = pango_layout_iter_get_run_readonly(iterator) {
            var logical = PangoRectangle()
            pango_layout_iter_get_run_extents(iterator, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE)
            runs.append((run, Double(logical.x) / Double(PANGO_SCALE), Double(logical.width) / Double(PANGO_SCALE), baseline))
            guard pango_layout_iter_next_run(iterator) != 0 else { break }
        }
        let shift = lines[first].top
        let text = pango_layout_get_text(pointer)
        func draw(_ part: ArraySlice<(run: UnsafeMutablePointer<PangoGlyphItem>, x: Double, width: Double, baseline: Double)>) {
            for (run, x, width, baseline) in part {
                let y = origin.y + baseline - shift
                let style = Self.style(of: run, default: color)
                graphics.setColor(style.color)
                cairo_move_to(graphics.pointer, origin.x + x, y)
                pango_cairo_show_glyph_item(graphics.pointer, text, run)
                if style.underline, let metrics = pango_font_get_metrics(run.pointee.item.pointee.analysis.font, run.pointee.item.pointee.analysis.language) {
                    let position = Double(pango_font_metrics_get_underline_position(metrics)) / Double(PANGO_SCALE)
                    let thickness = Double(pango_font_metrics_get_underline_thickness(metrics)) / Double(PANGO_SCALE)
                    pango_font_metrics_unref(metrics)
                    graphics.fill(Rect(x: origin.x + x, y: y - position, width: width, height: thickness), color: style.color)
                }
            }
        }
        // Consecutive runs in the same segment (or in none) are drawn together.
        func segment(of run: UnsafeMutablePointer<PangoGlyphItem>) -> Int? {
            let offset = Int(run.pointee.item.pointee.offset)
            return segments.firstIndex { $0.contains(offset) }
        }
        var start = 0
        while start < runs.count {
            let current = segment(of: runs[start].run)
            var end = start + 1
            while end < runs.count, segment(of: runs[end].run) == current { end += 1 }
            let part = runs[start..<end]
            group(current) { draw(part) }
            start = end
        }
    }

    /// A run's color and underline, from the attributes Pango attached to it.
    private static func style(of run: UnsafeMutablePointer<PangoGlyphItem>, default color: Color) -> (color: Color, underline: Bool) {
        var result = (color: color, underline: false)
        var node = run.pointee.item.pointee.analysis.extra_attrs
        while let current = node {
            if let attribute = current.pointee.data?.assumingMemoryBound(to: PangoAttribute.self) {
                switch attribute.pointee.klass.pointee.type {
                case PANGO_ATTR_FOREGROUND:
                    let value = UnsafeRawPointer(attribute).assumingMemoryBound(to: PangoAttrColor.self).pointee.color
                    result.color = Color(red: Double(value.red) / 65535, green: Double(value.green) / 65535, blue: Double(value.blue) / 65535)
                case PANGO_ATTR_UNDERLINE:
                    result.underline = UnsafeRawPointer(attribute).assumingMemoryBound(to: PangoAttrInt.self).pointee.value != Int32(PANGO_UNDERLINE_NONE.rawValue)
                default:
                    break
                }
            }
            node = current.pointee.next
        }
        return result
    }

    /// The boxes covering UTF-8 bytes `start..<end` on lines `range`, placed as `draw` places them.
    public func rects(bytes start: Int, _ end: Int, lines range: Range<Int>, at origin: Point) -> [Rect] {
        guard let first = range.first, first < lines.count else { return [] }
        let shift = lines[first].top
        var result: [Rect] = []
        for index in range where index < lines.count {
            guard let line = pango_layout_get_line_readonly(pointer, Int32(index)) else { continue }
            var ranges: UnsafeMutablePointer<Int32>?
            var count: Int32 = 0
            pango_layout_line_get_x_ranges(line, Int32(start), Int32(end), &ranges, &count)
            defer { g_free(ranges) }
            guard let ranges else { continue }
            for pair in 0..<Int(count) {
                let x0 = Double(ranges[2 * pair]) / Double(PANGO_SCALE)
                let x1 = Double(ranges[2 * pair + 1]) / Double(PANGO_SCALE)
                guard x1 > x0 else { continue }
                let box = lines[index]
                result.append(Rect(x: origin.x + x0, y: origin.y + box.top - shift, width: x1 - x0, height: box.height))
            }
        }
        return result
    }

    private static func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, into list: OpaquePointer?, _ start: Int, _ end: Int) {
        guard let attribute else { return }
        attribute.pointee.start_index = UInt32(start)
        attribute.pointee.end_index = UInt32(end)
        pango_attr_list_insert(list, attribute)
    }

    private static func measureLines(_ layout: OpaquePointer) -> ([LineBox], [Double]) {
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        var boxes: [LineBox] = []
        var widths: [Double] = []
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            widths.append(Double(logical.width) / Double(PANGO_SCALE))
            var y0: Int32 = 0, y1: Int32 = 0
            pango_layout_iter_get_line_yrange(iterator, &y0, &y1)
            let baseline = pango_layout_iter_get_baseline(iterator)
            boxes.append(LineBox(
                top: Double(y0) / Double(PANGO_SCALE), bottom: Double(y1) / Double(PANGO_SCALE),
                baseline: Double(baseline) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        // Slots tile the paragraph: each ends where the next begins.
        for i in boxes.indices.dropLast() { boxes[i].bottom = boxes[i + 1].top }
        return (boxes, widths)
    }
}
