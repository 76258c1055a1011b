import Yams

/// A YAML mapping read with Yams, keeping each key's line so errors can point at it.
struct YAMLMapping {
    struct Entry {
        let key: String
        let line: Int
        let value: Node
    }

    let file: String
    let entries: [Entry]
    /// Line of the mapping itself, for "missing key" errors.
    let line: Int
    /// Added to Yams' line numbers, for YAML embedded in a bigger file (front matter).
    let lineOffset: Int

    /// Parses `text` as a YAML mapping; any syntax error becomes a one-line `HandoutError`.
    init(parsing text: String, file: String, lineOffset: Int = 0, what: String) throws {
        let node: Node?
        do {
            // The basic resolver: values are read as text and checked here, so the default one's
            // regular expressions (compiled by ICU on first use, over a millisecond of every start) are not needed.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw Self.describe(error, file: file, lineOffset: lineOffset)
        } catch {
            throw HandoutError(file: file, "cannot read the YAML (\(error))")
        }
        guard let node else {
            throw HandoutError(file: file, line: lineOffset + 1, "\(what) is empty; it needs lines of the form `key: value`")
        }
        try self.init(node: node, file: file, lineOffset: lineOffset, what: what)
    }

    init(node: Node, file: String, lineOffset: Int, what: String) throws {
        let line = (node.mark?.line ?? 1) + lineOffset
        guard let mapping = node.mapping else {
            throw HandoutError(file: file, line: line, "\(what) must be lines of the form `key: value`")
        }
        var seen = Set<String>()
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            let keyLine = (keyNode.mark?.line ?? 1) + lineOffset
            guard let key = keyNode.scalar?.string else {
                throw HandoutError(file: file, line: keyLine, "a key must be a plain word such as `title`")
            }
            guard seen.insert(key).inserted else {
                throw HandoutError(file: file, line: keyLine, key: key, "appears twice; keep one of them")
            }
            entries.append(Entry(key: key, line: keyLine, value: value))
        }
        self.file = file
        self.entries = entries
        self.line = line
        self.lineOffset = lineOffset
    }

    func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// Fails on the first key not in `allowed`, naming the keys that are.
    /// A long list of keys (a string catalog's thirty) is not read in a one-line message: the
    /// nearest one is named instead, or the first few.
    func rejectUnknownKeys(allowed: [String], prefix: String = "") throws {
        for entry in entries where !allowed.contains(entry.key) {
            let hint: String
            if allowed.count <= 12 {
                hint = "allowed here: " + allowed.map { prefix + $0 }.joined(separator: ", ")
            } else if let near = NearestName.suggestion(for: entry.key, among: allowed) {
                hint = "did you mean `\(prefix + near)`?"
            } else {
                hint = "allowed here: " + allowed.prefix(6).map { prefix + $0 }.joined(separator: ", ") + " and \(allowed.count - 6) more"
            }
            throw HandoutError(file: file, line: entry.line, key: prefix + entry.key, "is not a known key; \(hint)")
        }
    }

    /// Longest text value: a disclaimer or a summary is a paragraph, well under this.
    static let maximumCharacters = 5_000
    /// Longest title or name, which heads pages and fills bookmarks and file metadata.
    static let maximumTitleCharacters = 200

    /// A text value; nil when absent. A list or mapping where text belongs is an error, and so
    /// is text longer than `maximum` characters, which would be shaped again on every page.
    ///
    /// Given a `language`, the value may also be a map from language tags to texts (`title: {en:
    /// …, es: …}`): the text for that language is taken, else the English one, else the first.
    func string(_ key: String, prefix: String = "", language: String? = nil, maximum: Int = maximumCharacters) throws -> String? {
        guard let entry = entry(key) else { return nil }
        if let language, entry.value.mapping != nil, let byLanguage = try mapping(key, prefix: prefix) {
            for other in byLanguage.entries where !Languages.isTag(other.key) {
                throw HandoutError(file: file, line: other.line, key: prefix + key + "." + other.key,
                                   "is not a language tag; give the text per language, e.g. `\(key): {en: …, es: …}`")
            }
            let chosen = byLanguage.entries.first { $0.key == language } ?? byLanguage.entries.first { Languages.same($0.key, language) }
                ?? byLanguage.entries.first { $0.key == "en" } ?? byLanguage.entries.first
            guard let chosen else { return nil }
            return try byLanguage.string(chosen.key, prefix: prefix + key + ".", maximum: maximum)
        }
        guard let scalar = entry.value.scalar else {
            throw HandoutError(file: file, line: entry.line, key: prefix + key, "must be text, not a list or a group of keys")
        }
        let count = scalar.string.count
        guard count <= maximum else {
            throw HandoutError(file: file, line: entry.line, key: prefix + key,
                               "is \(count.withThousands) characters long, more than the \(maximum.withThousands) it may have; shorten it")
        }
        return scalar.string
    }

    /// A text value that must be present and not blank.
    func requiredString(_ key: String, example: String, prefix: String = "", language: String? = nil, maximum: Int = maximumCharacters) throws -> String {
        guard let value = try string(key, prefix: prefix, language: language, maximum: maximum) else {
            throw HandoutError(file: file, line: line, key: prefix + key, "is missing; add a line such as `\(key): \(example)`")
        }
        guard !value.allSatisfy(\.isWhitespace) else {
            throw HandoutError(file: file, line: entry(key)?.line, key: prefix + key, "is empty; write a value such as `\(key): \(example)`")
        }
        return value
    }

    /// A nested mapping; nil when absent.
    func mapping(_ key: String, prefix: String = "") throws -> YAMLMapping? {
        guard let entry = entry(key) else { return nil }
        return try YAMLMapping(node: entry.value, file: file, lineOffset: lineOffset, what: "'\(prefix + key)'")
    }

    /// A list's items with their lines; nil when absent. Anything but a list is an error.
    func sequence(_ key: String, prefix: String = "") throws -> [(node: Node, line: Int)]? {
        guard let entry = entry(key) else { return nil }
        guard let items = entry.value.sequence else {
            throw HandoutError(file: file, line: entry.line, key: prefix + key, "must be a list, e.g. `\(key): [a, b]` or lines starting with `- `")
        }
        return items.map { ($0, ($0.mark?.line ?? entry.line) + lineOffset) }
    }

    private static func describe(_ error: YamlError, file: String, lineOffset: Int) -> HandoutError {
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
            // Unclosed brackets and quotes are only noticed at the end of the text: point at where they opened.
            let atEnd = mark.line > yaml.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let line = (atEnd ? context?.mark.line : nil) ?? mark.line
            if problem.hasPrefix("Maximum nesting level") {
                // libyaml's own words name a C function; say what it means and what to do.
                return HandoutError(file: file, line: mark.line + lineOffset, "the YAML nests deeper than libyaml reads (brackets or indentation inside one another); flatten it")
            }
            let what = context.map { " (\($0.text))" } ?? ""
            return HandoutError(file: file, line: line + lineOffset, "YAML syntax error: \(problem)\(what); check the brackets, quotes and indentation on this line")
        case let .duplicatedKeysInMapping(duplicates, context):
            return HandoutError(file: file, line: context.mark.line + lineOffset, key: duplicates.first, "appears twice; keep one of them")
        default:
            return HandoutError(file: file, "cannot read the YAML: \(error)")
        }
    }
}
