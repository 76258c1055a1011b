/// A bookmark: a title opening a page, with the bookmarks under it.
public struct OutlineEntry: Equatable, Sendable {
    public var title: String
    /// 1-based page the bookmark opens.
    public var page: Int
    public var children: [OutlineEntry] = []
    public var open = false
}

/// A document laid out: finished pages, ready for any renderer.
public struct LaidOutDocument {
    public var pages: PageList
    /// Page labels ("i", "ii", "1", …); nil when pages are simply numbered from 1.
    public var labels: [String]?
    public var outline: [OutlineEntry]
    /// Characters that no installed font could draw.
    public var missingGlyphs: Int
}

/// Shaped boxes that do not depend on the patient, kept for the next copy of the same handout.
/// One per rendering thread, like the shaper whose text it holds. Keys carry digests of the
/// handout and the clinic profile, so an edited file is never served from here.
public final class BoxCache {
    struct Handout {
        var title: [FlowBox]
        var body: [FlowBox]
        var headings: [(anchor: String, title: String)]
    }

    /// More than this many versions of handouts, and the cache starts again (a server whose
    /// content is edited all day would otherwise keep every version).
    static let limit = 256

    var handouts: [String: Handout] = [:]
    var disclaimers: [UInt64: FlowBox] = [:]

    public init() {}
}

/// Lays out one handout: title, the patient's details when personalized, body and disclaimer,
/// paginated, with header and footer.
public struct HandoutLayout {
    public var theme: Theme
    public var shaper: TextShaper
    /// Reused boxes; nil lays everything out afresh.
    public var cache: BoxCache?
    /// The fixed words, in the handout's language.
    public var strings: StringCatalog = .english

    /// Structure ids of the patient's boxes and the disclaimer, clear of the handout's own.
    static let personalTagIDs = 1 << 40
    static let disclaimerTagIDs = 1 << 41
    /// Most pages one Markdown file may fill. A patient handout is a few pages; drawing and
    /// finishing cost about 5 ms and 0.3 MB a page, so at this many any file is done (or
    /// refused) within seconds and a few hundred megabytes, the 4 MB a file may hold included.
    public static let maximumPages = 300

    /// The boxes of `blocks`, stopped with an error naming the line where they run past
    /// `maximumPages` pages of this layout.
    static func boxes(for blocks: [Block], lines: [Int], file: String, typesetter: Typesetter) throws -> [FlowBox] {
        typesetter.heightBudget = Double(maximumPages) * typesetter.theme.bodyRect.height
        let boxes = typesetter.boxes(for: blocks)
        guard let index = typesetter.budgetRanOutAt else { return boxes }
        throw HandoutError(
            file: file, line: index < lines.count ? lines[index] : nil,
            "this runs past about \(maximumPages) pages by here, more than Handout lays out from one file; split it into shorter handouts")
    }

    public init(theme: Theme, shaper: TextShaper, cache: BoxCache? = nil) {
        self.theme = theme
        self.shaper = shaper
        self.cache = cache
    }

    /// A handout's boxes from title to disclaimer; the title box carries `anchor`, each `##`
    /// heading `anchor` + "." + its number. `procedure` and `clinic` are already personalized.
    public func boxes(_ procedure: Procedure, clinic: Clinic, anchor: String, patient: Patient? = nil) throws -> (boxes: [FlowBox], headings: [(anchor: String, title: String)]) {
        let main = try mainBoxes(procedure, clinic: clinic, anchor: anchor, patient: patient)
        var personal: [FlowBox] = []
        if let patient {
            let typesetter = Typesetter(theme: theme, shaper: shaper, language: procedure.language, strings: strings, firstTagID: Self.personalTagIDs)
            personal.append(typesetter.preparedForBox(patient))
            if let notes = patient.notes { personal += typesetter.notesBoxes(notes) }
        }
        return (main.title + personal + main.body + [disclaimer(clinic, patient: patient)], main.headings)
    }

