import HandoutBindings

/// Lays out a booklet: cover, contents, part intros, handouts and back page, each section on a new
/// page; the contents are filled in only after the body is paginated, so its numbers are right.
public struct BookletLayout {
    public var theme: Theme
    public var shaper: TextShaper
    /// The booklet's own words (cover, contents, part labels, back page), in its language.
    public var strings: StringCatalog
    /// The words of each handout by its language, when it differs from the booklet's.
    public var catalogs: [String: StringCatalog]

    public init(theme: Theme, shaper: TextShaper, strings: StringCatalog = .english, catalogs: [String: StringCatalog] = [:]) {
        self.theme = theme
        self.shaper = shaper
        self.strings = strings
        self.catalogs = catalogs
    }

    /// A typesetter for the booklet's own pages, in its language.
    private func typesetter(firstTagID: Int = 0) -> Typesetter {
        Typesetter(theme: theme, shaper: shaper, language: strings.language, strings: strings, firstTagID: firstTagID)
    }

    /// How many pages of sections the first pass keeps for drawing. A booklet up to this size is
    /// laid out once; past it, the rest are laid out again when drawn, so a booklet of a hundred
    /// handouts never holds all its pages at once. Laying a section out is most of a booklet's
    /// time; keeping 48 pages of positioned items cost about a megabyte of peak memory.
    static let keptPages = 48

    /// A run of pages that starts on a new page: a part intro or a handout. Its page count and
    /// anchors are kept, and its pages while `keptPages` allows; others are laid out again when
    /// drawn (`make` makes them).
    struct Section {
        var title: String
        var anchor: String
        /// 0 for a part, or a handout in an untitled part; 1 for a handout inside a titled part.
        var level: Int
        /// A handout's language; nil for a part, which is in the booklet's.
        var language: String? = nil
        var make: () throws -> (boxes: [FlowBox], headings: [(anchor: String, title: String)])
        var pageAnchors: [[String]] = []
        var headings: [(anchor: String, title: String)] = []
        var missingGlyphs = 0
    }

    /// `procedures` and `clinic` are already personalized when `patient` is given; the cover then
    /// carries the patient's details and notes instead of the illustration.
    public func layout(_ booklet: Booklet, procedures: [String: Procedure], clinic: Clinic, date: CalendarDate?, patient: Patient? = nil) throws -> LaidOutDocument {
        let paginator = Paginator(pageSize: theme.pageSize, body: theme.bodyRect)
        var sections = makeSections(booklet, procedures: procedures, clinic: clinic)
        var kept: [Int: [Page]] = [:], keptCount = 0
        for index in sections.indices {
            let (boxes, headings) = try sections[index].make()
            let pages = paginator.paginate(boxes)
            sections[index].pageAnchors = pages.map(\.anchors)
            sections[index].headings = headings
            sections[index].missingGlyphs = HandoutLayout.missingGlyphs(in: boxes)
            if keptCount + pages.count <= Self.keptPages {
                kept[index] = pages
                keptCount += pages.count
            }
        }

        // Lay out the contents once to learn how many pages it takes (numbers do not change that),
        // then place everything, then fill the contents in with the real page numbers.
        let entries = sections.map { (level: $0.level, title: $0.title, anchor: $0.anchor) }
        let contentsCount = contentsPages(entries, numbers: [:], paginator: paginator).count
        let cover = coverPages(booklet, clinic: clinic, patient: patient, paginator: paginator)
        let back = backPages(booklet, clinic: clinic, paginator: paginator)
        var plan = PagePlan(startOnRight: theme.bookletStartOnRight)
        for index in cover.indices { plan.add(.cover(index)) }
        for index in 0..<contentsCount { plan.add(.contents(index)) }
        plan.startBody()
        for (s, section) in sections.enumerated() {
            plan.startSection()
            for p in section.pageAnchors.indices { plan.add(.section(s, p)) }
        }
        plan.endBody()
        for index in back.indices { plan.add(.back(index)) }

        var anchorPages: [String: Int] = [:]
        for (physical, slot) in plan.slots.enumerated() {
            guard case let .section(s, p) = slot else { continue }
            for anchor in sections[s].pageAnchors[p] { anchorPages[anchor] = physical }
        }
        let labels = plan.labels
        let contents = contentsPages(entries, numbers: anchorPages.mapValues { labels[$0] }, paginator: paginator)

        let furniture = PageFurniture(theme: theme, shaper: shaper)
        var fields = patient?.displayValues(strings.dates) ?? [:]
        fields.merge([
            "booklet": booklet.title, "clinic": clinic.name, "date": date.map(strings.dates.long) ?? "", "edition": booklet.edition ?? "",
            "phone": clinic.phone, "after_hours_phone": clinic.afterHoursPhone ?? "", "website": clinic.website,
        ]) { $1 }
        func withFurniture(_ page: Page, section: String, label: String) -> Page {
            var values = fields
            values["section"] = section
            values["page"] = label
            var page = page
            page.furniture = furniture.items(header: theme.bookletHeader.render(values), footer: theme.bookletFooter.render(values))
            return page
        }
        let cache = SectionCache(sections: sections, paginator: paginator, kept: kept)
        let slots = plan.slots
        let pages = PageList(count: slots.count) { physical in
            switch slots[physical] {
            case let .cover(index): return cover[index].scopingTags(to: 1)
            case let .back(index): return back[index].scopingTags(to: 2)
            case .blank: return Page(size: theme.pageSize)
            case let .contents(index):
                return withFurniture(contents[index], section: strings.text(.contents), label: labels[physical]).scopingTags(to: 3)
            case let .section(s, p):
                var page = withFurniture(cache.pages(of: s)[p], section: sections[s].title, label: labels[physical])
                page.language = sections[s].language
                return page.scopingTags(to: 4 + s)
            }
        }
        let contentsPage = slots.firstIndex { if case .contents = $0 { true } else { false } }
        return LaidOutDocument(
            pages: pages, labels: labels,
            outline: outline(sections, anchorPages: anchorPages, contentsPage: contentsPage),
            missingGlyphs: sections.reduce(0) { $0 + $1.missingGlyphs })
    }

