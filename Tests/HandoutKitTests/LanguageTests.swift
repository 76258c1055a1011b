import Foundation
import Testing
@testable import HandoutKit

/// The Spanish edition and other languages: every word Handout prints from the language's
/// catalog, dates and times as the language writes them, language variants of handouts and
/// part intros, and what happens when a version is missing.
@Suite struct LanguageTests {
    /// English words Handout itself prints somewhere; none may be left in a Spanish document.
    static let englishLabels = [
        "Page ", "Reviewed", "Important", "PREPARED FOR", "Procedure date", "Arrival time", "Physician",
        "Instructions for you", "ILLUSTRATION", "Contents", "PART ", "Edition", "Questions?", "Phone ",
        "This handout gives general information", "Thursday", "December", "AM",
    ]

    static let patient = ["--field", "patient_name=Ana Ruiz", "--field", "procedure_date=2026-12-03", "--field", "arrival_time=7:30",
                          "--field", "physician=Dra. Lee", "--field", "notes=Traiga sus medicinas."]

    func project() throws -> URL {
        let project = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content"), to: project.appendingPathComponent("Content"))
        return project
    }

    /// The English labels in `text`: a one-word label as a whole word ("Important" is not in
    /// "Importante"), a phrase as it is written.
    /// A project with the default clinic and one handout, `slug`.md holding `text`; its Content
    /// folder and an output folder beside it.
    func oneHandout(_ slug: String, _ text: String) throws -> (project: URL, content: URL, out: URL) {
        let project = try TestSupport.temporaryFolder()
        let content = project.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("procedures"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content/clinic.yaml"), to: content.appendingPathComponent("clinic.yaml"))
        try Data(text.utf8).write(to: content.appendingPathComponent("procedures/\(slug).md"))
        return (project, content, project.appendingPathComponent("out"))
    }

    func englishLeft(in text: String) -> [String] {
        let words = Set(TestSupport.words(text).map { $0.trimmingCharacters(in: .punctuationCharacters) })
        return Self.englishLabels.filter { label in
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            return trimmed.contains(" ") || trimmed.hasSuffix("?") ? text.contains(label) : words.contains(trimmed)
        }
    }

    @Test func aSpanishHandoutPrintsNoEnglish() throws {
        let project = try project()
        let pdf = project.appendingPathComponent("es.pdf")
        let result = try TestSupport.handout(["render", "epidural-steroid-injection", "--language", "es", "--content", project.appendingPathComponent("Content").path, "--output", pdf.path] + Self.patient)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try TestSupport.text(pdf)
        #expect(englishLeft(in: text).isEmpty, "\(englishLeft(in: text))")
        for spanish in [
            "Inyección epidural de esteroides", "PREPARADO PARA", "Fecha del procedimiento", "jueves, 3 de diciembre de 2026",
            "Hora de llegada", "7:30 a. m.", "Médico", "Instrucciones para usted", "Importante", "Esta hoja solo le da información general",
            "Revisado en noviembre de 2026", "Página 1 de 3", "ILUSTRACIÓN",
        ] {
            #expect(text.contains(spanish), "missing: \(spanish)")
        }
        #expect(try TestSupport.catalog(pdf)["/Lang"] as? String == "u:es")
        #expect(try TestSupport.info(pdf)["Title"] == "Inyección epidural de esteroides")
    }

    @Test func theSpanishBookletTitlesItsPartsFromTheirIntrosAndPrintsNoEnglish() throws {
        let project = try project()
        let pdf = project.appendingPathComponent("folleto.pdf")
        let result = try TestSupport.handout(["booklet", "--language", "es", "--content", project.appendingPathComponent("Content").path, "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try TestSupport.text(pdf)
        #expect(englishLeft(in: text).isEmpty, "\(englishLeft(in: text))")
        for spanish in ["Procedimientos para aliviar el dolor", "Edición 2026-12", "Contenido", "PARTE 1", "Alivio del dolor de espalda y de los nervios",
                        "Cuidados paliativos", "¿Tiene preguntas? Estamos aquí para ayudarle.", "Teléfono (555) 010-4400"] {
            #expect(text.contains(spanish), "missing: \(spanish)")
        }
        // A part intro's front matter names the part; it is never printed as text.
        #expect(!text.contains("title:") && !text.contains("language: es"))
        #expect(try TestSupport.catalog(pdf)["/Lang"] as? String == "u:es")
    }

    /// A booklet of handouts in two languages: each handout's words in its own language, and
    /// its part of the structure tree tagged with its /Lang.
    @Test func aMixedBookletTagsEachHandoutWithItsLanguage() throws {
        let project = try project()
        let content = project.appendingPathComponent("Content")
        // A handout written only in Spanish, beside the English ones.
        let spanish = try String(contentsOf: content.appendingPathComponent("procedures/facet-joint-injection.es.md"), encoding: .utf8)
        try Data(spanish.utf8).write(to: content.appendingPathComponent("procedures/solo-espanol.md"))
        let pdf = project.appendingPathComponent("mixed.pdf")
        let result = try TestSupport.handout(["booklet", "--procedures", "epidural-steroid-injection,solo-espanol", "--content", content.path, "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try TestSupport.pageCount(pdf)
        let texts = try (1...pages).map { try TestSupport.text(pdf, page: $0) }
        let spanishPages = texts.filter { $0.contains("articulaciones facetarias") }
        #expect(!spanishPages.isEmpty)
        #expect(spanishPages.allSatisfy { !$0.contains("Important\n") && !$0.contains("Page ") })
        #expect(spanishPages.contains { $0.contains("Importante") })
        #expect(texts.contains { $0.contains("Important") && $0.contains("Epidural") })
        let json = try TestSupport.run("qpdf", ["--json=2", "--json-key=qpdf", pdf.path]).stdout
        #expect(json.contains("\"/Lang\": \"u:es\""))
        #expect(try TestSupport.catalog(pdf)["/Lang"] as? String == "u:en")
    }

    @Test func aMissingVersionIsAnErrorUnlessAFallbackIsAllowed() throws {
        let (_, content, out) = try oneHandout("only", "---\ntitle: Only English\n---\nHello.\n")

        let refused = try TestSupport.handout(["render", "only", "--language", "es", "--content", content.path, "--output", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("procedures/only.es.md: 'only' has no Spanish (es) version"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--fallback en"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("only.pdf").path))

        let fallback = try TestSupport.handout(["render", "only", "--language", "es", "--fallback", "en", "--content", content.path, "--output", out.path])
        #expect(fallback.status == 0, "\(fallback.stderr)")
        #expect(fallback.stderr.contains("the English (en) one is used (--fallback)"), "\(fallback.stderr)")
        #expect(try TestSupport.text(out.appendingPathComponent("only.pdf")).contains("Hello."))

        let badTag = try TestSupport.handout(["render", "only", "--language", "spanish!", "--content", content.path])
        #expect(badTag.status == 64)
        #expect(badTag.stderr.contains("is not a language tag"))
    }

    /// A clinic adds a language with one file next to its Content folder; a language without one
    /// prints English labels and says so.
    @Test func aClinicAddsALanguageWithOneFile() throws {
        let (project, content, out) = try oneHandout("bonjour", "---\ntitle: Bonjour\nlanguage: fr\n---\nBonjour.\n")

        let without = try TestSupport.handout(["render", "bonjour", "--content", content.path, "--output", out.path])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(without.stderr.contains("no French (fr) words for labels and page numbers"), "\(without.stderr)")
        #expect(without.stderr.contains("'disclaimer' has no French (fr) text"), "\(without.stderr)")

        var french = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Layouts/strings/en.yaml"), encoding: .utf8)
        french = french.replacingOccurrences(of: "locale: en_US", with: "locale: fr_FR")
            .replacingOccurrences(of: "page_of: \"Page {page} of {pages}\"", with: "page_of: \"Page {page} sur {pages}\"")
            .replacingOccurrences(of: "important: Important", with: "important: Attention")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Layouts/strings"), withIntermediateDirectories: true)
        try Data(french.utf8).write(to: project.appendingPathComponent("Layouts/strings/fr.yaml"))
        let with = try TestSupport.handout(["render", "bonjour", "--content", content.path, "--output", out.path])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(!with.stderr.contains("words for labels"), "\(with.stderr)")
        let text = try TestSupport.text(out.appendingPathComponent("bonjour.pdf"))
        #expect(text.contains("Page 1 sur 1") && text.contains("Attention"), "\(text)")

        // A catalog missing a key names it and the fix.
        try Data(french.replacingOccurrences(of: "important: Attention\n", with: "").utf8).write(to: project.appendingPathComponent("Layouts/strings/fr.yaml"))
        let broken = try TestSupport.handout(["render", "bonjour", "--content", content.path, "--output", out.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Layouts/strings/fr.yaml") && broken.stderr.contains("'important': is missing"), "\(broken.stderr)")

        // A mistyped key names the one it most likely meant, not all thirty.
        try Data(french.replacingOccurrences(of: "important: Attention", with: "importnat: Attention").utf8).write(to: project.appendingPathComponent("Layouts/strings/fr.yaml"))
        let typo = try TestSupport.handout(["render", "bonjour", "--content", content.path, "--output", out.path])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("'importnat': is not a known key; did you mean `important`?"), "\(typo.stderr)")
    }

    @Test func aBatchRowMayAskForItsLanguage() throws {
        let project = try project()
        let sheet = project.appendingPathComponent("rows.csv")
        try Data("patient_name,procedure,procedure_date,language\nAna Ruiz,epidural-steroid-injection,2026-12-03,es\nBo Lee,epidural-steroid-injection,2026-12-03,\n".utf8).write(to: sheet)
        let out = project.appendingPathComponent("batch")
        let result = try TestSupport.handout(["batch", sheet.path, "--content", project.appendingPathComponent("Content").path, "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let spanish = try TestSupport.text(out.appendingPathComponent("2-epidural-steroid-injection.pdf"))
        let english = try TestSupport.text(out.appendingPathComponent("3-epidural-steroid-injection.pdf"))
        #expect(spanish.contains("jueves, 3 de diciembre de 2026") && spanish.contains("Inyección epidural"))
        #expect(english.contains("Thursday, December 3, 2026") && english.contains("Epidural Steroid Injection"))
    }

    @Test func listShowsEachHandoutsLanguages() throws {
        let result = try TestSupport.handout(["list", "--content", TestSupport.packageRoot.appendingPathComponent("Content").path])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.last == "en,es" }, "\(rows)")
    }

    /// The shipped English catalog is the built-in one, word for word.
    @Test func theShippedEnglishCatalogIsTheBuiltInOne() throws {
        let shipped = try StringCatalog.load(from: TestSupport.packageRoot.appendingPathComponent("Layouts/strings/en.yaml"), language: "en")
        #expect(shipped == StringCatalog.english)
        let spanish = try StringCatalog.load(from: TestSupport.packageRoot.appendingPathComponent("Layouts/strings/es.yaml"), language: "es")
        for key in StringCatalog.Key.allCases {
            #expect(spanish.text(key) != StringCatalog.english.text(key) || key == .writeIn, "\(key) is not translated")
        }
    }

    /// Dates and times from the locale data, not a table of names.
    @Test func datesAndTimesAreWrittenAsEachLanguageWritesThem() throws {
        let day = try #require(CalendarDate(year: 2026, month: 12, day: 3))
        let time = try #require(ClockTime(hour: 19, minute: 5))
        #expect(DateWriter.english.withWeekday(day) == "Thursday, December 3, 2026")
        #expect(DateWriter.english.time(time) == "7:05 PM")
        #expect(DateWriter.english.monthAndYear(day) == "December 2026")
        let spanish = DateWriter(locale: "es")
        #expect(spanish.withWeekday(day) == "jueves, 3 de diciembre de 2026")
        #expect(spanish.time(time) == "7:05 p. m.")
        #expect(spanish.monthAndYear(day) == "diciembre de 2026")
        #expect(DateWriter(locale: "de_DE").withWeekday(day) == "Donnerstag, 3. Dezember 2026")
    }
}
