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
        margins: Margins(top: 54, bottom: 54, left: 60, right: 60),
        fonts: Fonts(
            body: "DejaVu Sans 10.5", heading: "DejaVu Sans Bold 13.5",
            small: "DejaVu Sans 8.5", title: "DejaVu Sans Bold 21"),
        accent: Color(hex: "#1f5f8b")!,
        lineSpacing: 1.3,
        paragraphSpacing: 6,
        header: Template("{clinic} · {phone}"),
        footer: Template("{title} · {reviewed} · Page {page} of {pages}"),
        file: "built-in default layout")

    /// The area inside the margins.
    public var bodyRect: Rect {
        Rect(x: margins.left, y: margins.top,
             width: pageSize.width - margins.left - margins.right,
             height: pageSize.height - margins.top - margins.bottom)
    }
}

/// Paper sizes a layout may name.
public enum PageSizeName: String, CaseIterable, Sendable {
    case letter, a4, legal

    public var size: Size {
        switch self {
        case .letter: Size(width: 612, height: 792)
        case .a4: Size(width: 595.276, height: 841.89)
        case .legal: Size(width: 612, height: 1008)
        }
    }
}