    // MARK: Sections

    private func makeSections(_ booklet: Booklet, procedures: [String: Procedure], clinic: Clinic) -> [Section] {
        var sections: [Section] = []
        var handoutNumber = 0
        let theme = theme, shaper = shaper, strings = strings, catalogs = catalogs
        for (p, part) in booklet.parts.enumerated() {
            if let title = part.title {
                let anchor = "part\(p + 1)"
                sections.append(Section(title: title, anchor: anchor, level: 0) {
                    let typesetter = Typesetter(theme: theme, shaper: shaper, language: strings.language, strings: strings)
                    let boxes = [typesetter.textBox(
                        StyledText(strings.text(.part, ["number": "\(p + 1)"])), style: typesetter.smallStyle, color: theme.accent,
                        tags: [], before: 0, after: 4, keepWithNext: true, breakable: false)]
                    var titleBoxes = typesetter.titleBoxes(title: title, summary: nil)
                    titleBoxes[0].anchor = anchor
                    let intro = try HandoutLayout.boxes(
                        for: part.intro, lines: part.introLines, file: part.introFile.map(DisplayPath.of) ?? "the booklet", typesetter: typesetter)
                    return (boxes + titleBoxes + intro, [])
                })
            }
            for slug in part.procedures {
                guard let procedure = procedures[slug] else { continue }
                handoutNumber += 1
                let anchor = "handout\(handoutNumber)"
                var layout = HandoutLayout(theme: theme, shaper: shaper)
                layout.strings = catalogs[procedure.language] ?? strings
                sections.append(Section(title: procedure.title, anchor: anchor, level: part.title == nil ? 0 : 1, language: procedure.language) {
                    try layout.boxes(procedure, clinic: clinic, anchor: anchor)
                })
            }
        }
        return sections
    }

    /// Parts open their handouts, handouts their `##` headings.
    private func outline(_ sections: [Section], anchorPages: [String: Int], contentsPage: Int?) -> [OutlineEntry] {
        var result: [OutlineEntry] = []
        if let contentsPage { result.append(OutlineEntry(title: strings.text(.contents), page: contentsPage + 1)) }
        for section in sections {
            guard let page = anchorPages[section.anchor] else { continue }
            var entry = OutlineEntry(title: section.title, page: page + 1, open: section.level == 0)
            entry.children = section.headings.compactMap { heading in
                anchorPages[heading.anchor].map { OutlineEntry(title: heading.title, page: $0 + 1) }
            }
            if section.level == 1, !result.isEmpty, result[result.count - 1].open {
                result[result.count - 1].children.append(entry)
            } else {
                entry.open = true
                result.append(entry)
            }
        }
        return result
    }

