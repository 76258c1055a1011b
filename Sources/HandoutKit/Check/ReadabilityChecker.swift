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
        // A variant file (`x.es.md`) is a version of `x`, not a handout of its own, once a language is asked for.
        let chosen = everything ? try library.slugs().filter { language == nil || !Self.isVariant($0) } : slugs
        for slug in chosen {
            do {
                let base = try existingHandout(slug)
                let file = LanguageVariant.file(base, language: language)
                guard let check = try checkHandout(file, slug: slug, language: language, explicit: !everything, clinic: clinic, today: today) else { continue }
                report(.success(check))
                checked += 1
            } catch {
                report(.failure(error))
            }
        }
        if everything, library.hasBooklet {
            var warnings: [Warning] = []
            do {
                for part in try library.booklet(warnings: &warnings).parts {
                    guard let intro = part.introFile else { continue }
                    let file = LanguageVariant.file(intro, language: language)
                    // An intro has no front matter: untranslated, it is in the booklet's language, English.
                    guard language == nil || file != intro || FileCheck.primary(language ?? "") == "en" else { continue }
                    do {
                        report(.success(try checkIntro(file, language: language ?? "en", clinic: clinic)))
                        checked += 1
                    } catch {
                        report(.failure(error))
                    }
                }
            } catch {
                report(.failure(error))
            }
        }
        if checked == 0, let language, everything {
            throw HandoutError(file: DisplayPath.of(library.workspace.proceduresFolder),
                               "no handout is in '\(language)'; add translations as SLUG.\(language).md beside SLUG.md, or leave out --language")
        }
        return checked
    }

    /// `x.es` stands for `procedures/x.es.md`, the Spanish version of `x`.
    static func isVariant(_ slug: String) -> Bool {
        guard let dot = slug.lastIndex(of: ".") else { return false }
        return slug[slug.index(after: dot)...].wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) != nil
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
        let text = try SourceText.read(url, what: "this part intro")
        let blocks = try parse(text, file: file, lineOffset: 0)
        let name = "parts/" + url.deletingPathExtension().lastPathComponent
        var check = try measure(blocks, lineOffset: 0, language: language, clinic: clinic,
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