    /// Whether text with these `{{field}}`s reads the same in every copy of this kind: the
    /// generic copy always does; a personal one only when it uses clinic fields alone.
    static func isSameForEveryCopy(_ references: [FieldReference], patient: Patient?) -> Bool {
        patient == nil || references.allSatisfy(\.isClinicField)
    }

    private func mainBoxes(_ procedure: Procedure, clinic: Clinic, anchor: String, patient: Patient?) throws -> BoxCache.Handout {
        let key = "\(procedure.slug)#\(anchor)#\(procedure.contentDigest)#\(clinic.contentDigest)#\(strings.digest)"
        let cacheable = Self.isSameForEveryCopy(procedure.fieldReferences, patient: patient)
        if cacheable, let known = cache?.handouts[key] { return known }
        let typesetter = Typesetter(theme: theme, shaper: shaper, language: procedure.language, strings: strings)
        typesetter.headingAnchorPrefix = anchor + "."
        var title = typesetter.titleBoxes(title: procedure.title, summary: procedure.summary)
        title[0].anchor = anchor
        let body = try Self.boxes(for: procedure.blocks, lines: procedure.blockLines, file: procedure.file, typesetter: typesetter)
        var headings = typesetter.anchoredHeadings
        if let titles = procedure.outlineTitles, titles.count == headings.count {
            for index in headings.indices { headings[index].title = titles[index] }
        }
        let made = BoxCache.Handout(title: title, body: body, headings: headings)
        if cacheable, let cache {
            if cache.handouts.count >= BoxCache.limit { cache.handouts.removeAll() }
            cache.handouts[key] = made
        }
        return made
    }

    private func disclaimer(_ clinic: Clinic, patient: Patient?) -> FlowBox {
        let cacheable = Self.isSameForEveryCopy(clinic.fieldReferences, patient: patient)
        // A generic copy and a personal one differ where the profile uses patient fields.
        let key = (clinic.contentDigest ^ strings.digest) &+ (patient == nil ? 1 : 0)
        if cacheable, let known = cache?.disclaimers[key] { return known }
        let made = Typesetter(theme: theme, shaper: shaper, language: strings.language, strings: strings, firstTagID: Self.disclaimerTagIDs).disclaimerBox(clinic: clinic)
        if cacheable, let cache {
            if cache.disclaimers.count >= BoxCache.limit { cache.disclaimers.removeAll() }
            cache.disclaimers[key] = made
        }
        return made
    }

    public func layout(_ procedure: Procedure, clinic: Clinic, date: CalendarDate?, patient: Patient? = nil) throws -> LaidOutDocument {
        let (boxes, headings) = try boxes(procedure, clinic: clinic, anchor: "top", patient: patient)
        var pages = Paginator(pageSize: theme.pageSize, body: theme.bodyRect).paginate(boxes)
        var fields = patient?.displayValues(strings.dates) ?? [:]
        fields.merge([
            "title": procedure.title, "clinic": clinic.name, "date": date.map(strings.dates.long) ?? "",
            "reviewed": procedure.updated.map { strings.text(.reviewed, ["month_year": strings.dates.monthAndYear($0)]) } ?? "",
            "summary": procedure.summary ?? "", "category": procedure.category ?? "",
            "phone": clinic.phone, "after_hours_phone": clinic.afterHoursPhone ?? "", "website": clinic.website,
        ]) { $1 }
        PageFurniture(theme: theme, shaper: shaper).apply(to: &pages, fields: fields, strings: strings)
        let outline = headings.compactMap { heading in
            pages.firstIndex { $0.anchors.contains(heading.anchor) }.map { OutlineEntry(title: heading.title, page: $0 + 1) }
        }
        return LaidOutDocument(pages: PageList(pages), labels: nil, outline: outline, missingGlyphs: Self.missingGlyphs(in: boxes))
    }

    static func missingGlyphs(in boxes: [FlowBox]) -> Int {
        boxes.reduce(0) { total, box in
            if case let .lines(lines) = box.content { return total + lines.shaped.missingGlyphs }
            return total
        }
    }
}