    // MARK: Contents

    /// The contents pages; `numbers` maps anchors to printed page numbers (blank while measuring).
    func contentsPages(_ entries: [(level: Int, title: String, anchor: String)], numbers: [String: String], paginator: Paginator) -> [Page] {
        let typesetter = self.typesetter()
        var boxes = typesetter.titleBoxes(title: strings.text(.contents), summary: nil)
        let tocTag = typesetter.tag(.contents)
        let numberWidth = theme.metrics.booklet.contentsNumberWidth
        for entry in entries {
            let indent = entry.level == 0 ? 0 : theme.metrics.booklet.contentsIndent
            let titleWidth = typesetter.width - indent - numberWidth - 12
            var text = StyledText(entry.title)
            if entry.level == 0 { text = text.styled { $0.bold = true } }
            let shaped = shaper.shape(text, style: typesetter.bodyStyle, width: titleWidth)
            var numberStyle = typesetter.bodyStyle
            numberStyle.alignment = .right
            // A space before the number, so that the entry reads "Epidural Steroid Injection 2".
            let number = shaper.shape(StyledText(numbers[entry.anchor].map { " " + $0 } ?? ""), style: numberStyle, width: numberWidth)
            let last = shaped.lines.count - 1
            let baseline = shaped.lines[last].baseline
            let numberX = typesetter.width - numberWidth
            let dotsStart = indent + shaped.lineWidth(last) + 6
            var items: [PageItem] = [
                .text(shaped, lines: 0..<shaped.lines.count, origin: Point(x: indent, y: 0), color: .text),
                .text(number, lines: 0..<1, origin: Point(x: numberX, y: baseline - number.lines[0].baseline), color: .text),
            ]
            if dotsStart < numberX + numberWidth - number.lineWidth(0) - 8 {
                items.insert(.dots(
                    from: Point(x: dotsStart, y: baseline), to: Point(x: numberX + numberWidth - number.lineWidth(0) - 6, y: baseline),
                    .muted), at: 1)
            }
            // The entry's words, leader and page number all inside its link, inside its TOCI.
            let link = PageItem.link(
                .destination(entry.anchor), rects: [Rect(x: indent, y: 0, width: typesetter.width - indent, height: shaped.height)],
                text: strings.text(.contentsEntry, ["title": entry.title, "page": numbers[entry.anchor] ?? ""]), content: items)
            boxes.append(FlowBox(
                content: .solid(height: shaped.height, items: [.tagged(.reference, [link])]),
                tags: [tocTag, typesetter.tag(.contentsItem)],
                spaceBefore: entry.level == 0 ? theme.metrics.booklet.spaceBeforePartEntry : theme.metrics.booklet.spaceBeforeHandoutEntry, spaceAfter: 0))
        }
        return paginator.paginate(boxes)
    }

    // MARK: Cover and back page

