import HandoutBindings

/// How handouts look: page size and margins, fonts, colors, spacing, header and footer.
public struct Theme: Equatable, Sendable {
    /// Space between the page edge and the text block, in points.
    public struct Margins: Equatable, Sendable {
        public var top: Double, bottom: Double, left: Double, right: Double
    }

    /// Pango font descriptions for each role, e.g. "DejaVu Sans Bold 15".
    public struct Fonts: Equatable, Sendable {
        public var body: String
        public var heading: String
        public var small: String
        public var title: String

        public static let roles = ["body", "heading", "small", "title"]

        public subscript(role: String) -> String {
            get {
                switch role {
                case "body": body
                case "heading": heading
                case "small": small
                default: title
                }
            }
            set {
                switch role {
                case "body": body = newValue
                case "heading": heading = newValue
                case "small": small = newValue
                default: title = newValue
                }
            }
        }
    }

    public var pageSize: Size
    public var margins: Margins
    public var fonts: Fonts
    public var accent: Color
    /// Line height as a multiple of the font's.
    public var lineSpacing: Double
    /// Space between paragraphs, in points.
    public var paragraphSpacing: Double
    public var header: Template
    public var footer: Template
    /// How a handout's summary under its title is set: grey italic, or like the body text
    /// (large print: no grey or italic text for low-vision readers).
    public var summaryStyle: SummaryStyle = .muted
    /// Booklets: start each part and handout on a right-hand page, for double-sided printing.
    public var bookletStartOnRight = false
    public var bookletHeader = Template("{section}")
    public var bookletFooter = Template("{page}")
    /// Every other distance and proportion the pages use.
    public var metrics = ThemeMetrics()
    /// Where this theme came from, for messages about it.
    public var file: String
    /// Line of each font key in `file`, so a font fontconfig cannot find is reported where it was set.
    public var fontLines: [String: Int] = [:]

    /// The built-in default, which `Layouts/letter.yaml` spells out and other layouts start from.
    public static let standard = Theme(
        pageSize: PageSizeName.letter.size,
        margins: Margins(top: 54, bottom: 54, left: 72, right: 72),
        fonts: Fonts(
            body: "DejaVu Sans 12", heading: "DejaVu Sans Bold 16",
            small: "DejaVu Sans 9.5", title: "DejaVu Sans Bold 24"),
        accent: Color(hex: "#1f5f8b")!,
        lineSpacing: 1.3,
        paragraphSpacing: 6,
        header: Template("{clinic} · {phone}"),
        footer: Template("{title} · {reviewed} · {page_of}"),
        file: "built-in default layout")

    /// The area inside the margins.
    public var bodyRect: Rect {
        Rect(x: margins.left, y: margins.top,
             width: pageSize.width - margins.left - margins.right,
             height: pageSize.height - margins.top - margins.bottom)
    }
}

/// How the summary under a handout's title is set.
public enum SummaryStyle: String, Sendable, CaseIterable {
    /// Grey italic, set apart from the body.
    case muted
    /// Like the body: black upright type.
    case plain
}

/// Paper sizes a layout may name.
public enum PageSizeName: String, CaseIterable, Sendable {
    case letter, a4, a5, legal
    case halfLetter = "half-letter"
    /// 11 × 17 in, the sheet a Letter-size booklet is imposed on.
    case tabloid
    case a3

    public var size: Size {
        switch self {
        case .letter: Size(width: 612, height: 792)
        case .halfLetter: Size(width: 396, height: 612)
        case .tabloid: Size(width: 792, height: 1224)
        case .legal: Size(width: 612, height: 1008)
        case .a5: Size(width: 419.528, height: 595.276)
        case .a4: Size(width: 595.276, height: 841.89)
        case .a3: Size(width: 841.89, height: 1190.551)
        }
    }

    /// The standard landscape sheet a spread of two `page`s fits on with at most `slack` points
    /// to spare each way (two A5 pages are 2 mm narrower than A4); nil when none is that close.
    public static func sheet(forSpreadOf page: Size, slack: Double = 6) -> Size? {
        let spread = Size(width: 2 * page.width, height: page.height)
        return allCases.map { Size(width: $0.size.height, height: $0.size.width) }.first {
            (0...slack).contains($0.width - spread.width) && (0...slack).contains($0.height - spread.height)
        }
    }

    /// The size a page of `size` is known by, if any (either way round, to half a point).
    public static func named(_ size: Size) -> PageSizeName? {
        allCases.first { abs($0.size.width - size.width) < 0.5 && abs($0.size.height - size.height) < 0.5 }
    }
}
