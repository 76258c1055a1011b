import Foundation
import HandoutBindings

/// `handout check`: scores each handout and part intro of a project, and finds what to fix
/// before printing. One instance per run, on one thread (it keeps a syllable counter per language).
public final class ReadabilityChecker {
    public let library: ContentLibrary
    /// Where the hyphenation patterns are (tests point it elsewhere to take a language away).
    private let patternFolder: URL
    private var counters: [String: SyllableCounter] = [:]
    private var terms: ExplainedTerms?

    public init(library: ContentLibrary, patternFolder: URL? = nil) {
        self.library = library
        self.patternFolder = patternFolder ?? SyllableCounter.defaultFolder
    }

    /// Checks `slugs` (every handout and part intro when empty) in `language` (each file's own
    /// when nil), handing each result or error to `report` in order, and returns how many were
    /// checked. An unknown slug is an error; with no slugs and a language, the files without a
    /// version in it are passed over.
    public func run(slugs: [String], language: String?, today: CalendarDate,
                    report: (Result<FileCheck, Error>) -> Void) throws -> Int {
        let clinic = try library.clinic()
        var checked = 0
        let everything = slugs.isEmpty
        // Without --language, each handout in every language it is written in (SLUG.md, SLUG.es.md).
        let chosen = everything ? try library.slugs() : slugs
        var languagesSeen: [String] = []
        for slug in chosen {
            do {
                _ = try existingHandout(slug)
                var ignored: [Warning] = []
                let languages = try language.map { [$0] } ?? library.languages(of: slug, warnings: &ignored)
                for wanted in languages {
                    if !languagesSeen.contains(wanted) { languagesSeen.append(wanted) }
                    let file = library.procedureFile(slug, language: wanted)
                    guard let check = try checkHandout(file, slug: slug, language: wanted, explicit: !everything, clinic: clinic, today: today) else { continue }
                    report(.success(check))
                    checked += 1
                }
            } catch {
                report(.failure(error))
            }
        }
        if everything, library.hasBooklet {
            for wanted in language.map({ [$0] }) ?? (languagesSeen.isEmpty ? ["en"] : languagesSeen) {
                var warnings: [Warning] = []
                do {
                    for part in try library.booklet(language: wanted, warnings: &warnings).parts {
                        guard let intro = part.introFile else { continue }
                        // An intro without a version in the language is the English one, checked as such.
                        let translated = intro.deletingPathExtension().pathExtension == wanted
                        guard translated || Languages.primary(wanted) == "en" else { continue }
                        do {
                            report(.success(try checkIntro(intro, language: wanted, clinic: clinic)))
                            checked += 1
                        } catch {
                            report(.failure(error))
                        }
                    }
                } catch {
                    report(.failure(error))
                }
            }
        }
        if checked == 0, let language, everything {
            throw HandoutError(file: DisplayPath.of(library.workspace.proceduresFolder),
                               "no handout is in '\(language)'; add translations as SLUG.\(language).md beside SLUG.md, or leave out --language")
        }
        return checked
    }

    private func existingHandout(_ slug: String) throws -> URL {
        // The library's own checks and messages for a slug that is unsafe or names no file.
        var warnings: [Warning] = []
        guard ContentLibrary.isSlug(slug), FileManager.default.fileExists(atPath: library.workspace.procedureFile(slug).path) else {
            _ = try library.procedure(slug, warnings: &warnings)
            return library.workspace.procedureFile(slug)
        }
        return library.workspace.procedureFile(slug)
    }

    private func checkHandout(_ url: URL, slug: String, language: String?, explicit: Bool,
                              clinic: Clinic, today: CalendarDate) throws -> FileCheck? {
        var warnings: [Warning] = []
        let procedure = try ProcedureLoader(contentDirectory: library.workspace.content).load(url, warnings: &warnings)
        if let language, procedure.language.lowercased() != language.lowercased() {
            guard explicit else { return nil }
            let wanted = url.deletingPathExtension().appendingPathExtension(language).appendingPathExtension("md")
            throw HandoutError(file: DisplayPath.of(wanted),
                               "there is no '\(language)' version of \(slug) (\(procedure.file) is in '\(procedure.language)'); translate it into this file, or leave out --language")
        }
        let text = try SourceText.read(url, what: "this handout")
        let parts = try FrontMatter(splitting: text, file: procedure.file)
        let blocks = try parse(parts.body, file: procedure.file, lineOffset: parts.bodyLineOffset)
        var check = try measure(blocks, lineOffset: parts.bodyLineOffset, language: procedure.language, clinic: clinic,
                                kind: .handout, name: slug, file: procedure.file,
                                review: ReviewStatus(updated: procedure.updated, months: clinic.reviewMonths, today: today))
        check.title = procedure.title
        check.fields = Self.firstUses(procedure.fieldReferences)
        return check
    }

