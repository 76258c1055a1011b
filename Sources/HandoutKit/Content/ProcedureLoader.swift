import Foundation
import HandoutBindings

/// Reads `procedures/SLUG.md` into a `Procedure`: front matter checked key by key, body through cmark.
public struct ProcedureLoader {
    static let frontMatterKeys = ["title", "summary", "category", "language", "updated"]

    /// Where pictures are looked for after the Markdown file's own folder.
    public var contentDirectory: URL

    public init(contentDirectory: URL) { self.contentDirectory = contentDirectory }

    /// Reads `url` as handout `slug` (default: the file's name); a language variant
    /// (`SLUG.es.md`) is in `variantLanguage` unless its front matter says otherwise, which is an error.
    public func load(_ url: URL, slug: String? = nil, variantLanguage: String? = nil, warnings: inout [Warning]) throws -> Procedure {
        let file = DisplayPath.of(url)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw HandoutError(file: file, "cannot read this handout; check that the file exists and is readable")
        }
        let text = try SourceText.decode(data, file: file, what: "this handout")
        let parts = try FrontMatter(splitting: text, file: file)
        let yaml = try YAMLMapping(parsing: parts.yaml, file: file, lineOffset: parts.yamlLineOffset, what: "the front matter")
        try yaml.rejectUnknownKeys(allowed: Self.frontMatterKeys)

        let language = try yaml.string("language")?.trimmed ?? variantLanguage ?? "en"
        guard Languages.isTag(language) else {
            throw HandoutError(file: file, line: yaml.entry("language")?.line, key: "language",
                               "'\(language)' is not a BCP 47 language tag; write e.g. `en`, `es` or `pt-BR`")
        }
        if let variantLanguage, !Languages.same(language, variantLanguage) {
            throw HandoutError(file: file, line: yaml.entry("language")?.line, key: "language",
                               "is \(language), but the file name says \(variantLanguage); write `language: \(variantLanguage)` or rename the file")
        }
        var updated: CalendarDate?
        if let text = try yaml.string("updated") {
            guard let date = CalendarDate(iso: text) else {
                throw HandoutError(file: file, line: yaml.entry("updated")?.line, key: "updated",
                                   "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. `updated: 2026-11-15`")
            }
            updated = date
        }
        let slug = slug ?? url.deletingPathExtension().lastPathComponent
        let converter = BlockConverter(
            file: file, lineOffset: parts.bodyLineOffset,
            searchDirectories: [url.deletingLastPathComponent(), contentDirectory])
        let (blocks, lines) = try converter.convert(markdown: parts.body, warnings: &warnings)
        if let warning = Figure.placeholderWarning(in: blocks, file: file) { warnings.append(warning) }
        try Personalizer.checkTemplates(in: blocks, source: parts.body, file: file, lineOffset: parts.bodyLineOffset)
        return Procedure(
            slug: slug,
            title: try yaml.requiredString("title", example: "Epidural Steroid Injection", maximum: YAMLMapping.maximumTitleCharacters).trimmed,
            summary: try yaml.string("summary")?.trimmed,
            category: try yaml.string("category", maximum: YAMLMapping.maximumTitleCharacters)?.trimmed,
            language: language,
            updated: updated,
            blocks: blocks,
            file: file,
            contentDigest: Digest.fnv1a(data),
            fieldReferences: FieldReference.scan(parts.body, lineOffset: parts.bodyLineOffset),
            blockLines: lines)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// FNV-1a: a small, stable digest for deriving reproducible values from input bytes.
enum Digest {
    static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
