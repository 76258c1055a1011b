import CFontconfig

/// Process-wide fontconfig setup; call once, on the main thread, before any text work.
public enum FontRegistry {
    /// Initializes fontconfig and adds each existing folder's fonts to the current configuration,
    /// so a clinic's brand fonts dropped into `Fonts/` resolve like installed ones.
    public static func prepare(fontDirectories: [String]) throws {
        guard FcInit() == FcTrue else { throw GraphicsError("fontconfig could not start") }
        for directory in fontDirectories {
            guard FcConfigAppFontAddDir(nil, directory) == FcTrue else {
                throw GraphicsError("fontconfig could not read fonts in \(directory)")
            }
        }
    }
}
