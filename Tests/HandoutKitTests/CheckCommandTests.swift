import Foundation
import HandoutBindings
import Testing
@testable import HandoutKit

/// `handout check`: scores, review dates (with a fixed today), exit status, JSON, explained
/// terms, and one-line errors; syllables straight from libhyphen.
@Suite struct CheckCommandTests {
    /// 2026-06-01, as SOURCE_DATE_EPOCH: "today" for every run here.
    static let today = ["SOURCE_DATE_EPOCH": "1780315200"]

    static let clinic = """
        name: Test Clinic
        phone: (555) 010-0000
        website: https://clinic.example
        address: 1 Main Street
        disclaimer: General information only.

        """

    static let easy = "We will see you soon. Come in at the front door. Bring a list of your pills. Call {{clinic.phone}} if you are sick. "
    static let hard = "Comprehensive interventional radiological evaluation necessitates meticulous consideration of contraindications, particularly anticoagulation therapy, concomitant medications, and hypersensitivity reactions. "

    /// A content folder with `clinic.yaml` (plus `clinicExtra` lines) and the given handouts.
    func project(_ handouts: [String: String], clinicExtra: String = "", terms: String? = nil) throws -> URL {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("procedures"), withIntermediateDirectories: true)
        try Data((Self.clinic + clinicExtra).utf8).write(to: content.appendingPathComponent("clinic.yaml"))
        for (name, text) in handouts {
            try Data(text.utf8).write(to: content.appendingPathComponent("procedures/\(name).md"))
        }
        if let terms { try Data(terms.utf8).write(to: content.appendingPathComponent("terms.yaml")) }
        return content
    }

    func handout(title: String = "A", updated: String? = "2026-01-15", language: String? = nil, _ body: String) -> String {
        var front = "---\ntitle: \(title)\n"
        if let updated { front += "updated: \(updated)\n" }
        if let language { front += "language: \(language)\n" }
        return front + "---\n" + body
    }

    func check(_ content: URL, _ extra: [String] = []) throws -> TestSupport.Result {
        try TestSupport.handout(["check", "--content", content.path] + extra, environment: Self.today)
    }

    /// The JSON objects printed, by name.
    func json(_ result: TestSupport.Result) throws -> [String: [String: Any]] {
        var objects: [String: [String: Any]] = [:]
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            // A handout checked in two languages is "a", then "a (es)", as the table shows it.
            let name = try #require(object["name"] as? String)
            objects[objects[name] == nil ? name : "\(name) (\(object["language"] as? String ?? "?"))"] = object
        }
        return objects
    }

    /// A JSON list of objects as "A B" strings of two of their keys.
    func pairs(_ list: Any?, _ first: String, _ second: String) -> [String] {
        ((list as? [[String: Any]]) ?? []).map { "\($0[first] ?? "?") \($0[second] ?? "?")" }
    }

    @Test func tableForAClinicManager() throws {
        let content = try project([
            "easy": handout(String(repeating: Self.easy, count: 3)),
            "hard": handout(String(repeating: Self.hard, count: 3)),
        ])
        let result = try check(content)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("FILE") == true)
        #expect(lines.first?.contains("GRADE") == true && lines.first?.contains("REVIEW") == true)
        let easy = try #require(lines.first { $0.hasPrefix("easy ") })
        let hard = try #require(lines.first { $0.hasPrefix("hard ") })
        // Columns line up: the grade starts at the same place on each row.
        let column = try #require(lines[0].range(of: "GRADE")).lowerBound.utf16Offset(in: lines[0])
        #expect(easy.dropFirst(column).first?.isNumber == true || easy.dropFirst(column).first == "-")
        #expect(hard.dropFirst(column).first?.isNumber == true)
        #expect(easy.contains("due 2028-01-15"))
        #expect(lines.last == "2 files checked: 0 overdue for review")
        #expect(result.stdout.contains("long words not in terms.yaml: comprehensive"))
    }

    @Test func gradesOrderTheTexts() throws {
        let content = try project(["easy": handout(Self.easy), "hard": handout(Self.hard + Self.hard)])
        let objects = try json(try check(content, ["--json"]))
        let easy = try #require(objects["easy"]?["flesch_kincaid_grade"] as? Double)
        let hard = try #require(objects["hard"]?["flesch_kincaid_grade"] as? Double)
        #expect(easy < 3)
        #expect(hard > 16)
        #expect((objects["easy"]?["flesch_reading_ease"] as? Double ?? 0) > 90)
    }

    @Test func maxGradeFailsTheRun() throws {
        let content = try project(["easy": handout(Self.easy), "hard": handout(Self.hard)])
        let failing = try check(content, ["--max-grade", "8"])
        #expect(failing.status == 1)
        #expect(failing.stdout.split(separator: "\n").contains { $0.hasPrefix("hard ") && $0.contains("TOO HIGH") })
        #expect(!failing.stdout.split(separator: "\n").contains { $0.hasPrefix("easy ") && $0.contains("TOO HIGH") })
        #expect(failing.stdout.contains("1 over grade 8"))
        let objects = try json(try check(content, ["--max-grade", "8", "--json"]))
        #expect(objects["hard"]?["over_max_grade"] as? Bool == true)
        #expect(objects["easy"]?["over_max_grade"] as? Bool == false)
        #expect(try check(content, ["easy", "--max-grade", "8"]).status == 0)
        #expect(try check(content, ["--max-grade", "40"]).status == 0)
        #expect(try check(content, ["--max-grade", "eight"]).status == 64)
    }

    @Test func overdueAndNeverReviewed() throws {
        let content = try project([
            "old": handout(updated: "2025-03-01", Self.easy),
            "fresh": handout(updated: "2026-05-01", Self.easy),
            "undated": handout(updated: nil, Self.easy),
        ], clinicExtra: "review_months: 12\n")
        let result = try check(content)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("old ") && $0.hasSuffix("OVERDUE since 2026-03-01") })
        #expect(lines.contains { $0.hasPrefix("fresh ") && $0.hasSuffix("due 2027-05-01") })
        #expect(lines.contains { $0.hasPrefix("undated ") && $0.hasSuffix("never reviewed") })
        #expect(lines.last == "3 files checked: 1 overdue for review, 1 never reviewed; fix these before printing")
        let objects = try json(try check(content, ["--json"]))
        #expect(objects["old"]?["review"] as? [String: String] == ["status": "overdue", "updated": "2025-03-01", "due": "2026-03-01"])
        #expect(objects["undated"]?["review"] as? [String: String] == ["status": "never reviewed"])
        // Never reviewed is reported, but does not stop printing by itself.
        #expect(try check(content, ["undated", "fresh"]).status == 0)
        // The default interval is 24 months: the same handout is current without the key.
        let lenient = try project(["old": handout(updated: "2025-03-01", Self.easy)])
        #expect(try check(lenient).status == 0)
    }

    @Test func reviewMonthsIsChecked() throws {
        let content = try project(["a": handout(Self.easy)], clinicExtra: "review_months: soon\n")
        let result = try check(content)
        #expect(result.status == 1)
        #expect(result.stderr.contains("clinic.yaml:6: 'review_months': must be a whole number of months"), "\(result.stderr)")
    }

    @Test func jsonShape() throws {
        let body = """
            Read this first. Call {{clinic.phone}} and tell {{physician}} your name, {{patient_name}}.

            ![The needle goes in here]()

            - Stop eating at midnight
            - See [our page](https://clinic.example/help)

            \(String(repeating: "word ", count: 24))and this is one very long sentence.

            """
        let content = try project(["a": handout(body)])
        let result = try check(content, ["--json"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
        let object = try #require(try json(result)["a"])
        let keys = Set(object.keys)
        for key in ["file", "kind", "name", "title", "language", "words", "sentences", "syllables", "polysyllables", "grade",
                    "flesch_kincaid_grade", "flesch_reading_ease", "smog_index", "long_sentences", "hard_words",
                    "placeholders", "fields", "links", "review", "text", "over_max_grade"] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(!keys.contains("fernandez_huerta"))
        #expect(object["kind"] as? String == "handout")
        #expect(object["language"] as? String == "en")
        #expect((object["file"] as? String)?.hasSuffix("procedures/a.md") == true)
        #expect(pairs(object["placeholders"], "line", "caption") == ["7 The needle goes in here"])
        #expect((object["fields"] as? [[String: AnyHashable]])?.map { $0["name"] } == ["clinic.phone", "physician", "patient_name"])
        #expect(pairs(object["links"], "line", "name") == ["10 https://clinic.example/help"])
        #expect(pairs(object["long_sentences"], "line", "words") == ["12 31"])
        // Each list item ends a sentence; the caption is not scored; a clinic field reads as its value.
        let text = try #require(object["text"] as? String)
        #expect(text.contains("Stop eating at midnight.\nSee our page."))
        #expect(!text.contains("needle"))
        #expect(text.contains("Call (555) 010-0000 and tell physician your name, name."))
    }

    @Test func explainedTermsAreNotHardWords() throws {
        let body = "The radiologist will see you. An interventional radiologist helps your family. The radiologists are kind.\n"
        let without = try json(try check(try project(["a": handout(body)]), ["--json"]))["a"]
        let words = (without?["hard_words"] as? [[String: Any]])?.compactMap { $0["word"] as? String }
        #expect(words == ["radiologist", "interventional", "family", "radiologists"])
        let terms = "en:\n  - radiologist\n  - Interventional\nes:\n  - radiólogo\n"
        let with = try json(try check(try project(["a": handout(body)], terms: terms), ["--json"]))["a"]
        let remaining = (with?["hard_words"] as? [[String: Any]])?.compactMap { $0["word"] as? String }
        #expect(remaining == ["family"])
        // The grade is the same: explained words are still long words to read.
        #expect(with?["flesch_kincaid_grade"] as? Double == without?["flesch_kincaid_grade"] as? Double)

        let broken = try check(try project(["a": handout(body)], terms: "en:\n  - spinal cord\n"), [])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("terms.yaml:2: 'en': each term is one word"), "\(broken.stderr)")
    }

    @Test func unknownSlugAndLanguages() throws {
        let content = try project([
            "a": handout(Self.easy),
            "zulu": handout(language: "zu", Self.easy),
        ])
        let unknown = try check(content, ["nope"])
        #expect(unknown.status == 1)
        let line = try #require(unknown.stderr.split(separator: "\n").first)
        #expect(line.hasPrefix("error: ") && line.contains("procedures/nope.md") && line.contains("no handout 'nope'") && line.contains("known handouts: a, zulu"), "\(unknown.stderr)")

        let zulu = try check(content, ["zulu"])
        #expect(zulu.status == 1)
        #expect(zulu.stderr.contains("no hyphenation patterns for language 'zu'") && zulu.stderr.contains("apt-get install hyphen-zu"), "\(zulu.stderr)")
        #expect(zulu.stderr.split(separator: "\n").count == 1)

        let untranslated = try check(content, ["a", "--language", "es"])
        #expect(untranslated.status == 1)
        #expect(untranslated.stderr.contains("procedures/a.es.md: there is no 'es' version of a"), "\(untranslated.stderr)")

        // Everything else is still checked when one file fails.
        let all = try check(content)
        #expect(all.status == 1)
        #expect(all.stdout.split(separator: "\n").contains { $0.hasPrefix("a ") })
    }

    @Test func spanishVariant() throws {
        let spanish = "Le pondremos una inyección en la espalda. Venga con un familiar. Llame al {{clinic.phone}} si tiene fiebre.\n\n- No coma nada después de la medianoche\n"
        let content = try project([
            "a": handout(Self.easy),
            "a.es": handout(language: "es", spanish),
        ])
        let objects = try json(try check(content, ["a", "--language", "es", "--json"]))
        let object = try #require(objects["a"])
        #expect(object["language"] as? String == "es")
        #expect((object["file"] as? String)?.hasSuffix("procedures/a.es.md") == true)
        #expect(object["fernandez_huerta"] is Double && object["szigriszt_pazos"] is Double && object["inflesz"] is String)
        #expect(object["flesch_kincaid_grade"] == nil)
        #expect(object["sentences"] as? Int == 4)
        // Without --language, the handout in each language it is written in.
        let own = try json(try check(content, ["--json"]))
        #expect(own["a"]?["language"] as? String == "en")
        #expect(own["a (es)"]?["language"] as? String == "es")
        #expect((own["a (es)"]?["file"] as? String)?.hasSuffix("procedures/a.es.md") == true)
        // With --language es and no slugs, only the Spanish versions are checked.
        let table = try check(content, ["--language", "es"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("a (es)"))
        #expect(table.stdout.contains("1 file checked"))
    }

    @Test func defaultContentChecks() throws {
        let result = try TestSupport.handout(["check", "--content", TestSupport.packageRoot.appendingPathComponent("Content").path, "--json"],
                                             environment: Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try json(result)
        // Seven handouts and two part intros, each in English and in Spanish.
        #expect(objects.count == 18, "\(objects.keys.sorted())")
        #expect(objects["parts/back-pain"]?["kind"] as? String == "part intro")
        #expect((objects["parts/back-pain"]?["review"] as? [String: String])?["status"] == "not tracked")
        for (name, object) in objects {
            if object["language"] as? String == "es" {
                // Fernández-Huerta: 70 and up reads as "fairly easy" or easier.
                let ease = try #require(object["fernandez_huerta"] as? Double)
                #expect(ease >= 70, "\(name) reads at Fernández-Huerta \(ease)")
            } else {
                let grade = try #require(object["flesch_kincaid_grade"] as? Double)
                #expect(grade < 8, "\(name) reads at grade \(grade)")
            }
        }
    }

    @Test func syllablesFromLibhyphen() throws {
        let english = try #require(HyphenationPatterns(path: "/usr/share/hyphen/hyph_en_US.dic"))
        // The counts pyphen (textstat 0.7.3) gives these words.
        let expected = ["the": 1, "hello": 2, "injection": 3, "medication": 4, "radiofrequency": 4, "uncomfortable": 4, "discectomy": 4]
        for (word, count) in expected {
            #expect(english.syllables(in: word) == count, "\(word)")
        }
        #expect(english.breakPoints(in: "injection") == [2, 5])
        let spanish = try #require(HyphenationPatterns(path: "/usr/share/hyphen/hyph_es_ES.dic"))
        // Break points count characters, not bytes: "médico" is mé-di-co.
        #expect(spanish.breakPoints(in: "médico") == [2, 4])
        #expect(HyphenationPatterns(path: "/nonexistent/hyph_xx.dic") == nil)
        #expect(SyllableCounter.patternFile(for: "es-MX", in: SyllableCounter.defaultFolder)?.lastPathComponent == "hyph_es_MX.dic")
        #expect(SyllableCounter.patternFile(for: "es", in: SyllableCounter.defaultFolder)?.lastPathComponent == "hyph_es_ES.dic")
    }

    @Test func countsAsTextstatDoes() {
        // Two-word runs are not sentences; punctuation is deleted, so "follow-up" is one word.
        let sentences = TextCounts.sentences(in: "Call us. Do a follow-up visit soon! OK? Rest well tonight, please.")
        #expect(sentences.map(\.words) == [2, 5, 1, 4])
        #expect(sentences.filter(\.counts).count == 2)
        #expect(TextCounts.words(in: "A follow-up — at 7:30, (555) 010-4400.") == ["A", "followup", "at", "730", "555", "0104400"])
        #expect(ReadabilityScores.legacyRound(2.25, 1) == 2.3)
        #expect(ReadabilityScores.legacyRound(-2.25, 1) == -2.3)
        #expect(ReviewStatus.adding(months: 1, to: CalendarDate(year: 2026, month: 1, day: 31)!) == CalendarDate(year: 2026, month: 2, day: 28))
    }
}
