import Foundation

/// Where a content file's text in one language is.
enum LanguageVariant {
    /// `NAME.L.md` beside `NAME.md` when `language` is given and it exists, else `NAME.md` itself
    /// (whose front matter must then say that language). The one place `handout check` picks a
    /// language variant: ContentLibrary is learning language variants, and this gives way to it.
    static func file(_ base: URL, language: String?) -> URL {
        guard let language else { return base }
        let variant = base.deletingPathExtension().appendingPathExtension(language).appendingPathExtension("md")
        return FileManager.default.fileExists(atPath: variant.path) ? variant : base
    }
}
