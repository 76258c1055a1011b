import Foundation

/// A part intro (`parts/NAME.md`): Markdown, with optional front matter as a handout has
/// (`title:` names the part in the intro's language, `language:` says which that is).
struct PartIntro {
    var title: String?
    var language: String?
    var blocks: [Block]
    /// The line in the file where each of `blocks` starts.
    var lines: [Int]

    static func load(_ url: URL, content: URL, warnings: inout [Warning]) throws -> PartIntro {
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "this part intro")
        var body = text, offset = 0
        var title: String?, language: String?
        // Front matter is optional here: without it, the whole file is the intro.
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") {
            let parts = try FrontMatter(splitting: text, file: file)
            let yaml = try YAMLMapping(parsing: parts.yaml, file: file, lineOffset: parts.yamlLineOffset, what: "the front matter")
            try yaml.rejectUnknownKeys(allowed: ["title", "language"])
            title = try yaml.string("title", maximum: YAMLMapping.maximumTitleCharacters)?.trimmed
            language = try yaml.string("language")?.trimmed
            if let language, !Languages.isTag(language) {
                throw HandoutError(file: file, line: yaml.entry("language")?.line, key: "language",
                                   "'\(language)' is not a BCP 47 language tag; write e.g. `en`, `es` or `pt-BR`")
            }
            (body, offset) = (parts.body, parts.bodyLineOffset)
        }
        let converter = BlockConverter(file: file, lineOffset: offset, searchDirectories: [url.deletingLastPathComponent(), content])
        let (blocks, lines) = try converter.convert(markdown: body, warnings: &warnings)
        if let warning = Figure.placeholderWarning(in: blocks, file: file) { warnings.append(warning) }
        return PartIntro(title: title, language: language, blocks: blocks, lines: lines)
    }
}
