import Foundation
import Testing

/// Markdown as it really comes: nested thousands deep, megabytes of markup, and the corners of
/// the CommonMark spec. Each either renders right or is refused in one line naming its file and
/// line, and never costs the other handouts their PDFs.
@Suite struct MarkdownInputTests {
    /// A content folder whose procedures are `files` (slug: body, under a four-line front matter).
    func project(_ files: [String: String]) throws -> URL {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("procedures"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content/clinic.yaml"), to: content.appendingPathComponent("clinic.yaml"))
        for (slug, body) in files {
            let text = "---\ntitle: \(slug)\nupdated: 2026-11-01\n---\n" + body
            try Data(text.utf8).write(to: content.appendingPathComponent("procedures/\(slug).md"))
        }
        return content
    }

    func render(_ slugs: [String], content: URL) throws -> (result: TestSupport.Result, output: URL) {
        let output = content.deletingLastPathComponent().appendingPathComponent("out")
        return (try TestSupport.handout(["render"] + slugs + ["--content", content.path, "--output", output.path]), output)
    }

    // MARK: Layout never crashes, hangs or blows up

    static let tooDeep: [(name: String, body: String, says: String)] = [
        ("quotes", String(repeating: "> ", count: 5_000) + "x\n", "nest 5,000 deep"),
        ("dashes", String(repeating: "- ", count: 10_000) + "x\n", "nest 10,000 deep"),
        // Too many marks to parse at all: counted and refused before cmark builds anything.
        ("stars", String(repeating: "*", count: 100_000) + "a" + String(repeating: "*", count: 100_000) + "\n", "holds too much by this line"),
        ("stars50", String(repeating: "*", count: 50) + "a" + String(repeating: "*", count: 50) + "\n", "emphasis, links and pictures nest 25 deep"),
        ("quotes45", String(repeating: "> ", count: 45) + "x\n", "nest 45 deep"),
    ]

    @Test(arguments: tooDeep.indices)
    func deepNestingIsRefusedInOneLineNamingTheLine(_ index: Int) throws {
        let (name, body, says) = Self.tooDeep[index]
        let content = try project([name: "Intro.\n\n" + body])
        let (result, output) = try render([name], content: content)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        // Line 7: four of front matter, the intro, a blank line, then the nesting.
        #expect(lines.first?.hasPrefix("error: \(content.path)/procedures/\(name).md:7: ") == true, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("\(name).pdf").path))
    }

    /// Four megabytes of `- a` lines made cmark alone take 430 MB: such a file is counted first
    /// and refused at the line where it has too much, before anything is parsed.
    @Test func megabytesOfMarkupAreRefusedBeforeParsingAtTheirLine() throws {
        let content = try project(["items": String(repeating: "- a\n", count: 1_000_000)])
        let (result, _) = try render(["items"], content: content)
        #expect(result.status == 1)
        let line = try #require(result.stderr.split(separator: "\n").first)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(line.contains("holds too much by this line"), "\(line)")
        // 200,000 counted at four a line (the line and its `-`): refused near line 50,000.
        let number = try #require(Int(line.split(separator: ":")[2]))
        #expect((49_000...51_000).contains(number), "\(line)")
    }

    /// Eight callouts in one another around text longer than a page: it renders, every word
    /// in order, flowing at the width of the page once it is too tall for a box.
    @Test func calloutsInCalloutsTallerThanAPageFlow() throws {
        let sentence = "Rest at home today and call us if the pain gets worse. "
        let quoted = (1...60).map { String(repeating: "> ", count: 8) + "Step \($0). " + sentence }.joined(separator: "\n" + String(repeating: ">", count: 8) + "\n")
        let short = String(repeating: "> ", count: 8) + "Short note."
        let content = try project(["deep": quoted + "\n\nAfter the quote.\n\n" + short + "\n"])
        let (result, output) = try render(["deep"], content: content)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = output.appendingPathComponent("deep.pdf")
        #expect(try TestSupport.pageCount(pdf) >= 2)
        let words = TestSupport.words(try TestSupport.text(pdf))
        // Every step, whole and in order, whichever page it falls on; then the rest.
        let steps = (1...60).map { "Step \($0). " + sentence }.joined().split(separator: " ").map(String.init)
        var remaining = steps[...]
        for word in words where word == remaining.first { remaining = remaining.dropFirst() }
        #expect(remaining.isEmpty, "missing from: \(remaining.prefix(12))")
        #expect(TestSupport.containsInOrder(words, ["worse.", "After", "the", "quote."]))
        #expect(TestSupport.containsInOrder(words, ["Short", "note."]))
        // The short one is still eight boxes in one another: eight block quotes around its text.
        let structure = try TestSupport.run("pdfinfo", ["-struct", pdf.path]).stdout
        let depths = structure.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("BlockQuote") }
        #expect(depths.count >= 8 + 8, "\(structure)")
    }

