/// Splits a content file into its YAML front matter and Markdown body.
struct FrontMatter {
    let yaml: String
    /// Lines before the YAML's first line (the opening `---`).
    let yamlLineOffset: Int
    let body: String
    /// Lines before the body's first line.
    let bodyLineOffset: Int

    init(splitting text: String, file: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let first = lines.first, Self.isFence(first) else {
            throw HandoutError(
                file: file, line: 1,
                "must begin with front matter: a line `---`, then `title: …`, then a closing `---`")
        }
        guard let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0]) || lines[$0] == "..." }) else {
            throw HandoutError(
                file: file, line: 1,
                "the front matter that opens here is never closed; add a line `---` after its last key")
        }
        yaml = lines[1..<close].joined(separator: "\n")
        yamlLineOffset = 1
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyLineOffset = close + 1
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