    /// The cover: clinic, title, subtitle and edition, then the patient's details and notes (or an
    /// illustration), with the clinic's contact details at the foot. Paginated like any page, so
    /// long notes run on to a second cover page instead of under the contact block.
    private func coverPages(_ booklet: Booklet, clinic: Clinic, patient: Patient?, paginator: Paginator) -> [Page] {
        let typesetter = self.typesetter()
        var boxes = [typesetter.textBox(
            StyledText(clinic.name.uppercased()), style: typesetter.smallStyle, color: theme.accent,
            tags: [typesetter.tag(.paragraph)], before: 0, after: theme.metrics.booklet.spaceAfterClinicName)]
        let bigTitle = TextStyle(font: Typesetter.scaled(theme.fonts.title, by: theme.metrics.booklet.coverTitleScale), lineSpacing: theme.metrics.lineSpacing.title)
        boxes.append(typesetter.textBox(StyledText(booklet.title), style: bigTitle, color: theme.accent, tags: [typesetter.tag(.heading1)], before: 0, after: 10))
        if let subtitle = booklet.subtitle {
            let style = TextStyle(font: Typesetter.scaled(theme.fonts.heading, by: theme.metrics.booklet.coverSubtitleScale), lineSpacing: theme.metrics.lineSpacing.subtitle)
            boxes.append(typesetter.textBox(StyledText(subtitle), style: style, color: .text, tags: [typesetter.tag(.paragraph)], before: 0, after: 8))
        }
        if let edition = booklet.edition {
            boxes.append(typesetter.textBox(StyledText(strings.text(.edition, ["edition": edition])), style: typesetter.bodyStyle, color: .muted, tags: [typesetter.tag(.paragraph)], before: 0, after: 24))
        }
        if let patient {
            let personal = self.typesetter(firstTagID: HandoutLayout.personalTagIDs)
            boxes.append(personal.preparedForBox(patient))
            if let notes = patient.notes { boxes += personal.notesBoxes(notes) }
        } else {
            boxes += typesetter.boxes(for: [.figure(Figure(caption: strings.text(.coverIllustration), image: nil, line: 0))])
        }
        var pages = paginator.paginate(boxes)
        // The contact block sits at the foot of the last cover page, on a page of its own if the
        // cover is full.
        let contact = contactBoxes(clinic, typesetter: typesetter)
        let (items, height) = Typesetter.stack(contact)
        let gap = theme.metrics.booklet.spaceAbovePinnedContact
        if pages[pages.count - 1].cursor + gap + height > theme.bodyRect.height { pages.append(Page(size: theme.pageSize)) }
        let body = theme.bodyRect
        pages[pages.count - 1].blocks.append(PlacedBlock(tags: [], items: items.map { $0.offsetBy(dx: body.x, dy: body.maxY - height) }))
        return pages
    }

    /// The back matter: how to reach the clinic, the edition and the disclaimer; paginated, so a
    /// long disclaimer is never cut off.
    private func backPages(_ booklet: Booklet, clinic: Clinic, paginator: Paginator) -> [Page] {
        let typesetter = self.typesetter()
        var boxes = [typesetter.textBox(
            StyledText(strings.text(.questions)), style: typesetter.headingStyle(level: 2), color: theme.accent,
            tags: [typesetter.tag(.heading2)], before: 0, after: 8)]
        boxes += contactBoxes(clinic, typesetter: typesetter)
        if let edition = booklet.edition {
            boxes.append(typesetter.textBox(
                StyledText("\(booklet.title) · " + strings.text(.edition, ["edition": edition])), style: typesetter.smallStyle, color: .muted,
                tags: [typesetter.tag(.paragraph)], before: 10, after: 0))
        }
        boxes.append(typesetter.disclaimerBox(clinic: clinic))
        return paginator.paginate(boxes)
    }

    private func contactBoxes(_ clinic: Clinic, typesetter: Typesetter) -> [FlowBox] {
        var name = StyledText(clinic.name).styled { $0.bold = true }
        name.append(StyledText("\n\(clinic.address)\n\(strings.text(.phone)) \(clinic.phone)\n\(clinic.website)"))
        return [typesetter.textBox(name, style: typesetter.bodyStyle, color: .text, tags: [typesetter.tag(.paragraph)], before: 0, after: 0)]
    }
}

/// The pages of the two sections drawn most recently: enough for drawing in order, and for a
/// saddle-stitch sheet, which pairs a page from the front with one from the back.
private final class SectionCache {
    let sections: [BookletLayout.Section]
    let paginator: Paginator
    /// Sections whose pages were kept from the first pass, by index.
    private let kept: [Int: [Page]]
    private var recent: [(index: Int, pages: [Page])] = []

    init(sections: [BookletLayout.Section], paginator: Paginator, kept: [Int: [Page]]) {
        self.sections = sections
        self.paginator = paginator
        self.kept = kept
    }

    func pages(of index: Int) -> [Page] {
        if let pages = kept[index] { return pages }
        if let hit = recent.first(where: { $0.index == index }) { return hit.pages }
        // `layout` made every section once already and would have thrown then: making one again
        // gives the same boxes.
        let pages = paginator.paginate((try? sections[index].make())?.boxes ?? [])
        recent.append((index, pages))
        if recent.count > 2 { recent.removeFirst() }
        return pages
    }
}
