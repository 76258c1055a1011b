/// What a font description resolves to on this machine.
public struct FontFace: Equatable, Sendable {
    /// The family fontconfig picked, e.g. "DejaVu Sans".
    public let family: String
    /// Every family name the face answers to (e.g. "DejaVu Sans" and "DejaVu Sans Condensed").
    public let allFamilies: [String]
    /// The style name, e.g. "Bold".
    public let style: String
    /// The font file it comes from.
    public let file: String
}