    private func checkIntro(_ url: URL, language: String, clinic: Clinic) throws -> FileCheck {
        let file = DisplayPath.of(url)
        var text = try SourceText.read(url, what: "this part intro")
        var offset = 0
        // Front matter (a translated intro's title and language) is not text to score.
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") {
            let parts = try FrontMatter(splitting: text, file: file)
            (text, offset) = (parts.body, parts.bodyLineOffset)
        }
        let blocks = try parse(text, file: file, lineOffset: offset)
        let name = "parts/" + url.deletingPathExtension().lastPathComponent
        var check = try measure(blocks, lineOffset: offset, language: language, clinic: clinic,
                                kind: .partIntro, name: name, file: file, review: ReviewStatus(notTracked: ()))
        check.fields = Self.firstUses(FieldReference.scan(text))
        return check
    }

    private func parse(_ body: String, file: String, lineOffset: Int) throws -> [MarkdownBlock] {
        do {
            return try MarkdownParser.parse(body, limits: BlockConverter.limits)
        } catch {
            throw HandoutError(file: file, line: error.line + lineOffset, BlockConverter.message(error))
        }
    }

    /// Counts and scores the readable text of `blocks`.
    private func measure(_ blocks: [MarkdownBlock], lineOffset: Int, language: String, clinic: Clinic,
                         kind: FileCheck.Kind, name: String, file: String, review: ReviewStatus) throws -> FileCheck {
        let counter = try syllableCounter(language)
        let explained = try explainedTerms()
        let values = clinic.fieldValues
        // A clinic field reads as its value; a patient's field as one short word for it
        // ("{{procedure_date}}" as "date"), a name or date being read at a glance.
        let readable = ReadableText(blocks: blocks, lineOffset: lineOffset) { field in
            if field.hasPrefix("clinic.") { return values[String(field.dropFirst(7))] ?? "" }
            return field.split(separator: "_").last.map(String.init) ?? field
        }
        var words = 0, syllables = 0, polysyllables = 0, sentences = 0
        var long: [FileCheck.LongSentence] = []
        var hard: [FileCheck.HardWord] = [], hardIndex: [String: Int] = [:]
        for passage in readable.passages {
            for sentence in TextCounts.sentences(in: passage.text) {
                if sentence.counts { sentences += 1 }
                if sentence.words > FileCheck.longSentenceWords {
                    long.append(FileCheck.LongSentence(line: passage.line(atScalar: sentence.start), words: sentence.words))
                }
            }
            for (line, text) in passage.lines {
                for word in TextCounts.words(in: text) {
                    let count = counter.syllables(in: word)
                    words += 1
                    syllables += count
                    guard count >= 3 else { continue }
                    polysyllables += 1
                    let key = word.lowercased()
                    guard !explained.contains(key, language: language) else { continue }
                    if let index = hardIndex[key] {
                        hard[index].count += 1
                    } else {
                        hardIndex[key] = hard.count
                        hard.append(FileCheck.HardWord(word: key, syllables: count, count: 1, line: line))
                    }
                }
            }
        }
        var check = FileCheck(
            kind: kind, name: name, file: file, title: nil, language: language,
            scores: ReadabilityScores(words: words, sentences: sentences, syllables: syllables, polysyllables: polysyllables),
            review: review, text: readable.text)
        check.longSentences = long
        check.hardWords = hard
        check.placeholders = readable.placeholders.map { FileCheck.Placeholder(line: $0.line, caption: $0.caption) }
        check.links = readable.links.map { FileCheck.Reference(name: $0.url, line: $0.line) }
        return check
    }

    private func syllableCounter(_ language: String) throws -> SyllableCounter {
        let key = language.lowercased()
        if let counter = counters[key] { return counter }
        let counter = try SyllableCounter(language: language, folder: patternFolder)
        counters[key] = counter
        return counter
    }

    private func explainedTerms() throws -> ExplainedTerms {
        if let terms { return terms }
        let loaded = try ExplainedTerms.load(from: library.workspace.content.appendingPathComponent("terms.yaml"))
        terms = loaded
        return loaded
    }

    /// Each field once, at its first line.
    private static func firstUses(_ references: [FieldReference]) -> [FileCheck.Reference] {
        var seen = Set<String>()
        return references.filter { seen.insert($0.name).inserted }.map { FileCheck.Reference(name: $0.name, line: $0.line) }
    }
}