    /// One bad file among good ones: `render --all` and a batch still write every good one.
    @Test func renderAllAndBatchesWriteTheGoodOnes() throws {
        let content = try project([
            "good": "A plain handout.\n",
            "deep": String(repeating: "> ", count: 5_000) + "x\n",
            "also-good": "- one\n- two\n",
        ])
        let (all, output) = try render(["--all"], content: content)
        #expect(all.status == 1)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("good.pdf").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("also-good.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("deep.pdf").path))
        #expect(all.stderr.contains("deep.md:5: block quotes and lists nest 5,000 deep"), "\(all.stderr)")
        #expect(all.stderr.contains("1 of 3 handouts failed"), "\(all.stderr)")

        let sheet = content.deletingLastPathComponent().appendingPathComponent("rows.csv")
        try Data("patient_name,procedure\nAnn Lee,good\nBo Diaz,deep\nCy Park,also-good\n".utf8).write(to: sheet)
        let batchOutput = content.deletingLastPathComponent().appendingPathComponent("batch")
        let batch = try TestSupport.handout(["batch", sheet.path, "--content", content.path, "--output", batchOutput.path])
        #expect(batch.status == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: batchOutput.path).sorted()
        #expect(written == ["2-good.pdf", "4-also-good.pdf"], "\(batch.stderr)")
        #expect(batch.stderr.contains("row 3: "), "\(batch.stderr)")
    }

    /// A picture inside a callout is a Figure with its description, like any other: the
    /// finishing step used to refuse the PDF ("more figures than descriptions").
    @Test func aPictureInACalloutIsAFigureWithItsDescription() throws {
        let content = try project(["boxed": "> Call us if you see this.\n>\n> ![The cut, with a small bandage](diagram.png)\n>\n> ![A missing picture](nowhere.png)\n"])
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("Content/images/diagram.png"),
            to: content.appendingPathComponent("procedures/diagram.png"))
        let (result, output) = try render(["boxed"], content: content)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = output.appendingPathComponent("boxed.pdf")
        let json = try TestSupport.run("qpdf", ["--json=2", "--json-key=qpdf", pdf.path]).stdout
        let objects = ((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        let figures = objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.filter { $0["/S"] as? String == "/Figure" }
        #expect(Set(figures.compactMap { $0["/Alt"] as? String }) == ["u:The cut, with a small bandage", "u:Illustration to come: A missing picture"], "\(figures)")
        let structure = try TestSupport.run("pdfinfo", ["-struct", pdf.path]).stdout
        #expect(structure.contains("BlockQuote"), "\(structure)")
    }

    // MARK: CommonMark as the spec writes it

    /// cairo 1.16 writes a link's target into the PDF as it is given: a `)` or `\` in it broke
    /// the file. Targets reach the PDF percent-encoded, and the file passes qpdf's check.
    @Test func linkTargetsArePercentEncoded() throws {
        let content = try project(["links": """
            [One](<b)c>) and [two](http://x.example/a\\\\) and [three](<http://x.example/a b>).

            [Four](http://x.example/café) and [five](http://x.example/%20kept) and <http://x.example/z\\>.
            """ + "\n"])
        let (result, output) = try render(["links"], content: content)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = output.appendingPathComponent("links.pdf")
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try TestSupport.linkTargets(pdf) == [
            "b%29c", "http://x.example/a%5C", "http://x.example/a%20b",
            "http://x.example/caf%C3%A9", "http://x.example/%20kept", "http://x.example/z%5C",
        ])
        #expect(TestSupport.containsInOrder(TestSupport.words(try TestSupport.text(pdf)), ["One", "and", "two"]))
    }

    /// Numbers of three and four digits print whole, and their text starts clear of them.
    @Test func longListNumbersAreNotClipped() throws {
        let content = try project(["numbers": "98. ninety-eight\n99. ninety-nine\n100. one hundred\n\nThen:\n\n1000. thousand\n1001. thousand one\n"])
        let (result, output) = try render(["numbers"], content: content)
        #expect(result.status == 0, "\(result.stderr)")
        let words = TestSupport.words(try TestSupport.text(output.appendingPathComponent("numbers.pdf")))
        #expect(TestSupport.containsInOrder(words, ["98.", "ninety-eight", "99.", "ninety-nine", "100.", "one", "hundred"]), "\(words)")
        #expect(TestSupport.containsInOrder(words, ["1000.", "thousand", "1001.", "thousand", "one"]), "\(words)")
    }

    /// An item whose first block is a list, a quote, a heading or code keeps its own marker, and
    /// each marker is its item's label.
    @Test func itemsThatStartWithAnotherBlockKeepTheirMarkers() throws {
        let content = try project(["items": "- - foo\n  - bar\n- > quoted\n- # heading\n- ```\n  code\n  ```\n- plain\n"])
        let (result, output) = try render(["items"], content: content)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = output.appendingPathComponent("items.pdf")
        let words = TestSupport.words(try TestSupport.text(pdf))
        #expect(TestSupport.containsInOrder(words, ["•", "–", "foo", "–", "bar", "•", "quoted", "•", "heading", "•", "code", "•", "plain"]), "\(words)")
        let structure = try TestSupport.run("pdfinfo", ["-struct", pdf.path]).stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let items = structure.filter { $0.hasPrefix("LI") }.count, labels = structure.filter { $0.hasPrefix("Lbl") }.count
        #expect(items == 7 && labels == 7, "\(structure)")
    }
}
