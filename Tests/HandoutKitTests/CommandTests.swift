import Foundation
import Testing

/// The `handout` command's contract: output files, printed lines, exit status, and one-line errors.
@Suite struct CommandTests {
    /// Files left in `folder` (including hidden temp files).
    func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Runs `render slug` on a content copy changed by `change`, expecting one clear error line.
    func expectError(
        slug: String = "kitchen-sink", layout: String? = nil, mentions: [String],
        change: (URL) throws -> Void
    ) throws {
        let content = try TestSupport.contentCopy()
        try change(content)
        let output = try TestSupport.temporaryFolder()
        var args = ["render", slug, "--content", content.path, "--output", output.path]
        if let layout { args += ["--layout", layout] }
        let result = try TestSupport.handout(args)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        let error = lines.first { $0.hasPrefix("error: ") && !$0.contains("handouts failed") }
        #expect(error != nil, "stderr: \(result.stderr)")
        for needle in mentions {
            #expect(error?.contains(needle) == true, "'\(needle)' not in: \(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal error"), "crashed: \(result.stderr)")
        #expect(files(in: output).isEmpty, "left files: \(files(in: output))")
    }

    func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    @Test func missingTitle() throws {
        try expectError(mentions: ["kitchen-sink.md:2", "'title'"]) {
            try write("---\nsummary: x\n---\nBody\n", to: $0.appendingPathComponent("procedures/kitchen-sink.md"))
        }
    }

    /// A damaged file can hold a "key" or a value thousands of characters long: the message
    /// quotes it cut short, so it stays one line a person can read.
    @Test func hugeKeysAndValuesAreCutShortInMessages() throws {
        let key = String(repeating: "disclaim", count: 100), date = "2026-" + String(repeating: "![p](x)", count: 500)
        for (front, mentions) in [("\(key): x", "is not a known key"), ("updated: '\(date)'", "is not a date")] {
            let content = try TestSupport.contentCopy()
            try write("---\ntitle: A\n\(front)\n---\nBody\n", to: content.appendingPathComponent("procedures/kitchen-sink.md"))
            let result = try TestSupport.handout(["render", "kitchen-sink", "--content", content.path, "--output", TestSupport.temporaryFolder().path])
            let line = try #require(result.stderr.split(separator: "\n").first { $0.contains(mentions) })
            #expect(line.count - content.path.count < 300, "\(line.count) characters")
            #expect(line.contains("…'"))
        }
    }

    @Test func brokenYAML() throws {
        try expectError(mentions: ["kitchen-sink.md:3", "YAML"]) {
            try write("---\ntitle: A\nsummary: [oops\n---\nBody\n", to: $0.appendingPathComponent("procedures/kitchen-sink.md"))
        }
    }

    @Test func unterminatedFrontMatter() throws {
        try expectError(mentions: ["kitchen-sink.md:1", "never closed"]) {
            try write("---\ntitle: A\nBody\n", to: $0.appendingPathComponent("procedures/kitchen-sink.md"))
        }
    }

    @Test func invalidUTF8() throws {
        try expectError(mentions: ["kitchen-sink.md:4", "UTF-8"]) {
            try Data("---\ntitle: A\n---\nCaf".utf8 + [0xE9, 0x0A]).write(to: $0.appendingPathComponent("procedures/kitchen-sink.md"))
        }
    }

    @Test func emptyFile() throws {
        try expectError(mentions: ["kitchen-sink.md", "empty"]) {
            try Data().write(to: $0.appendingPathComponent("procedures/kitchen-sink.md"))
        }
    }

    @Test func badClinic() throws {
        try expectError(mentions: ["clinic.yaml", "'phone'", "missing"]) {
            try write("name: X\nwebsite: w\naddress: a\ndisclaimer: d\n", to: $0.appendingPathComponent("clinic.yaml"))
        }
        try expectError(mentions: ["clinic.yaml:2", "YAML"]) {
            try write("name: X\n  phone: : :\n", to: $0.appendingPathComponent("clinic.yaml"))
        }
        try expectError(mentions: ["clinic.yaml", "missing"]) {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("clinic.yaml"))
        }
    }

    @Test func badLayout() throws {
        let folder = try TestSupport.temporaryFolder()
        let layout = folder.appendingPathComponent("mine.yaml")
        try write("page:\n  size: huge\n", to: layout)
        try expectError(layout: layout.path, mentions: ["mine.yaml:2", "page.size", "letter, a4, a5, legal, half-letter"]) { _ in }
        try write("fonts:\n  body: Comic Nonexistent Sans 11\n", to: layout)
        try expectError(layout: layout.path, mentions: ["mine.yaml:2", "fonts.body", "Comic Nonexistent Sans"]) { _ in }
        try expectError(layout: "no-such-layout", mentions: ["no-such-layout.yaml", "letter"]) { _ in }
    }

