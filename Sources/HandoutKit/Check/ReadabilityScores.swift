import Foundation

/// The readability formulas, computed as textstat 0.7.3 computes them: from words, sentences,
/// syllables and words of three or more syllables, with its rounding of the averages to one
/// decimal before they enter a formula (which moves a grade by up to half a point; it is kept
/// so that a clinic comparing with the reference tool sees the same figure).
public struct ReadabilityScores: Equatable, Sendable {
    public var words: Int
    /// Sentences as the formulas count them: at least 1, and none of two words or fewer.
    public var sentences: Int
    public var syllables: Int
    /// Words of three or more syllables, explained terms included.
    public var polysyllables: Int

    public init(words: Int, sentences: Int, syllables: Int, polysyllables: Int) {
        self.words = words
        self.sentences = max(1, sentences)
        self.syllables = syllables
        self.polysyllables = polysyllables
    }

    /// textstat's `_legacy_round`: half away from zero at `points` decimals.
    static func legacyRound(_ value: Double, _ points: Int) -> Double {
        let scale = pow(10, Double(points))
        return (value * scale + Double(signOf: value, magnitudeOf: 0.5)).rounded(.down) / scale
    }

    /// Words per sentence, rounded to 0.1 as textstat's `avg_sentence_length`.
    var averageSentenceLength: Double {
        words == 0 ? 0 : Self.legacyRound(Double(words) / Double(sentences), 1)
    }

    /// Syllables per word, rounded to 0.1 as textstat's `avg_syllables_per_word`.
    var averageSyllablesPerWord: Double {
        words == 0 ? 0 : Self.legacyRound(Double(syllables) / Double(words), 1)
    }

    /// Flesch-Kincaid grade level: the US school grade that can read the text.
    public var fleschKincaidGrade: Double {
        Self.legacyRound(0.39 * averageSentenceLength + 11.8 * averageSyllablesPerWord - 15.59, 1)
    }

    /// Flesch reading ease (English): 0 (very hard) to 100 (very easy); 60–70 is plain English.
    public var fleschReadingEase: Double {
        Self.legacyRound(206.835 - 1.015 * averageSentenceLength - 84.6 * averageSyllablesPerWord, 2)
    }

    /// SMOG grade: from words of three or more syllables, scaled to 30 sentences; textstat gives
    /// 0 below three sentences, where the formula means nothing.
    public var smogIndex: Double {
        guard sentences >= 3 else { return 0 }
        return Self.legacyRound(1.043 * (30 * (Double(polysyllables) / Double(sentences))).squareRoot() + 3.1291, 1)
    }

    /// Fernández-Huerta (Spanish): 0 (very hard) to 100 (very easy), Flesch's scale for Spanish.
    public var fernandezHuerta: Double {
        Self.legacyRound(206.84 - 60 * averageSyllablesPerWord - 1.02 * averageSentenceLength, 2)
    }

    /// Szigriszt-Pazos perspicuity (Spanish), read on the INFLESZ scale (`inflesz`).
    public var szigrisztPazos: Double {
        guard words > 0 else { return 0 }
        return Self.legacyRound(206.84 - 62.3 * (Double(syllables) / Double(words)) - Double(words) / Double(sentences), 2)
    }

    /// The INFLESZ band of a Szigriszt-Pazos score (Barrio-Cantalejo 2008), in words a reader knows.
    public static func inflesz(_ score: Double) -> String {
        switch score {
        case ..<40: "very hard"
        case ..<55: "somewhat hard"
        case ..<65: "normal"
        case ..<80: "fairly easy"
        default: "very easy"
        }
    }

    /// Flesch's bands of reading ease, which Fernández-Huerta shares.
    public static func easeBand(_ score: Double) -> String {
        switch score {
        case ..<30: "very hard"
        case ..<50: "hard"
        case ..<60: "fairly hard"
        case ..<70: "plain"
        case ..<80: "fairly easy"
        case ..<90: "easy"
        default: "very easy"
        }
    }

    /// The school grade Fernández-Huerta's table gives a Spanish score (90–100: 4th grade … 0–30:
    /// university graduate), so that `--max-grade` means the same in both languages.
    public static func grade(fernandezHuerta score: Double) -> Double {
        switch score {
        case 90...: 4
        case 80..<90: 5
        case 70..<80: 6
        case 60..<70: 8
        case 50..<60: 12
        case 30..<50: 14
        default: 17
        }
    }
}
