import Foundation
import Testing
@testable import HandoutKit

/// Rendered once per test run and shared: the default content and the fixtures.
enum Rendered {
    struct Run: Sendable {
        var folder: URL
        var result: TestSupport.Result
    }

    static func render(_ content: URL) -> Run {
        let folder = try! TestSupport.temporaryFolder()
        let result = try! TestSupport.handout(["render", "--all", "--content", content.path, "--output", folder.path])
        return Run(folder: folder, result: result)
    }

    static let defaults = render(TestSupport.packageRoot.appendingPathComponent("Content"))
    static let fixtures = render(TestSupport.fixtures.appendingPathComponent("Content"))
    static let defaultSlugs = [
        "epidural-steroid-injection", "facet-joint-injection", "interspinous-spacer", "percutaneous-discectomy",
        "radiofrequency-ablation", "spinal-cord-stimulation", "targeted-drug-delivery",
    ]

    static func procedure(_ slug: String, content: URL = TestSupport.packageRoot.appendingPathComponent("Content")) throws -> Procedure {
        var warnings: [Warning] = []
        return try ContentLibrary(workspace: Workspace(content: content)).procedure(slug, warnings: &warnings)
    }
}

/// Checks of the real PDFs, with poppler and qpdf as the judges.
@Suite struct PDFOutputTests {
    let clinic = "Riverside Interventional Radiology"

    @Test func defaultContentRendersSevenValidHandouts() throws {
        let run = Rendered.defaults
        #expect(run.result.status == 0, "\(run.result.stderr)")
        for slug in Rendered.defaultSlugs {
            let pdf = run.folder.appendingPathComponent(slug + ".pdf")
            let check = try TestSupport.run("qpdf", ["--check", pdf.path])
            #expect(check.status == 0, "\(slug): \(check.stdout)")
            #expect(run.result.stdout.contains(slug + ".pdf"))
        }
    }

    @Test(arguments: Rendered.defaultSlugs)
    func metadataMatchesTheContent(slug: String) throws {
        let procedure = try Rendered.procedure(slug)
        let info = try TestSupport.info(Rendered.defaults.folder.appendingPathComponent(slug + ".pdf"))
        #expect(info["Title"] == procedure.title)
        #expect(info["Subject"] == procedure.summary)
        #expect(info["Author"] == clinic)
        #expect(info["Creator"] == "Handout \(HandoutEngine.version)")
        #expect(info["Tagged"] == "yes")
        #expect(info["CreationDate"]?.contains("2026") == true)
    }

