import Foundation
import Yams

/// The clinic's explained terms, `terms.yaml`: long words its handouts explain where they use
/// them, by language (`en: [epidural, …]`), which `handout check` does not count as hard words.
struct ExplainedTerms {
    private var words: [String: Set<String>] = [:]

    init() {}

    /// Reads `url`; a project without one has no explained terms.
    static func load(from url: URL) throws -> ExplainedTerms {
        guard FileManager.default.fileExists(atPath: url.path) else { return ExplainedTerms() }
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "the list of explained terms")
        let yaml = try YAMLMapping(parsing: text, file: file, what: "the list of explained terms")
        var terms = ExplainedTerms()
        for entry in yaml.entries {
            guard Languages.isTag(entry.key) else {
                throw HandoutError(file: file, line: entry.line, key: entry.key,
                                   "is not a language; list each language's terms under its tag, e.g. `en:` or `es:`")
            }
            guard let items = try yaml.sequence(entry.key) else { continue }
            var set = Set<String>()
            for item in items {
                guard let word = item.node.scalar?.string.trimmed, !word.isEmpty, !word.contains(where: \.isWhitespace) else {
                    throw HandoutError(file: file, line: item.line, key: entry.key,
                                       "each term is one word, as it appears in the handouts, e.g. `- epidural`")
                }
                set.insert(word.lowercased())
            }
            terms.words[entry.key.lowercased(), default: []].formUnion(set)
        }
        return terms
    }

    /// Whether `word` is explained in `language` (`es-MX` also takes `es`'s terms): the term
    /// itself or its plural with -s or -es.
    func contains(_ word: String, language: String) -> Bool {
        let lower = word.lowercased()
        var tags = [language.lowercased()]
        if let primary = language.split(separator: "-").first, primary.count != language.count { tags.append(primary.lowercased()) }
        for tag in tags {
            guard let set = words[tag] else { continue }
            if set.contains(lower) { return true }
            if lower.hasSuffix("s"), set.contains(String(lower.dropLast())) { return true }
            if lower.hasSuffix("es"), set.contains(String(lower.dropLast(2))) { return true }
        }
        return false
    }
}
