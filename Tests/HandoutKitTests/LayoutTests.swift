import HandoutBindings
import Testing
@testable import HandoutKit

/// Pagination rules, checked on fake-measured text: no fonts, no drawing.
@Suite struct LayoutTests {
    let shaper = FakeShaper()

    /// A theme whose body holds exactly `lines` lines of 10 pt text at spacing 1.
    func theme(lines: Int) -> Theme {
        var theme = Theme.standard
        theme.fonts.body = "Test 10"
        theme.fonts.heading = "Test 10"
        theme.lineSpacing = 1
        theme.paragraphSpacing = 0
        theme.pageSize = Size(width: 400, height: Double(lines * 10) + 100)
        theme.margins = .init(top: 50, bottom: 50, left: 50, right: 50)
        return theme
    }

    /// A paragraph that wraps to exactly `count` lines in a 300 pt column (60 characters a line).
    func paragraph(_ count: Int, tag: String) -> Block {
        let line = String(repeating: "x", count: 55)
        return .paragraph(StyledText((0..<count).map { "\(tag)\($0) \(line)" }.joined(separator: " ")))
    }

    func paginate(_ blocks: [Block], lines: Int) -> [Page] {
        let theme = theme(lines: lines)
        let boxes = Typesetter(theme: theme, shaper: shaper).boxes(for: blocks)
        return Paginator(pageSize: theme.pageSize, body: theme.bodyRect).paginate(boxes)
    }

    @Test func paragraphSplitsLineByLineWithTwoLinesEachSide() {
        // 6 lines fill page 1 except 3 lines; a 5-line paragraph must split 3 | 2.
        let pages = paginate([paragraph(6, tag: "a"), paragraph(5, tag: "b")], lines: 9)
        #expect(pages.count == 2)
        #expect(pages[0].fakeLines.filter { $0.hasPrefix("b") }.count == 3)
        #expect(pages[1].fakeLines.filter { $0.hasPrefix("b") }.count == 2)
    }

    @Test func noOrphanMovesWholeParagraph() {
        // Only one line of room: the paragraph's first line would be an orphan, so it all moves.
        let pages = paginate([paragraph(8, tag: "a"), paragraph(4, tag: "b")], lines: 9)
        #expect(pages[0].fakeLines.allSatisfy { $0.hasPrefix("a") })
        #expect(pages[1].fakeLines.filter { $0.hasPrefix("b") }.count == 4)
    }

    @Test func noWidowLeavesAtLeastTwoLines() {
        // 5 lines of room and a 6-line paragraph: 5 | 1 would leave a widow, so 4 | 2.
        let pages = paginate([paragraph(4, tag: "a"), paragraph(6, tag: "b")], lines: 9)
        #expect(pages[0].fakeLines.filter { $0.hasPrefix("b") }.count == 4)
        #expect(pages[1].fakeLines.filter { $0.hasPrefix("b") }.count == 2)
    }

    /// A heading is kept whole, but one taller than a page (hundreds of words, a damaged file)
    /// breaks like a paragraph: drawn whole, it ran off the foot of the page and lost its lines.
    @Test func aHeadingTallerThanAPageBreaksInsteadOfRunningOff() {
        let words = (0..<25).map { "h\($0) " + String(repeating: "x", count: 55) }.joined(separator: " ")
        let pages = paginate([paragraph(2, tag: "a"), .heading(level: 2, StyledText(words)), paragraph(3, tag: "b")], lines: 10)
        let heading = pages.flatMap(\.fakeLines).filter { $0.hasPrefix("h") }
        #expect(heading.count == 25)
        #expect(pages.allSatisfy { $0.fakeLines.count <= 10 }, "\(pages.map(\.fakeLines.count))")
    }

    @Test func headingIsNeverLastOnAPage() {
        // The heading fits after 7 lines, but its paragraph's first two lines do not: it moves.
        let heading = Block.heading(level: 2, StyledText("Section"))
        let pages = paginate([paragraph(7, tag: "a"), heading, paragraph(4, tag: "b")], lines: 10)
        #expect(pages.count == 2)
        #expect(pages[0].roles == ["P"])
        #expect(pages[1].roles.first == "H2")
    }

    @Test func calloutMovesWholeNeverSplits() {
        let callout = Block.callout([paragraph(3, tag: "c")])
        let pages = paginate([paragraph(7, tag: "a"), callout], lines: 10)
        #expect(pages.count == 2)
        #expect(pages[0].fakeLines.allSatisfy { $0.hasPrefix("a") })
        #expect(pages[1].fakeLines.filter { $0.hasPrefix("c") }.count == 3)
    }

    @Test func figureShrinksToTheRoomLeftRatherThanLeaveAGap() {
        // 72 pt of room: the 100 pt placeholder (300 pt wide, 3:1) fits at 70 %, not whole.
        let placeholder = Block.figure(Figure(caption: "Art", image: nil, line: 1))
        let pages = paginate([paragraph(12, tag: "a"), placeholder], lines: 20)
        #expect(pages.count == 1)
        #expect(pages[0].roles == ["P", "Figure"])
        // Less room than 60 % of it: the figure moves whole to the next page.
        let moved = paginate([paragraph(15, tag: "a"), placeholder], lines: 20)
        #expect(moved.count == 2)
        #expect(moved[1].roles == ["Figure"])
    }