    @Test(arguments: Rendered.defaultSlugs)
    func fontsAreEmbeddedAndSubset(slug: String) throws {
        let result = try TestSupport.run("pdffonts", [Rendered.defaults.folder.appendingPathComponent(slug + ".pdf").path])
        let rows = result.stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type…] encoding emb sub uni id gen: emb and sub are the 5th and 4th from the end.
            #expect(columns[columns.count - 5] == "yes", "not embedded: \(row)")
            #expect(columns[columns.count - 4] == "yes", "not subset: \(row)")
        }
    }

    /// Words of the body text in reading order, with each page's header and footer removed.
    /// The words of each page in the order they are drawn (pdftotext's raw mode: its layout mode
    /// reads a list's markers as a column of their own), without header and footer, and without
    /// hyphens, so that "X-ray" matches however a line broke it.
    func bodyWords(_ pdf: URL, title: String) throws -> [String] {
        let pages = try TestSupport.pageCount(pdf)
        var words: [String] = []
        for page in 1...pages {
            let lines = try TestSupport.text(pdf, page: page, raw: true).split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix(clinic) && !$0.hasSuffix(" · Page \(page) of \(pages)") }
            // A word broken at its hyphen ("X-" / "ray") is one word again.
            words += TestSupport.words(lines.joined(separator: "\n").replacingOccurrences(of: "-\n", with: "")).map(Self.withoutHyphens)
        }
        return words
    }

    static func withoutHyphens(_ word: String) -> String { word.replacingOccurrences(of: "-", with: "") }

    /// Every paragraph, list item and heading's words, in document order, with each link's
    /// address printed after its words.
    func expectedTexts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case let .heading(_, text), let .paragraph(text): [Typesetter.withPrintedAddresses(text, scale: 1).text]
            case let .preformatted(text): [text]
            case let .list(_, _, items): items.flatMap(expectedTexts)
            case let .callout(children): expectedTexts(children)
            case let .figure(figure): [figure.caption]
            case .rule: []
            }
        }
    }

    @Test(arguments: Rendered.defaultSlugs)
    func everyParagraphAppearsInReadingOrder(slug: String) throws {
        // The generic copy: clinic fields filled in, write-in lines for the patient's.
        let clinic = try Clinic.load(from: TestSupport.packageRoot.appendingPathComponent("Content/clinic.yaml"))
        let procedure = try Personalizer().fill(try Rendered.procedure(slug), clinic: clinic, for: nil).0
        let words = try bodyWords(Rendered.defaults.folder.appendingPathComponent(slug + ".pdf"), title: procedure.title)
        var position = 0
        for text in [procedure.title] + expectedTexts(procedure.blocks) {
            let expected = TestSupport.words(text).map(Self.withoutHyphens)
            guard let found = (position...max(position, words.count - expected.count)).first(where: {
                $0 + expected.count <= words.count && Array(words[$0..<$0 + expected.count]) == expected
            }) else {
                Issue.record("\(slug): not found in order after word \(position): \(text)")
                continue
            }
            position = found + expected.count
        }
        // The disclaimer closes the handout.
        let disclaimer = TestSupport.words(try Clinic.load(from: TestSupport.packageRoot.appendingPathComponent("Content/clinic.yaml")).disclaimer)
        #expect(TestSupport.containsInOrder(Array(words[position...]), disclaimer), "\(slug): disclaimer missing after body")
    }

    @Test(arguments: Rendered.defaultSlugs)
    func noPageEndsWithAHeading(slug: String) throws {
        let procedure = try Rendered.procedure(slug)
        let headings = Set(procedure.blocks.compactMap { block -> String? in
            if case let .heading(_, text) = block { return text.text } else { return nil }
        })
        let pdf = Rendered.defaults.folder.appendingPathComponent(slug + ".pdf")
        let pages = try TestSupport.pageCount(pdf)
        for page in 1...pages {
            let lines = try TestSupport.text(pdf, page: page).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != clinic && !$0.hasSuffix("Page \(page) of \(pages)") && $0 != "\u{0C}" }
            #expect(!headings.contains(lines.last ?? ""), "\(slug) page \(page) ends with heading \(lines.last ?? "")")
        }
    }

    @Test func aHandoutWithoutAReviewDateCarriesNoDateAtAll() throws {
        let pdf = Rendered.fixtures.folder.appendingPathComponent("arabic.pdf")
        let info = try TestSupport.info(pdf)
        #expect(info["CreationDate"] == nil && info["ModDate"] == nil, "\(info)")
        #expect(!(try TestSupport.text(pdf)).contains("Reviewed"))
        // The same handout with SOURCE_DATE_EPOCH carries that date.
        let output = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(
            ["render", "arabic", "--content", TestSupport.fixtures.appendingPathComponent("Content").path, "--output", output.path],
            environment: ["SOURCE_DATE_EPOCH": "1764547200"])
        #expect(result.status == 0)
        #expect(try TestSupport.info(output.appendingPathComponent("arabic.pdf"))["CreationDate"]?.contains("2025") == true)
        // A reviewed handout says when, in its footer.
        #expect(try TestSupport.text(Rendered.fixtures.folder.appendingPathComponent("kitchen-sink.pdf")).contains("Reviewed November 2026"))
    }

    @Test func aLongHandoutPaginatesWithHeaderAndFooterOnEveryPage() throws {
        let pdf = Rendered.defaults.folder.appendingPathComponent("spinal-cord-stimulation.pdf")
        let pages = try TestSupport.pageCount(pdf)
        #expect(pages >= 3)
        for page in 1...pages {
            let text = try TestSupport.text(pdf, page: page)
            #expect(text.contains(clinic))
            #expect(text.contains("Spinal Cord Stimulation · Reviewed November 2026 · Page \(page) of \(pages)"))
            #expect(text.contains("\(clinic) · (555) 010-4400"))
        }
        // The disclaimer box is whole, on the last page.
        let last = try TestSupport.text(pdf, page: pages)
        #expect(last.contains("Important"))
        #expect(last.contains("call 911 right away"))
    }

    @Test func captionsAndPlaceholdersArePresent() throws {
        for slug in Rendered.defaultSlugs {
            let procedure = try Rendered.procedure(slug)
            let captions = procedure.blocks.compactMap { block -> String? in
                if case let .figure(figure) = block { return figure.caption } else { return nil }
            }
            #expect(!captions.isEmpty, "\(slug) has no illustration")
            let words = TestSupport.words(try TestSupport.text(Rendered.defaults.folder.appendingPathComponent(slug + ".pdf")))
            for caption in captions {
                #expect(TestSupport.containsInOrder(words, TestSupport.words(caption)), "\(slug): caption missing: \(caption)")
            }
        }
    }

    @Test func markupShowsLiterallyAndScriptsAreShaped() throws {
        let run = Rendered.fixtures
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let pdf = run.folder.appendingPathComponent("kitchen-sink.pdf")
        let text = try TestSupport.text(pdf)
        #expect(try TestSupport.info(pdf)["Title"] == "Kitchen Sink <b>Test</b> & \"Quotes\"")
        #expect(text.contains("Kitchen Sink <b>Test</b> & \"Quotes\""))
        let words = TestSupport.words(text)
        #expect(TestSupport.containsInOrder(words, ["<i>not", "italic</i>", "and", "5", "<", "6", ">", "4", "&", "\"quoted\"", "'single'."]))
        for phrase in ["café, naïve, São Paulo, Müller, Ærø.", "Η ένεση γίνεται με τοπική αναισθησία.", "Процедура занимает около часа."] {
            #expect(TestSupport.containsInOrder(words, TestSupport.words(phrase)), "missing: \(phrase)")
        }
        let arabic = try TestSupport.text(run.folder.appendingPathComponent("arabic.pdf"))
        #expect(arabic.contains("الستيرويد"))
        #expect(arabic.contains("أدويتك"))
        // A missing picture is a warning with file and line, and a placeholder in the PDF.
        #expect(run.result.stderr.contains("kitchen-sink.md:38: picture '../images/nowhere.png' was not found"))
        #expect(TestSupport.containsInOrder(words, ["A", "missing", "picture"]))
    }

    @Test func picturesAreEmbeddedJPEGStaysJPEG() throws {
        let result = try TestSupport.run("pdfimages", ["-list", Rendered.fixtures.folder.appendingPathComponent("kitchen-sink.pdf").path])
        let encodings = result.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true)[8] }
        #expect(encodings.contains("jpeg"))
        #expect(encodings.contains("image"))
    }

    @Test func linksAreClickable() throws {
        let pdf = Rendered.fixtures.folder.appendingPathComponent("kitchen-sink.pdf")
        #expect(try TestSupport.linkTargets(pdf).contains("https://riverside-ir.example/contact"))
        #expect(try TestSupport.run("qpdf", ["--json", pdf.path]).stdout.contains("/Link"))
    }

    @Test func structureTreeShowsReadingOrder() throws {
        let result = try TestSupport.run("pdfinfo", ["-struct-text", Rendered.defaults.folder.appendingPathComponent("epidural-steroid-injection.pdf").path])
        let text = result.stdout
        let order = ["H1 (block)", "\"Epidural Steroid Injection\"", "H2 (block)", "\"What is it?\"", "L (block)", "LI (block)", "Figure", "Caption", "BlockQuote"]
        var from = text.startIndex
        for needle in order {
            guard let range = text.range(of: needle, range: from..<text.endIndex) else {
                Issue.record("struct tree lacks \(needle) in order")
                return
            }
            from = range.upperBound
        }
        // Every line of a paragraph is in the tree, not just its first.
        let quoted = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("\"") && trimmed.hasSuffix("\"") ? String(trimmed.dropFirst().dropLast()) : nil
        }
        let tree = TestSupport.words(quoted.joined(separator: " "))
        let paragraph = "This is a shot of medicine into the area around the spinal nerves in your back. Epidural means the space just outside the covering of your spinal cord."
        #expect(TestSupport.containsInOrder(tree, TestSupport.words(paragraph)), "\(quoted.prefix(20))")
    }

    @Test func sameInputSameBytes() throws {
        let again = Rendered.render(TestSupport.packageRoot.appendingPathComponent("Content"))
        for slug in Rendered.defaultSlugs {
            let a = try Data(contentsOf: Rendered.defaults.folder.appendingPathComponent(slug + ".pdf"))
            let b = try Data(contentsOf: again.folder.appendingPathComponent(slug + ".pdf"))
            #expect(a == b, "\(slug) differs between runs")
        }
    }

    @Test func sourceDateEpochSetsTheDate() throws {
        let folder = try TestSupport.temporaryFolder()
        let content = TestSupport.fixtures.appendingPathComponent("Content").path
        for name in ["a", "b"] {
            let result = try TestSupport.handout(
                ["render", "arabic", "--content", content, "--output", folder.appendingPathComponent(name).path],
                environment: ["SOURCE_DATE_EPOCH": "1764547200"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = folder.appendingPathComponent("a/arabic.pdf"), b = folder.appendingPathComponent("b/arabic.pdf")
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        #expect(try TestSupport.info(a)["CreationDate"]?.contains("Dec  1 00:00:00 2025") == true)
    }

    @Test func layoutsChangePaperAndType() throws {
        let content = TestSupport.packageRoot.appendingPathComponent("Content").path
        let folder = try TestSupport.temporaryFolder()
        for layout in ["a4", "large-print"] {
            let out = folder.appendingPathComponent(layout)
            let result = try TestSupport.handout(["render", "epidural-steroid-injection", "--layout", layout, "--content", content, "--output", out.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a4 = try TestSupport.info(folder.appendingPathComponent("a4/epidural-steroid-injection.pdf"))
        #expect(a4["Page size"]?.contains("(A4)") == true)
        let letterPages = try TestSupport.pageCount(Rendered.defaults.folder.appendingPathComponent("epidural-steroid-injection.pdf"))
        let largePages = try TestSupport.pageCount(folder.appendingPathComponent("large-print/epidural-steroid-injection.pdf"))
        #expect(largePages > letterPages)
    }
}