    @Test func unknownSlug() throws {
        try expectError(slug: "no-such-procedure", mentions: ["no-such-procedure.md", "kitchen-sink"]) { _ in }
        try expectError(slug: "../clinic", mentions: ["'../clinic' is not a handout name"]) { _ in }
    }

    @Test func hugeParagraphIsRefusedQuickly() throws {
        try expectError(mentions: ["kitchen-sink.md:4", "paragraph"]) {
            try write("---\ntitle: A\n---\n" + String(repeating: "word ", count: 420_000), to: $0.appendingPathComponent("procedures/kitchen-sink.md"))
        }
    }

    /// A long handout renders; one past the page limit is refused at the line where it passes
    /// it, long before drawing hundreds of pages, and leaves no file.
    @Test func aHandoutPastThePageLimitIsRefusedAtItsLine() throws {
        let content = try TestSupport.contentCopy()
        let body = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Content/procedures/epidural-steroid-injection.md"), encoding: .utf8)
            .components(separatedBy: "---\n").last!
            .replacingOccurrences(of: "{{clinic.after_hours_phone}}", with: "(555) 010-4499")
        try write("---\ntitle: Long\n---\n" + String(repeating: body, count: 60), to: content.appendingPathComponent("procedures/long.md"))
        var text = "---\ntitle: Very long\n---\n"
        while text.utf8.count < 2_000_000 { text += body }
        try write(text, to: content.appendingPathComponent("procedures/too-long.md"))
        let output = try TestSupport.temporaryFolder()

        let long = try TestSupport.handout(["render", "long", "--content", content.path, "--output", output.path])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(try TestSupport.pageCount(output.appendingPathComponent("long.pdf")) > 100)

        let tooLong = try TestSupport.handout(["render", "too-long", "--content", content.path, "--output", output.path])
        #expect(tooLong.status == 1)
        let lines = tooLong.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(tooLong.stderr)")
        let line = try #require(lines.first)
        #expect(line.contains("too-long.md:") && line.contains("past about 300 pages"), "\(line)")
        // The line named is where the limit ran out: well inside the file, not its first line.
        let number = try #require(Int(line.split(separator: ":")[2]))
        #expect(number > 5_000 && number < text.split(separator: "\n", omittingEmptySubsequences: false).count, "\(line)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("too-long.pdf").path))
    }

