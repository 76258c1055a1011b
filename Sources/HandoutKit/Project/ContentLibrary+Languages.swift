import Foundation

/// Handouts in other languages and the words Handout prints in them.
///
/// `procedures/SLUG.md` is a handout in the language its front matter gives (English by
/// default); `procedures/SLUG.es.md` is the same handout in Spanish. Part intros go the same way
/// (`parts/NAME.es.md`). Fixed words come from `Layouts/strings/LANG.yaml`, found like a layout:
/// next to the Content folder, in the current folder, then among the ones Handout ships.
extension ContentLibrary {
    /// The slug and language of a variant's file name ("epidural.es.md" → epidural, es); nil for a
    /// handout's own file.
    public static func variant(ofFileName name: String) -> (slug: String, language: String)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex else { return nil }
        let tag = String(stem[stem.index(after: dot)...])
        // A lowercase language, at most a region after it ("es", "pt-br"): "v2" or "final" are not.
        let parts = tag.split(separator: "-" as Character, omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLowercase }), parts.count <= 2,
              parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return (String(stem[..<dot]), tag)
    }

    /// The file handout `slug` in `language` is read from: its variant (`SLUG.es.md`) when there
    /// is one, else its own file (which may or may not be in that language).
    public func procedureFile(_ slug: String, language: String?) -> URL {
        guard let language else { return workspace.procedureFile(slug) }
        let variant = workspace.proceduresFolder.appendingPathComponent("\(slug).\(language).md")
        return FileManager.default.fileExists(atPath: variant.path) ? variant : workspace.procedureFile(slug)
    }

    /// The languages `slug` is written in: its own file's first, then its variants' in order.
    public func languages(of slug: String, warnings: inout [Warning]) throws -> [String] {
        let base = try procedure(slug, warnings: &warnings).language
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.proceduresFolder.path)) ?? []
        let variants = names.compactMap(Self.variant(ofFileName:)).filter { $0.slug == slug }.map(\.language).sorted()
        return [base] + variants.filter { !Languages.same($0, base) }
    }

    /// Handout `slug` in `language` (nil: as its own file is written): its variant file, or its
    /// own file when that is in the language. Without either, the version in `fallback`, with a
    /// warning, or an error naming the file to write.
    public func procedure(_ slug: String, language: String?, fallback: String? = nil, warnings: inout [Warning]) throws -> Procedure {
        guard let language else { return try procedure(slug, warnings: &warnings) }
        let url = workspace.proceduresFolder.appendingPathComponent("\(slug).\(language).md")
        // The variant first: the handout's own file is read only when there is none, so its
        // warnings are not repeated for a document that does not use it.
        if FileManager.default.fileExists(atPath: url.path) {
            return try procedure(at: url, slug: slug, language: language, warnings: &warnings) {
                HandoutError(file: DisplayPath.of(url), "was not found")
            }
        }
        var baseWarnings: [Warning] = []
        let base = try procedure(slug, warnings: &baseWarnings)
        if Languages.same(base.language, language) {
            warnings += baseWarnings
            return base
        }
        let missing = HandoutError(
            file: DisplayPath.of(url),
            "'\(slug)' has no \(Languages.name(language)) version; write this file (with `language: \(language)`), or pass --fallback \(base.language) to use the \(Languages.name(base.language)) one")
        guard let fallback, !Languages.same(fallback, language) else { throw missing }
        let used = try self.procedure(slug, language: fallback, warnings: &warnings)
        warnings.append(Warning(file: DisplayPath.of(url), "'\(slug)' has no \(Languages.name(language)) version; the \(Languages.name(used.language)) one is used (--fallback)"))
        return used
    }

    /// The fixed words in `language`: `strings/LANG.yaml` (or the file of its primary language,
    /// `es` for `es-US`) from the layout folders. Without one, English words, which `missingStrings`
    /// says once per document.
    public func strings(for language: String) throws -> StringCatalog {
        let candidates = language == Languages.primary(language) ? [language] : [language, Languages.primary(language)]
        for folder in workspace.layoutFolders {
            for tag in candidates {
                let url = folder.appendingPathComponent("strings/\(tag).yaml")
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                var none: [Warning] = []
                return try catalogs.value(for: url, warnings: &none) { (try StringCatalog.load(from: url, language: language), [], []) }
            }
        }
        var english = StringCatalog.english
        english.language = language
        english.isStandIn = !Languages.same(language, "en")
        return english
    }

    /// A warning when `catalog` is English standing in for another language.
    public func missingStrings(_ catalog: StringCatalog) -> Warning? {
        guard catalog.isStandIn else { return nil }
        let file = workspace.layoutFolders.first.map { DisplayPath.of($0.appendingPathComponent("strings/\(catalog.language).yaml")) } ?? "strings/\(catalog.language).yaml"
        return Warning(file: file, "no \(Languages.name(catalog.language)) words for labels and page numbers, so they print in English; copy strings/en.yaml from Handout's Layouts to this file and translate it")
    }
}
