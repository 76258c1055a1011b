import CHyphen
import Glibc

/// A libhyphen pattern dictionary (`hyph_*.dic`), owned: loaded in `init`, freed in `deinit`.
///
/// Used to count syllables the way textstat does through pyphen: a word has one syllable more
/// than it has hyphenation points at least two letters from either end. Not shared between
/// threads: libhyphen's dictionary is read-only once loaded, but nothing here needs it to be.
public final class HyphenationPatterns {
    /// pyphen's defaults (`left=2, right=2`), which textstat keeps; a dictionary's own
    /// LEFTHYPHENMIN/RIGHTHYPHENMIN (3 on the right for en_US) are typesetting choices, not syllables.
    public static let edgeLetters = 2

    private let dictionary: UnsafeMutablePointer<HyphenDict>
    /// The file it was read from.
    public let path: String

    /// Loads `path`; nil when libhyphen cannot read it, or its patterns are not in UTF-8 (words
    /// are passed as UTF-8, and the points read back one per character).
    public init?(path: String) {
        guard let loaded = hnj_hyphen_load(path) else { return nil }
        guard loaded.pointee.utf8 != 0 else {
            hnj_hyphen_free(loaded)
            return nil
        }
        dictionary = loaded
        self.path = path
        // libhyphen drops points nearer the ends than the dictionary's minimums inside the call;
        // set them to 1 (the points are filtered below, as pyphen filters them).
        var level: UnsafeMutablePointer<HyphenDict>? = loaded
        while let current = level {
            current.pointee.lhmin = 1
            current.pointee.rhmin = 1
            current.pointee.clhmin = 1
            current.pointee.crhmin = 1
            level = current.pointee.nextlevel
        }
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// Where `word` (lowercase letters, no punctuation) may break, as counts of characters
    /// (Unicode scalars, as pyphen counts) before each break, e.g. [2, 5] for "injection".
    public func breakPoints(in word: String) -> [Int] {
        let bytes = Array(word.utf8)
        // libhyphen's words are short by design; a longer "word" (a URL without its punctuation)
        // is left unbroken rather than risk its fixed buffers.
        guard !bytes.isEmpty, bytes.count < 200 else { return [] }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var positions: UnsafeMutablePointer<Int32>? = nil
        var cuts: UnsafeMutablePointer<Int32>? = nil
        let status = bytes.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { characters in
                hnj_hyphen_hyphenate2(dictionary, characters.baseAddress, Int32(bytes.count), &hyphens, nil,
                                      &replacements, &positions, &cuts)
            }
        }
        // Non-standard hyphenation (Schiffahrt → Schiff-fahrt) hands back arrays to free.
        if let replacements {
            for index in 0..<bytes.count { free(replacements[index]) }
            free(replacements)
        }
        free(positions)
        free(cuts)
        guard status == 0 else { return [] }
        // A UTF-8 dictionary hands the points back one per character, not per byte.
        let count = word.unicodeScalars.count
        return (Self.edgeLetters...max(Self.edgeLetters, count - Self.edgeLetters)).filter { characters in
            characters <= count - Self.edgeLetters && hyphens[characters - 1] & 1 == 1
        }
    }

    /// Syllables in `word` as pyphen counts them: break points plus one.
    public func syllables(in word: String) -> Int { breakPoints(in: word).count + 1 }
}