    @Test func allRendersTheGoodOnesAndFailsForTheBad() throws {
        let content = try TestSupport.contentCopy()
        try write("---\ntitle: A\n", to: content.appendingPathComponent("procedures/broken.md"))
        let output = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["render", "--all", "--content", content.path, "--output", output.path])
        #expect(result.status != 0)
        #expect(files(in: output) == ["arabic.pdf", "kitchen-sink.pdf"])
        #expect(result.stderr.contains("broken.md:1"))
        #expect(result.stdout.contains("kitchen-sink.pdf"))
    }

    @Test func noArgumentsRendersEverythingIntoOutput() throws {
        let project = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("Content"), to: project.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Layouts"), to: project.appendingPathComponent("Layouts"))
        let result = try TestSupport.handout([], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").map { $0.split(separator: " ").first! } == ["Output/arabic.pdf", "Output/kitchen-sink.pdf"])
        #expect(files(in: project.appendingPathComponent("Output")) == ["arabic.pdf", "kitchen-sink.pdf"])
    }

    @Test func noArgumentsAlsoWritesTheBookletWhenDefined() throws {
        let project = try TestSupport.temporaryFolder()
        for folder in ["Content", "Layouts"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: project.appendingPathComponent(folder))
        }
        let result = try TestSupport.handout([], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let written = files(in: project.appendingPathComponent("Output"))
        #expect(written.count == 10)
        #expect(written.contains("booklet.pdf") && written.contains("booklet-imposed.pdf"))
        // The Spanish edition beside it: every handout has a Spanish version, and the booklet.
        let spanish = files(in: project.appendingPathComponent("Output/es"))
        #expect(spanish == (written.filter { $0.hasSuffix(".pdf") && $0 != "booklet-imposed.pdf" }).sorted(), "\(spanish)")
        #expect(result.stdout.contains("Output/booklet.pdf"))
    }

    @Test func listPrintsSlugTitleCategoryAndLanguages() throws {
        let result = try TestSupport.handout(["list", "--content", TestSupport.fixtures.appendingPathComponent("Content").path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 2)
        #expect(lines.last == ["kitchen-sink", "Kitchen Sink <b>Test</b> & \"Quotes\"", "Testing", "en"])
    }

    @Test func previewWritesAPNG() throws {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("page.png")
        let content = TestSupport.fixtures.appendingPathComponent("Content").path
        let result = try TestSupport.handout(["preview", "kitchen-sink", "--page", "2", "--output", output.path, "--content", content])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: output)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let tooFar = try TestSupport.handout(["preview", "kitchen-sink", "--page", "40", "--output", output.path, "--content", content])
        #expect(tooFar.status != 0)
        #expect(tooFar.stderr.contains("no page 40"))
    }

    @Test func fontsShowsFamilyAndFileForEachRole() throws {
        let result = try TestSupport.handout(["fonts", "--layout", "large-print"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map { $0[0] } == ["body", "heading", "small", "title"])
        for row in rows {
            #expect(row[2].hasPrefix("DejaVu Sans"))
            #expect(FileManager.default.fileExists(atPath: row[3]))
        }
    }

    @Test func fontsInTheFontsFolderAreUsed() throws {
        // Fontconfig limited to no system fonts: a family resolves only because its file is in Fonts/.
        let project = try TestSupport.temporaryFolder()
        let config = project.appendingPathComponent("fonts.conf")
        try write("<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig><cachedir>\(project.path)/cache</cachedir></fontconfig>", to: config)
        let environment = ["FONTCONFIG_FILE": config.path]
        let without = try TestSupport.handout(["fonts"], in: project, environment: environment)
        #expect(without.status != 0)
        #expect(without.stderr.contains("fonts.body"), "\(without.stderr)")

        let fonts = project.appendingPathComponent("Fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        for name in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
            try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/dejavu/\(name)", toPath: fonts.appendingPathComponent(name).path)
        }
        let with = try TestSupport.handout(["fonts"], in: project, environment: environment)
        #expect(with.status == 0, "\(with.stderr)")
        let files = with.stdout.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        #expect(files.count == 4)
        #expect(files.allSatisfy { $0.hasPrefix(fonts.path) }, "\(with.stdout)")
    }
}

/// Warnings for print runs: placeholders left in and unused fields, once per file; --strict refuses.
@Suite struct StrictTests {
    let content = TestSupport.packageRoot.appendingPathComponent("Content").path

    @Test func placeholdersAreWarnedOncePerFileAndStrictRefusesThem() throws {
        let output = try TestSupport.temporaryFolder()
        let all = try TestSupport.handout(["render", "--all", "--content", content, "--output", output.path])
        #expect(all.status == 0)
        let warnings = all.stderr.split(separator: "\n").filter { $0.contains("illustration placeholder") }
        #expect(warnings.count == 7, "\(all.stderr)")
        #expect(Set(warnings.map { $0.split(separator: ":")[1] }).count == 7, "one per file")

        let strict = try TestSupport.handout(["render", "facet-joint-injection", "--strict", "--content", content, "--output", output.path + "/strict"])
        #expect(strict.status == 1)
        let error = strict.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(error.count == 1 && error[0].contains("facet-joint-injection.md:") && error[0].contains("(an error with --strict)"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path + "/strict"))
    }

    @Test func aFieldNoContentUsesIsWarnedAndFailsAStrictBatchRow() throws {
        let folder = try TestSupport.temporaryFolder()
        let csv = folder.appendingPathComponent("rows.csv")
        try Data("procedure,patient_name,roomm\nplain,Ann,12\nplain,Bob,14\n".utf8).write(to: csv)
        let personal = TestSupport.fixtures.appendingPathComponent("Personal").path
        let batch = try TestSupport.handout(["batch", csv.path, "--content", personal, "--output", folder.appendingPathComponent("out").path])
        #expect(batch.status == 0, "\(batch.stderr)")
        let warned = batch.stderr.split(separator: "\n").filter { $0.contains("'roomm' is not used here") }
        #expect(warned.count == 1, "once, not once per row: \(batch.stderr)")
        let strict = try TestSupport.handout(["batch", csv.path, "--strict", "--content", personal, "--output", folder.appendingPathComponent("strict").path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("row 2:") && strict.stderr.contains("row 3:") && strict.stderr.contains("(an error with --strict)"))
        #expect(!strict.stderr.contains("Ann") && !strict.stderr.contains("Bob"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("strict").path))?.filter { $0.hasSuffix(".pdf") } ?? [] == [])
    }
}
