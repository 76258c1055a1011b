import Foundation
import HandoutBindings
import Testing
@testable import HandoutKit

/// Reading content: Markdown through cmark into blocks, front matter and layouts checked key by key.
@Suite struct ContentTests {
    func load(_ text: String, name: String = "t.md") throws -> (Procedure, [Warning]) {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        var warnings: [Warning] = []
        let procedure = try ProcedureLoader(contentDirectory: folder).load(url, warnings: &warnings)
        return (procedure, warnings)
    }

    func error(_ text: String) -> HandoutError? {
        do { _ = try load(text); return nil } catch let e as HandoutError { return e } catch { return nil }
    }

    @Test func frontMatterAndBody() throws {
        let (p, warnings) = try load("""
        ---
        title: Facet Joint Injection
        summary: What it is.
        category: Back pain relief
        language: es
        updated: 2026-11-15
        ---
        Intro with **bold**, *italic* and a [link](https://example.org).

        ## Heading

        - one
          - nested
        - two

        > **Call us** if

        ![A caption]()
        """)
        // The one warning: the placeholder left in, at its line.
        #expect(warnings.map(\.line) == [18])
        #expect(warnings.first?.message.hasPrefix("an illustration placeholder is left in") == true)
        #expect(p.title == "Facet Joint Injection")
        #expect(p.summary == "What it is.")
        #expect(p.language == "es")
        #expect(p.updated == CalendarDate(year: 2026, month: 11, day: 15))
        guard p.blocks.count == 5, case let .paragraph(intro) = p.blocks[0] else {
            Issue.record("unexpected blocks \(p.blocks)")
            return
        }
        #expect(intro.text == "Intro with bold, italic and a link.")
        #expect(intro.runs.contains { $0.bold && String(intro.text.utf8.dropFirst($0.start).prefix($0.end - $0.start))! == "bold" })
        #expect(intro.links.map(\.url) == ["https://example.org"])
        #expect(p.blocks[1] == .heading(level: 2, StyledText("Heading")))
        guard case let .list(false, _, items) = p.blocks[2] else { Issue.record("no list"); return }
        #expect(items.count == 2)
        #expect(items[0].count == 2)  // text and the nested list
        guard case .callout = p.blocks[3] else { Issue.record("no callout"); return }
        var placeholder = Figure(caption: "A caption", image: nil, line: 18)
        placeholder.isPlaceholder = true
        #expect(p.blocks[4] == .figure(placeholder))
    }

    @Test func markupInTextStaysLiteral() throws {
        let (p, _) = try load("---\ntitle: <b>T</b> & co\n---\nA <b>tag</b> & an &amp; entity and 1 < 2.\n\n<div>block html</div>\n")
        #expect(p.title == "<b>T</b> & co")
        #expect(p.blocks.first == .paragraph(StyledText("A <b>tag</b> & an & entity and 1 < 2.")))
        #expect(p.blocks.last == .preformatted("<div>block html</div>"))
    }

