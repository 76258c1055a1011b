import Foundation
import HandoutBindings

/// A booklet: cover text and parts, each an optional intro and a list of handouts.
public struct Booklet: Equatable, Sendable {
    /// One part of the booklet.
    public struct Part: Equatable, Sendable {
        /// Nil for an ad hoc booklet's single untitled part.
        public var title: String?
        /// The intro page's blocks; empty when the part has none.
        public var intro: [Block]
        public var procedures: [String]
        /// The intro's Markdown file, when it has one.
        public var introFile: URL? = nil
        /// The line in `introFile` where each of `intro` starts.
        public var introLines: [Int] = []
    }

    public var title: String
    public var subtitle: String?
    public var edition: String?
    public var parts: [Part]
    /// The language of its own words (cover, contents, part pages).
    public var language = "en"

    public init(title: String, subtitle: String?, edition: String?, parts: [Part]) {
        self.title = title
        self.subtitle = subtitle
        self.edition = edition
        self.parts = parts
    }

    /// Every handout slug in booklet order.
    public var slugs: [String] { parts.flatMap(\.procedures) }

    /// Reads and checks `booklet.yaml`: keys, part lists, that each slug and intro file exists. In
    /// `language`, titles given per language (`title: {en: …, es: …}`) are that language's, and
    /// each part intro is its variant in that language (`parts/NAME.es.md`) when there is one.
    public static func load(from url: URL, library: ContentLibrary, language: String? = nil, warnings: inout [Warning]) throws -> Booklet {
        let language = language ?? "en"
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "the booklet definition")
        let yaml = try YAMLMapping(parsing: text, file: file, what: "the booklet definition")
        try yaml.rejectUnknownKeys(allowed: ["title", "subtitle", "edition", "parts"])
        let title = try yaml.requiredString("title", example: "Pain relief procedures", language: language, maximum: YAMLMapping.maximumTitleCharacters).trimmed
        guard let partNodes = try yaml.sequence("parts"), !partNodes.isEmpty else {
            throw HandoutError(file: file, line: yaml.entry("parts")?.line ?? yaml.line, key: "parts",
                               "is missing or empty; list at least one part with a title and procedures")
        }
        let known = Set(try library.slugs())
        var parts: [Part] = []
        for (index, item) in partNodes.enumerated() {
            let prefix = "parts[\(index + 1)]."
            let part = try YAMLMapping(node: item.node, file: file, lineOffset: 0, what: "part \(index + 1)")
            try part.rejectUnknownKeys(allowed: ["title", "intro", "procedures"], prefix: prefix)
            var partTitle = try part.requiredString("title", example: "Back pain relief", prefix: prefix, language: language, maximum: YAMLMapping.maximumTitleCharacters).trimmed
            guard let slugNodes = try part.sequence("procedures", prefix: prefix), !slugNodes.isEmpty else {
                throw HandoutError(file: file, line: part.entry("procedures")?.line ?? part.line, key: prefix + "procedures",
                                   "is missing or empty; list the handout slugs of this part, e.g. [epidural-steroid-injection]")
            }
            var slugs: [String] = []
            for slugNode in slugNodes {
                guard let slug = slugNode.node.scalar?.string, known.contains(slug) else {
                    let shown = slugNode.node.scalar?.string ?? "this item"
                    // A likely typo gets its fix; otherwise the handouts there are, when few enough to read.
                    let hint = NearestName.suggestion(for: shown, among: known.sorted()).map { "did you mean `\($0)`?" }
                        ?? (known.count <= 12 ? "known: \(known.sorted().joined(separator: ", "))" : "see `handout list`")
                    throw HandoutError(file: file, line: slugNode.line, key: prefix + "procedures",
                                       "'\(shown)' is not a handout in \(DisplayPath.of(library.workspace.proceduresFolder)); \(hint)")
                }
                slugs.append(slug)
            }
            var intro: [Block] = [], introLines: [Int] = []
            var introFile: URL?
            if let path = try part.string("intro", prefix: prefix) {
                var introURL = library.workspace.content.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: introURL.path) else {
                    throw HandoutError(file: file, line: part.entry("intro")?.line, key: prefix + "intro",
                                       "'\(path)' was not found in the content folder; create it or fix the path (it is relative to \(DisplayPath.of(library.workspace.content)))")
                }
                let variant = introURL.deletingPathExtension().appendingPathExtension(language).appendingPathExtension(introURL.pathExtension)
                if FileManager.default.fileExists(atPath: variant.path) { introURL = variant }
                let read = try PartIntro.load(introURL, content: library.workspace.content, warnings: &warnings)
                (intro, introLines) = (read.blocks, read.lines)
                if let own = read.title { partTitle = own }
                introFile = introURL
            }
            parts.append(Part(title: partTitle, intro: intro, procedures: slugs, introFile: introFile, introLines: introLines))
        }
        var booklet = Booklet(
            title: title, subtitle: try yaml.string("subtitle", language: language)?.trimmed, edition: try yaml.string("edition")?.trimmed, parts: parts)
        booklet.language = language
        return booklet
    }
}
