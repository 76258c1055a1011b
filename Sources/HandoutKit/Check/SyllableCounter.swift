import Foundation
import HandoutBindings

/// Syllables of words in one language, from libhyphen's patterns for it (the patterns pyphen,
/// and so textstat, uses), each word looked up once.
final class SyllableCounter {
    /// Where Debian's hyphen-* packages put their patterns.
    static let defaultFolder = URL(fileURLWithPath: "/usr/share/hyphen", isDirectory: true)

    private let patterns: HyphenationPatterns
    private var known: [String: Int] = [:]

    /// The counter for BCP 47 `language` (`en`, `es-MX`), or an error naming the package to install.
    init(language: String, folder: URL = defaultFolder) throws {
        guard let file = Self.patternFile(for: language, in: folder) else {
            let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
            throw HandoutError(
                file: DisplayPath.of(folder), key: "language",
                "no hyphenation patterns for language '\(language)', which syllables are counted with; install them (`apt-get install hyphen-\(primary)`) or correct the `language:` line of the handout")
        }
        guard let loaded = HyphenationPatterns(path: file.path) else {
            throw HandoutError(file: DisplayPath.of(file), "libhyphen cannot read these patterns (or they are not UTF-8); reinstall the hyphen package that holds them")
        }
        patterns = loaded
    }

    /// `hyph_es_MX.dic` for es-MX, else `hyph_es.dic`, else the language's usual region
    /// (en_US, es_ES: the patterns pyphen picks), else the first region there is.
    static func patternFile(for language: String, in folder: URL) -> URL? {
        let parts = language.split(separator: "-").map(String.init)
        guard let primary = parts.first?.lowercased() else { return nil }
        let region = parts.dropFirst().first { $0.count == 2 }?.uppercased()
        let usual = ["en": "US", "es": "ES", "de": "DE", "fr": "FR", "pt": "PT"][primary]
        var names = [region.map { "hyph_\(primary)_\($0).dic" }, "hyph_\(primary).dic", usual.map { "hyph_\(primary)_\($0).dic" }].compactMap { $0 }
        let present = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        names += present.filter { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }
        return names.first { present.contains($0) }.map { folder.appendingPathComponent($0) }
    }

    /// Syllables in a word textstat's way: lowercased, punctuation deleted, break points plus one.
    func syllables(in word: String) -> Int {
        let cleaned = TextCounts.removingPunctuation(word.lowercased())
        guard !cleaned.isEmpty else { return 0 }
        if let count = known[cleaned] { return count }
        let count = patterns.syllables(in: cleaned)
        known[cleaned] = count
        return count
    }
}
