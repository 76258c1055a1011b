/// One file's findings as `handout check --json` prints them (snake_case keys; a language's
/// own scores only: English has Flesch-Kincaid, Flesch and SMOG, Spanish Fernández-Huerta and
/// Szigriszt-Pazos).
struct CheckJSON: Encodable {
    struct Review: Encodable {
        var status: String
        var updated: String?
        var due: String?
    }

    var file: String
    var kind: String
    var name: String
    var title: String?
    var language: String
    var words: Int
    var sentences: Int
    var syllables: Int
    var polysyllables: Int
    var grade: Double?
    var max_grade: Double?
    var over_max_grade: Bool
    var flesch_kincaid_grade: Double?
    var flesch_reading_ease: Double?
    var smog_index: Double?
    var fernandez_huerta: Double?
    var szigriszt_pazos: Double?
    var inflesz: String?
    var long_sentences: [FileCheck.LongSentence]
    var hard_words: [FileCheck.HardWord]
    var placeholders: [FileCheck.Placeholder]
    var fields: [FileCheck.Reference]
    var links: [FileCheck.Reference]
    var review: Review
    var text: String

    init(_ check: FileCheck, maxGrade: Double?) {
        file = check.file
        kind = check.kind.rawValue
        name = check.name
        title = check.title
        language = check.language
        words = check.scores.words
        sentences = check.scores.sentences
        syllables = check.scores.syllables
        polysyllables = check.scores.polysyllables
        grade = check.grade
        max_grade = maxGrade
        over_max_grade = check.isOver(maxGrade: maxGrade)
        if check.isEnglish {
            flesch_kincaid_grade = check.scores.fleschKincaidGrade
            flesch_reading_ease = check.scores.fleschReadingEase
            smog_index = check.scores.smogIndex
        }
        if check.isSpanish {
            fernandez_huerta = check.scores.fernandezHuerta
            szigriszt_pazos = check.scores.szigrisztPazos
            inflesz = ReadabilityScores.inflesz(check.scores.szigrisztPazos)
        }
        long_sentences = check.longSentences
        hard_words = check.hardWords
        placeholders = check.placeholders
        fields = check.fields
        links = check.links
        review = Review(status: check.review.state.rawValue, updated: check.review.updated?.iso, due: check.review.due?.iso)
        text = check.text
    }
}