    @Test func paragraphLongerThanAPageRunsOn() {
        let pages = paginate([paragraph(25, tag: "a")], lines: 10)
        #expect(pages.count == 3)
        #expect(pages.map { $0.fakeLines.count } == [10, 10, 5])
    }

    @Test func longHandoutGetsRunningHeaderAndPageXofY() throws {
        var theme = theme(lines: 20)
        theme.header = Template("{clinic}")
        theme.footer = Template("{title} · Page {page} of {pages}")
        var blocks: [Block] = []
        for section in 0..<6 {
            blocks.append(.heading(level: 2, StyledText("Section \(section)")))
            blocks.append(paragraph(5, tag: "s\(section)p"))
            blocks.append(.list(ordered: false, start: 1, items: [[paragraph(1, tag: "i")], [paragraph(2, tag: "j")]]))
        }
        let procedure = Procedure(
            slug: "long", title: "Long", summary: nil, category: nil, language: "en", updated: nil,
            blocks: blocks, file: "long.md", contentDigest: 0)
        let clinic = Clinic(name: "Clinic", phone: "1", website: "w", address: "a", disclaimer: "d")
        let document = try HandoutLayout(theme: theme, shaper: shaper)
            .layout(procedure, clinic: clinic, date: CalendarDate(year: 2026, month: 1, day: 2)!)
        #expect(document.pages.count >= 3)
        for (index, page) in document.pages.enumerated() {
            #expect(page.roles.last != "H2", "page \(index + 1) ends with a heading")
            let furniture = page.furniture.compactMap { item -> String? in
                if case let .text(shaped, _, _, _, _) = item { return (shaped as? FakeShapedText)?.lineTexts.joined() }
                return nil
            }
            #expect(furniture.contains("Clinic"))
            #expect(furniture.contains("Long · Page \(index + 1) of \(document.pages.count)"))
        }
        // Every paragraph's lines appear once, in order, across pages.
        let all = document.pages.flatMap(\.fakeLines).filter { $0.hasPrefix("s") }
        #expect(all.count == 30)
        #expect(all == all.sorted { a, b in a.prefix(4) < b.prefix(4) || (a.prefix(4) == b.prefix(4) && a < b) })
    }
}

/// Page order and labels for booklets: pure arithmetic.
@Suite struct BookletPlanTests {
    @Test func saddleStitchOrder() {
        let eight = SaddleStitchRenderer.order(pageCount: 8).map { [$0.left, $0.right] }
        #expect(eight == [[8, 1], [2, 7], [6, 3], [4, 5]])
        let five = SaddleStitchRenderer.order(pageCount: 5).map { [$0.left, $0.right] }
        #expect(five == eight)  // padded to 8
        #expect(SaddleStitchRenderer.order(pageCount: 12).count == 6)
    }

    @Test func startOnRightAddsBlanksAndKeepsLabelsInStep() {
        var plan = PagePlan(startOnRight: true)
        plan.add(.cover(0))
        plan.add(.contents(0))
        plan.startBody()                       // page 3 is a right-hand page: no blank
        plan.startSection()
        plan.add(.section(0, 0))               // page 3
        plan.startSection()                    // page 4 would be a left page: blank
        plan.add(.section(1, 0))               // page 5
        plan.add(.section(1, 1))               // page 6
        plan.endBody()                         // page 7 would be right: blank, so the back is page 8
        plan.add(.back(0))
        #expect(plan.slots == [.cover(0), .contents(0), .section(0, 0), .blank, .section(1, 0), .section(1, 1), .blank, .back(0)])
        #expect(plan.labels == ["i", "ii", "1", "2", "3", "4", "5", "6"])
        #expect(PagePlan.roman(14) == "xiv")
    }
}

/// What a link looks like on paper.
@Suite struct PrintedAddressTests {
    func link(_ words: String, _ url: String, before: String = "See ", after: String = " today.") -> StyledText {
        var text = StyledText(before + words + after)
        let start = before.utf8.count
        text.links = [StyledText.Link(start: start, end: start + words.utf8.count, url: url)]
        text.runs = [TextRun(start: 0, end: text.text.utf8.count, italic: true)]
        return text
    }

    @Test func anAddressFollowsTheWordsInSmallerType() {
        let printed = Typesetter.withPrintedAddresses(link("our page", "https://www.example.org/resources/"), scale: 0.8)
        #expect(printed.text == "See our page (example.org/resources) today.")
        #expect(printed.links.map { String(printed.text.utf8.dropFirst($0.start).prefix($0.end - $0.start))! } == ["our page"])
        let small = printed.runs.first { $0.scale == 0.8 }
        #expect(small.map { String(printed.text.utf8.dropFirst($0.start).prefix($0.end - $0.start))! } == " (example.org/resources)")
        // The sentence's own style takes the address in.
        #expect(printed.runs.first { $0.italic }?.end == printed.text.utf8.count)
    }

    @Test func wordsThatAreTheAddressAndInternalLinksStayAsTheyAre() {
        for text in [link("example.org", "https://example.org"), link("https://example.org", "https://example.org"), link("Contents", "#top")] {
            #expect(Typesetter.withPrintedAddresses(text, scale: 0.8) == text)
        }
        #expect(Typesetter.withPrintedAddresses(link("write to us", "mailto:help@example.org"), scale: 0.8).text == "See write to us (help@example.org) today.")
    }
}
