import Foundation
import Testing
@testable import HandoutKit

/// The combined booklet: contents numbers, bookmarks, page labels, imposition, and bad definitions.
@Suite struct BookletTests {
    static let content = TestSupport.packageRoot.appendingPathComponent("Content")

    struct Built: Sendable {
        var pdf: URL
        var imposed: URL
        var result: TestSupport.Result
    }

    static func build(_ extra: [String] = [], content: URL = content) -> Built {
        let folder = try! TestSupport.temporaryFolder()
        let pdf = folder.appendingPathComponent("booklet.pdf")
        let result = try! TestSupport.handout(
            ["booklet", "--content", content.path, "--output", pdf.path, "--imposition", "saddle-stitch"] + extra)
        return Built(pdf: pdf, imposed: folder.appendingPathComponent("booklet-imposed.pdf"), result: result)
    }

    static let standard = build()

    /// Each page's label, from the PDF's /PageLabels as qpdf reports them.
    func labels(_ pdf: URL) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(try TestSupport.run("qpdf", ["--json", pdf.path]).stdout.utf8)) as! [String: Any]
        let ranges = json["pagelabels"] as! [[String: Any]]
        let count = try TestSupport.pageCount(pdf)
        var result: [String] = []
        for index in 0..<count {
            guard let range = ranges.last(where: { ($0["index"] as! Int) <= index }) else { result.append("\(index + 1)"); continue }
            let label = range["label"] as! [String: Any]
            let prefix = (label["/P"] as? String).map { String($0.dropFirst(2)) } ?? ""
            let start = (label["/St"] as? Int) ?? 1
            let n = start + index - (range["index"] as! Int)
            switch label["/S"] as? String {
            case "/D": result.append(prefix + "\(n)")
            case "/r": result.append(prefix + PagePlan.roman(n))
            default: result.append(prefix)
            }
        }
        return result
    }

    func outline(_ pdf: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(try TestSupport.run("qpdf", ["--json", pdf.path]).stdout.utf8)) as! [String: Any]
        return json["outlines"] as! [[String: Any]]
    }

    @Test func bookletAndImpositionAreValid() throws {
        let built = Self.standard
        #expect(built.result.status == 0, "\(built.result.stderr)")
        for file in [built.pdf, built.imposed] {
            #expect(try TestSupport.run("qpdf", ["--check", file.path]).status == 0, "\(file.lastPathComponent)")
        }
        let info = try TestSupport.info(built.pdf)
        #expect(info["Title"] == "Pain Relief Procedures")
        #expect(info["Author"] == "Riverside Interventional Radiology")
        #expect(info["Tagged"] == "yes")
        let cover = try TestSupport.text(built.pdf, page: 1)
        for needle in ["Pain Relief Procedures", "A guide for patients and families", "Edition 2026-12", "(555) 010-4400", "Cover illustration"] {
            #expect(cover.contains(needle), "cover lacks \(needle)")
        }
        let back = try TestSupport.text(built.pdf, page: try TestSupport.pageCount(built.pdf))
        #expect(back.contains("1200 River Road"))
        #expect(back.contains("Edition 2026-12"))
        #expect(back.contains("call 911 right away"))
    }

    @Test func labelsAreRomanThenArabicAndMatchThePrintedNumbers() throws {
        let pdf = Self.standard.pdf
        let labels = try labels(pdf)
        #expect(Array(labels.prefix(3)) == ["i", "ii", "1"])
        for (index, label) in labels.enumerated().dropFirst().dropLast() {
            let lines = try TestSupport.text(pdf, page: index + 1).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.last(where: { !$0.isEmpty && $0 != "\u{0C}" }) == label, "page \(index + 1) should print \(label)")
        }
    }

    /// Contents lines as (title, number), from the layout-preserving text of the contents page.
    func contentsEntries(_ pdf: URL) throws -> [(title: String, number: String)] {
        let text = try TestSupport.run("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf.path, "-"]).stdout
        return text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^\s*(.+?)\s{2,}(\d+)\s*$/) else { return nil }
            return (String(match.output.1), String(match.output.2))
        }
    }

    @Test func contentsNumbersAreThePagesWhereTitlesStart() throws {
        let pdf = Self.standard.pdf
        let labels = try labels(pdf)
        let entries = try contentsEntries(pdf)
        #expect(entries.count == 9)  // 2 parts, 7 handouts
        #expect(entries.first?.title == "Relief for back and nerve pain")
        for entry in entries {
            let index = try #require(labels.firstIndex(of: entry.number), "no page labelled \(entry.number)")
            let lines = try TestSupport.text(pdf, page: index + 1).split(separator: "\n").map(String.init)
            // The running header names the section; the title is the first thing under it
            // (a part page has "PART N" above it). The page before belongs to another section.
            #expect(lines.first == entry.title)
            let body = lines.dropFirst().filter { !$0.hasPrefix("PART ") && !$0.isEmpty }
            #expect(TestSupport.words(entry.title).starts(with: TestSupport.words(body.first ?? "")) && !body.isEmpty,
                    "page \(entry.number) starts with \(body.first ?? "nothing"), not \(entry.title)")
            let before = try TestSupport.text(pdf, page: index).split(separator: "\n").first.map(String.init)
            #expect(before != entry.title, "\(entry.title) already began on the page before")
        }
        // Each entry links to its own page, by a named destination.
        let json = try JSONSerialization.jsonObject(with: Data(try TestSupport.run("qpdf", ["--json", pdf.path]).stdout.utf8)) as! [String: Any]
        let objects = ((json["qpdf"] as! [Any])[1] as! [String: Any]).values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
        let links = objects.filter { $0["/Subtype"] as? String == "/Link" && $0["/Dest"] != nil }
        #expect(links.count == entries.count)
    }

    @Test func bookmarksArePartsThenHandoutsThenHeadings() throws {
        let pdf = Self.standard.pdf
        let top = try outline(pdf)
        #expect(top.map { $0["title"] as! String } == ["Contents", "Relief for back and nerve pain", "Palliative care"])
        let handouts = (top[1]["kids"] as! [[String: Any]]).map { $0["title"] as! String }
        #expect(handouts == [
            "Epidural Steroid Injection", "Facet Joint Injection and Denervation", "Percutaneous Discectomy",
            "Interspinous Spacer for Spinal Stenosis", "Spinal Cord Stimulation", "Targeted Drug Delivery (Pain Pump)",
        ])
        for part in top.dropFirst() {
            for handout in part["kids"] as! [[String: Any]] {
                let title = handout["title"] as! String
                let page = handout["destpageposfrom1"] as! Int
                #expect(try TestSupport.text(pdf, page: page).contains(title), "\(title) bookmark opens page \(page)")
                let headings = handout["kids"] as! [[String: Any]]
                #expect(!headings.isEmpty)
                for heading in headings {
                    let text = try TestSupport.text(pdf, page: heading["destpageposfrom1"] as! Int)
                    #expect(text.contains(heading["title"] as! String))
                }
            }
        }
    }

    @Test func smallBookletImposesSheetBySheet() throws {
        // Cover, contents, a handout of 2 to 4 pages and the back page: padded to 8 pages, with
        // the blanks before the back page.
        let built = Self.build(["--procedures", "radiofrequency-ablation"])
        #expect(built.result.status == 0, "\(built.result.stderr)")
        let count = try TestSupport.pageCount(built.pdf)
        try #require((5...8).contains(count), "\(count) pages")
        #expect(try TestSupport.pageCount(built.imposed) == 4)
        let original = try (1...count).map { TestSupport.words(try TestSupport.text(built.pdf, page: $0)) }
        let padded = Array(original.dropLast()) + Array(repeating: [], count: 8 - count) + [original[count - 1]]
        let size = try #require(try TestSupport.info(built.pdf)["Page size"]?.split(separator: " "))
        let width = Int(Double(size[0])!), height = Int(Double(size[2])!)
        let expected = [(8, 1), (2, 7), (6, 3), (4, 5)]
        for (side, pair) in expected.enumerated() {
            for (half, number) in [(0, pair.0), (1, pair.1)] {
                let text = try TestSupport.run("pdftotext", [
                    "-f", "\(side + 1)", "-l", "\(side + 1)", "-x", "\(half * width)", "-y", "0",
                    "-W", "\(width)", "-H", "\(height)", "-r", "72", built.imposed.path, "-",
                ]).stdout
                #expect(TestSupport.words(text) == padded[number - 1], "sheet side \(side + 1), \(half == 0 ? "left" : "right") should be page \(number)")
            }
        }
        // Still vector: text stays text, no page became a picture.
        let images = try TestSupport.run("pdfimages", ["-list", built.imposed.path]).stdout
        #expect(images.split(separator: "\n").count == 2)
    }

    @Test func adHocBookletKeepsTheGivenOrderInOnePart() throws {
        let built = Self.build(["--procedures", "spinal-cord-stimulation,epidural-steroid-injection"])
        #expect(built.result.status == 0, "\(built.result.stderr)")
        let entries = try contentsEntries(built.pdf)
        #expect(entries.map(\.title) == ["Spinal Cord Stimulation", "Epidural Steroid Injection"])
        #expect(try outline(built.pdf).map { $0["title"] as! String } == ["Contents", "Spinal Cord Stimulation", "Epidural Steroid Injection"])
        let unknown = Self.build(["--procedures", "spinal-cord-stimulation,nope"])
        #expect(unknown.result.status != 0)
        #expect(unknown.result.stderr.contains("nope.md"))
    }

    /// A misspelt slug in booklet.yaml names its line and the handout it most likely meant.
    @Test func aMisspeltSlugInTheBookletGetsADidYouMean() throws {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content"), to: content)
        let file = content.appendingPathComponent("booklet.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "      - facet-joint-injection\n", with: "      - facet-joint-injectoin\n")
        try Data(text.utf8).write(to: file)
        let result = try TestSupport.handout(["booklet", "--content", content.path, "--output", content.deletingLastPathComponent().appendingPathComponent("b.pdf").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("booklet.yaml:13: 'parts[1].procedures': 'facet-joint-injectoin' is not a handout in"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean `facet-joint-injection`?"), "\(result.stderr)")
    }

    @Test func startOnRightLeavesBlankLeftPages() throws {
        let folder = try TestSupport.temporaryFolder()
        let layout = folder.appendingPathComponent("duplex.yaml")
        try Data("booklet:\n  start_on_right: true\n".utf8).write(to: layout)
        let built = Self.build(["--layout", layout.path])
        #expect(built.result.status == 0, "\(built.result.stderr)")
        let pdf = built.pdf
        let count = try TestSupport.pageCount(pdf)
        #expect(count % 2 == 0, "the back page is a left-hand page")
        for page in try outline(pdf).dropFirst().flatMap({ [$0] + ($0["kids"] as! [[String: Any]]) }) {
            let number = page["destpageposfrom1"] as! Int
            #expect(number % 2 == 1, "\(page["title"] as! String) starts on page \(number), a left-hand page")
        }
    }

    @Test func longNotesRunOnToASecondCoverPageAboveTheContactDetails() throws {
        let notes = String(repeating: "Drink clear liquids until two hours before you come in. ", count: 35).prefix(1990)
        let built = Self.build([
            "--procedures", "epidural-steroid-injection", "--layout", "large-print", "--field", "patient_name=Maria López",
            "--field", "notes=\(notes)",
        ])
        #expect(built.result.status == 0, "\(built.result.stderr)")
        let first = try TestSupport.text(built.pdf, page: 1), second = try TestSupport.text(built.pdf, page: 2)
        #expect(first.contains("Maria López") && first.contains("Instructions for you"))
        #expect(!first.contains("1200 River Road"), "the contact block shares the page with notes that fill it")
        // The notes end on the second page, above the contact block at its foot.
        let words = TestSupport.words(second)
        let end = try #require(words.lastIndex(of: "come"))
        let contact = try #require(words.firstIndex(of: "River"))
        #expect(end < contact)
        #expect(try TestSupport.text(built.pdf, page: 3).contains("Contents"))
        #expect(try labels(built.pdf).prefix(3) == ["i", "ii", "iii"])
    }

    /// Runs `handout booklet` on a content copy with `booklet.yaml` replaced by `yaml`.
    func expectBookletError(_ yaml: String, mentions: [String]) throws {
        let content = try TestSupport.contentCopy()
        try Data(yaml.utf8).write(to: content.appendingPathComponent("booklet.yaml"))
        let output = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["booklet", "--content", content.path, "--output", output.appendingPathComponent("b.pdf").path])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        for needle in mentions { #expect(result.stderr.contains(needle), "'\(needle)' not in \(result.stderr)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func badBookletDefinitions() throws {
        try expectBookletError("title: B\nparts:\n  - title: P\n    procedures: [kitchen-sink, nope]\n",
                               mentions: ["booklet.yaml:4", "parts[1].procedures", "'nope'"])
        try expectBookletError("title: B\nparts:\n  - title: P\n    intro: parts/missing.md\n    procedures: [kitchen-sink]\n",
                               mentions: ["booklet.yaml:4", "parts[1].intro", "parts/missing.md"])
        try expectBookletError("title: B\nsubtitel: x\nparts:\n  - title: P\n    procedures: [kitchen-sink]\n",
                               mentions: ["booklet.yaml:2", "'subtitel'"])
        try expectBookletError("parts:\n  - title: P\n    procedures: [kitchen-sink]\n", mentions: ["booklet.yaml", "'title'"])
        try expectBookletError("title: B\n", mentions: ["booklet.yaml", "'parts'"])
        try expectBookletError("title: B\nparts:\n  - title: P\n    procedures: kitchen-sink\n", mentions: ["booklet.yaml:4", "must be a list"])
        try expectBookletError("title: B\nparts:\n  - title: P\n    pages: 3\n    procedures: [kitchen-sink]\n", mentions: ["booklet.yaml:4", "'parts[1].pages'"])
    }
}

/// A booklet to fold prints on the clinic's ordinary paper.
@Suite struct FoldingPaperTests {
    func sheetSize(_ pdf: URL) throws -> String {
        try TestSupport.info(pdf)["Page size"] ?? ""
    }

    @Test func halfSizePagesFoldFromTheClinicsOwnPaper() throws {
        let folder = try TestSupport.temporaryFolder()
        for (layout, paper) in [("half-letter", "792 x 612 pts (letter)"), ("a5", "841.89 x 595.276 pts (A4)")] {
            let pdf = folder.appendingPathComponent("\(layout).pdf")
            let result = try TestSupport.handout(["booklet", "--layout", layout, "--imposition", "saddle-stitch", "--output", pdf.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("--imposition"), "no paper warning for \(layout)")
            #expect(try sheetSize(folder.appendingPathComponent("\(layout)-imposed.pdf")).hasPrefix(paper), "\(layout)")
        }
        let letter = try TestSupport.handout(["booklet", "--imposition", "saddle-stitch", "--output", folder.appendingPathComponent("letter.pdf").path])
        #expect(letter.status == 0)
        #expect(letter.stderr.contains("warning: --imposition: Letter pages fold from 11 × 17 in (tabloid) sheets"), "\(letter.stderr)")
    }

    @Test func theDefaultCommandFoldsHalfLetterPagesForALetterClinic() throws {
        let project = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content"), to: project.appendingPathComponent("Content"))
        let result = try TestSupport.handout([], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let output = project.appendingPathComponent("Output")
        #expect(try sheetSize(output.appendingPathComponent("booklet.pdf")).hasPrefix("612 x 792 pts (letter)"))
        #expect(try sheetSize(output.appendingPathComponent("booklet-imposed.pdf")).hasPrefix("792 x 612 pts (letter)"))
        #expect(!result.stderr.contains("tabloid"))
    }
}