    @Test func missingPictureIsAPlaceholderWithAWarning() throws {
        let (p, warnings) = try load("---\ntitle: T\n---\nText.\n\n![Where art goes](missing.png)\n")
        #expect(p.blocks.last == .figure(Figure(caption: "Where art goes", image: nil, line: 6)))
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.contains("t.md:6:") == true)
        #expect(warnings.first?.description.contains("missing.png") == true)
    }

    @Test func picturesAreProbed() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("Content/images")
        let png = try #require(ImageFile.probe(folder.appendingPathComponent("diagram.png")))
        #expect(png.format == .png)
        #expect(png.pixelSize == Size(width: 120, height: 60))
        let jpeg = try #require(ImageFile.probe(folder.appendingPathComponent("photo.jpg")))
        #expect(jpeg.format == .jpeg)
        #expect(jpeg.pixelSize.width > 0)
    }

    @Test(arguments: [
        ("---\nsummary: x\n---\nBody", 2, "'title': is missing"),
        ("---\ntitle: \"\"\n---\nBody", 2, "'title': is empty"),
        ("---\ntitle: [unclosed\n---\nBody", 2, "YAML syntax error"),
        ("---\ntitle: A\ntilte: B\n---\nBody", 3, "'tilte': is not a known key"),
        ("---\ntitle: A\n", 1, "never closed"),
        ("title: A\n\nBody", 1, "must begin with front matter"),
        ("---\ntitle: A\nupdated: 12/03/2026\n---\n", 3, "'updated': '12/03/2026' is not a date"),
        ("---\ntitle: A\nlanguage: english please\n---\n", 3, "'language'"),
        ("---\ntitle: Bad \u{10FFFF} title\n---\nBody", 2, "holds U+10FFFF at column 12, which is not a character text can show"),
        ("---\ntitle: A\nsummary: x\u{1}y\n---\nBody", 3, "holds U+0001 at column 11"),
        ("---\ntitle: A\n---\nBody \u{85} here\n", 4, "holds U+0085 at column 6"),
        ("---\ntitle: A\n---\nBody\n\n" + String(Unicode.Scalar(0xFDD0)!) + "\n", 6, "holds U+FDD0 at column 1"),
    ])
    func badFrontMatter(text: String, line: Int, message: String) {
        let e = error(text)
        #expect(e?.line == line, "\(String(describing: e))")
        #expect(e?.description.contains(message) == true, "\(String(describing: e))")
        #expect(e?.description.contains("t.md") == true)
        #expect(e?.description.contains("\n") == false)
    }

    @Test func emptyAndInvalidFilesAreRefused() throws {
        let folder = try TestSupport.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.md")
        try Data("  \n\n".utf8).write(to: empty)
        var warnings: [Warning] = []
        #expect(throws: HandoutError.self) { try ProcedureLoader(contentDirectory: folder).load(empty, warnings: &warnings) }
        let latin1 = folder.appendingPathComponent("latin1.md")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        do {
            _ = try ProcedureLoader(contentDirectory: folder).load(latin1, warnings: &warnings)
            Issue.record("accepted invalid UTF-8")
        } catch let e as HandoutError {
            #expect(e.line == 2)
            #expect(e.description.contains("UTF-8"))
        }
    }

    @Test func layoutsOverlayTheDefault() throws {
        let layouts = TestSupport.packageRoot.appendingPathComponent("Layouts")
        let loader = ThemeLoader(folders: [layouts])
        let letter = try loader.load("letter")
        #expect(letter.pageSize == Size(width: 612, height: 792))
        #expect(letter.fonts == Theme.standard.fonts)
        let a4 = try loader.load("a4")
        #expect(abs(a4.pageSize.width - 595.276) < 0.01)
        #expect(a4.fonts == letter.fonts)
        let large = try loader.load("large-print")
        #expect(FontDescription(large.fonts.body).pointSize >= 16)
        #expect(large.pageSize == letter.pageSize)
    }

    @Test(arguments: [
        ("page:\n  size: poster\n", 2, "'page.size': 'poster' is not a page size"),
        ("colour:\n  accent: red\n", 1, "'colour': is not a known key"),
        ("color:\n  accent: red\n", 2, "'color.accent': 'red' is not a color"),
        ("spacing:\n  line: 9\n", 2, "'spacing.line'"),
        ("page:\n  margins: { top: -3 }\n", 2, "'page.margins.top'"),
        ("footer: \"Page {page} of {total}\"\n", 1, "{total} is not a field"),
        ("fonts:\n  body: Bold\n", 2, "'fonts.body'"),
        ("fonts: [a, b]\n", 1, "'fonts' must be lines"),
    ])
    func badLayout(text: String, line: Int, message: String) throws {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("bad.yaml")
        try Data(text.utf8).write(to: url)
        do {
            _ = try ThemeLoader(folders: [url.deletingLastPathComponent()]).load(url.path)
            Issue.record("accepted \(text)")
        } catch let e as HandoutError {
            #expect(e.line == line, "\(e)")
            #expect(e.description.contains(message), "\(e)")
            #expect(e.description.contains("bad.yaml"))
        }
    }

    @Test func templatesFillFieldsAsPlainText() {
        let template = Template("{title} · Page {page} of {pages} {not a field}")
        #expect(template.fields == ["title", "page", "pages"])
        #expect(template.render(["title": "{page}", "page": "2", "pages": "3"]) == "{page} · Page 2 of 3 {not a field}")
        // Braces around anything but a plain lowercase name stay as they are.
        let odd = Template("{{page}} {Page} {9a} {a-b} { } {} {page")
        #expect(odd.fields == ["page"])
        #expect(odd.render(["page": "2"]) == "{2} {Page} {9a} {a-b} { } {} {page")
    }

    @Test func languageTagsAndVariantFileNames() {
        for tag in ["en", "es", "pt-BR", "zh-Hant-TW", "haw"] { #expect(Languages.isTag(tag), "\(tag)") }
        for tag in ["", "e", "engl", "es-", "es_US", "-es", "e1", "es-123456789"] { #expect(!Languages.isTag(tag), "\(tag)") }
        #expect(ContentLibrary.variant(ofFileName: "epidural.es.md")! == ("epidural", "es"))
        #expect(ContentLibrary.variant(ofFileName: "epidural.pt-br.md")! == ("epidural", "pt-br"))
        for name in ["epidural.md", "notes.v2.md", "plan.final.md", ".es.md", "a.ES.md"] {
            #expect(ContentLibrary.variant(ofFileName: name) == nil, "\(name)")
        }
    }

    @Test func datesAreReproducibleAndNeverMadeUp() throws {
        let fixed = try DocumentDate.resolve(updated: nil, environment: ["SOURCE_DATE_EPOCH": "1764547200"])
        #expect(fixed?.iso == "2025-12-01T00:00:00Z")
        let updated = try DocumentDate.resolve(updated: CalendarDate(iso: "2026-11-15"), environment: [:])
        #expect(updated?.iso == "2026-11-15T00:00:00Z")
        #expect(try DocumentDate.resolve(updated: nil, environment: [:]) == nil)
        #expect(throws: HandoutError.self) { try DocumentDate.resolve(updated: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]) }
    }

    @Test func aSeparatorNextToAnEmptyFieldIsLeftOut() {
        let footer = Template("{title} · {reviewed} · Page {page} of {pages}")
        #expect(footer.render(["title": "A", "reviewed": "Reviewed May 2026", "page": "1", "pages": "2"]) == "A · Reviewed May 2026 · Page 1 of 2")
        #expect(footer.render(["title": "A", "reviewed": "", "page": "1", "pages": "2"]) == "A · Page 1 of 2")
        #expect(Template("{clinic} · {phone}").render(["clinic": "C", "phone": ""]) == "C")
        #expect(Template("{phone} · {clinic}").render(["clinic": "C", "phone": ""]) == "C")
    }
}

/// The shipped layouts keep to patient-education guidance on type.
@Suite struct ShippedLayoutTests {
    let loader = ThemeLoader(folders: [TestSupport.packageRoot.appendingPathComponent("Layouts")])

    func size(_ font: String) -> Double {
        Double(font.split(separator: " ").last ?? "") ?? 0
    }

    @Test(arguments: ["letter", "a4", "half-letter", "large-print"])
    func noTypeBelowNinePointsAndHeadingsStandOut(layout: String) throws {
        let theme = try loader.load(layout)
        #expect(size(theme.fonts.small) >= 9)
        #expect(size(theme.fonts.heading) >= 1.3 * size(theme.fonts.body))
        #expect(size(theme.fonts.heading) * theme.metrics.headings.subheadingScale > size(theme.fonts.body))
    }

    @Test func largePrintSetsEverythingAtSixteenPointsOrMoreInBlack() throws {
        let theme = try loader.load("large-print")
        for role in Theme.Fonts.roles { #expect(size(theme.fonts[role]) >= 16, "\(role)") }
        #expect(theme.summaryStyle == .plain)
        let letter = try loader.load("letter")
        #expect(size(letter.fonts.body) == 12)
    }
}
