import HandoutBindings

/// The real `TextShaper`: Pango, through one thread's `FontSystem`.
public final class PangoShaper: TextShaper {
    public let fonts: FontSystem
    private var descriptions: [String: FontDescription] = [:]

    public init(fonts: FontSystem) { self.fonts = fonts }

    /// Optional Latin ligatures (fi, fl) off: they cannot be encoded in the compact WinAnsi font
    /// subset, so each face would need a second subset (bigger files) and copied text would read
    /// "ﬁ". Required ligatures (Arabic lam-alef) are a different feature and stay on.
    static let features = "liga=0"

    public func shape(_ text: StyledText, style: TextStyle, width: Double) -> ShapedText {
        fonts.layout(
            text.text, runs: text.runs, font: description(style.font), width: width,
            lineSpacing: style.lineSpacing, alignment: style.alignment, language: style.language,
            features: Self.features)
    }

    /// Descriptions are parsed once and reused for every paragraph.
    public func description(_ text: String) -> FontDescription {
        if let known = descriptions[text] { return known }
        let made = FontDescription(text)
        descriptions[text] = made
        return made
    }
}
