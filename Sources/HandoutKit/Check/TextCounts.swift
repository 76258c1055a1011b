/// Words and sentences counted as textstat 0.7.3 counts them, so a grade here is the grade the
/// reference tool gives the same text: punctuation is deleted (not turned into spaces, so
/// "follow-up" is one word), words are split at white space, and a sentence is a run up to
/// `.`, `!` or `?` that starts at a word boundary, ignored when it has two words or fewer.
enum TextCounts {
    /// Python's `\w` on a str: a letter, a number or `_`. Marks (a combining accent) are not.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// textstat's `remove_punctuation`: every character that is neither a word character nor space deleted.
    static func removingPunctuation(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { isWordCharacter($0) || $0.properties.isWhitespace })
        return String(kept)
    }

    /// textstat's lexicon: the words of `text` with punctuation deleted, in order.
    static func words(in text: String) -> [String] {
        removingPunctuation(text).split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }).map(String.init)
    }

    /// One sentence as textstat finds it: where it starts (in Unicode scalars) and its text.
    struct Sentence {
        var start: Int
        var text: String
        var words: Int
        /// textstat leaves sentences of one or two words out of the count ("Call us.", headings run on).
        var counts: Bool { words > 2 }
    }

    /// textstat's `re.findall(r'\b[^.!?]+[.!?]*', text)`, with each match's position.
    static func sentences(in text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        let stops: Set<Unicode.Scalar> = [".", "!", "?"]
        func isWord(_ index: Int) -> Bool { index >= 0 && index < scalars.count && isWordCharacter(scalars[index]) }
        var found: [Sentence] = []
        var index = 0
        while index < scalars.count {
            // A match starts at a word boundary, on a character that is not a stop.
            guard isWord(index - 1) != isWord(index), !stops.contains(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !stops.contains(scalars[end]) { end += 1 }
            while end < scalars.count, stops.contains(scalars[end]) { end += 1 }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[index..<end])
            let sentence = String(piece)
            found.append(Sentence(start: index, text: sentence, words: words(in: sentence).count))
            index = end
        }
        return found
    }
}
