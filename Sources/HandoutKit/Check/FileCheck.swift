/// What `handout check` finds in one file: how hard it reads, and what to fix before printing.
public struct FileCheck: Sendable {
    /// A handout, or a booklet part's intro page.
    public enum Kind: String, Sendable, Encodable {
        case handout
        case partIntro = "part intro"
    }

    /// A sentence of more than `longSentenceWords` words.
    public struct LongSentence: Sendable, Encodable {
        public var line: Int
        public var words: Int
    }

    /// A word of three or more syllables that `terms.yaml` does not list as explained.
    public struct HardWord: Sendable, Encodable {
        public var word: String
        public var syllables: Int
        public var count: Int
        /// Where it first appears.
        public var line: Int
    }

    /// An illustration placeholder (`![caption]()`) left in.
    public struct Placeholder: Sendable, Encodable {
        public var line: Int
        public var caption: String
    }

    /// A `{{field}}` the text uses, or a link, with the line it first appears on.
    public struct Reference: Sendable, Encodable {
        public var name: String
        public var line: Int
    }

    /// A sentence longer than this is listed: plain-language guides for patients advise 15–20.
    public static let longSentenceWords = 20

    public var kind: Kind
    /// The slug, or `parts/NAME` for an intro.
    public var name: String
    public var file: String
    public var title: String?
    public var language: String
    public var scores: ReadabilityScores
    public var longSentences: [LongSentence] = []
    public var hardWords: [HardWord] = []
    public var placeholders: [Placeholder] = []
    public var fields: [Reference] = []
    public var links: [Reference] = []
    public var review: ReviewStatus
    /// The text that was scored: one paragraph or list item a line, each ending a sentence.
    public var text: String

    /// Whether the formulas of `language` are English's (Flesch-Kincaid, Flesch, SMOG).
    public var isEnglish: Bool { Languages.primary(language) == "en" }
    /// Whether the formulas of `language` are Spanish's (Fernández-Huerta, Szigriszt-Pazos).
    public var isSpanish: Bool { Languages.primary(language) == "es" }

    /// The school grade `--max-grade` is held to: Flesch-Kincaid for English, Fernández-Huerta's
    /// table for Spanish; nil in a language with neither.
    public var grade: Double? {
        if isEnglish { return scores.fleschKincaidGrade }
        if isSpanish { return ReadabilityScores.grade(fernandezHuerta: scores.fernandezHuerta) }
        return nil
    }

    /// The reading-ease figure of the language (Flesch or Fernández-Huerta), 0–100.
    public var ease: Double? {
        if isEnglish { return scores.fleschReadingEase }
        if isSpanish { return scores.fernandezHuerta }
        return nil
    }

    /// Over the grade a clinic allows.
    public func isOver(maxGrade: Double?) -> Bool {
        guard let maxGrade, let grade else { return false }
        return grade > maxGrade
    }
}
