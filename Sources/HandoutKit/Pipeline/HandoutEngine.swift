import Foundation
import HandoutBindings

/// Everything needed to render handouts with one layout: fonts checked, clinic read, Pango ready.
///
/// Build one per thread: it owns a Pango font system, which must not be shared between threads.
public final class HandoutEngine {
    public static let version = "0.1.0"

    public let workspace: Workspace
    public let library: ContentLibrary
    public let theme: Theme
    public let clinic: Clinic
    let shaper: PangoShaper

    /// Checks the layout and its fonts, then reads the clinic profile unless `readingClinic` is false
    /// (for commands that only inspect the layout).
    public init(workspace: Workspace, layout: String? = nil, readingClinic: Bool = true) throws {
        self.workspace = workspace
        library = ContentLibrary(workspace: workspace)
        try FontSetup.prepare(fontsFolder: workspace.fonts)
        theme = try ThemeLoader(layoutsDirectory: workspace.layouts).load(layout)
        shaper = PangoShaper(fonts: try FontSystem())
        try Self.checkFonts(theme, shaper: shaper)
        clinic = readingClinic
            ? try Clinic.load(from: workspace.clinicFile)
            : Clinic(name: "", phone: "", website: "", address: "", disclaimer: "")
    }

    /// What each font role resolves to, in role order.
    public func resolvedFonts() -> [(role: String, description: String, face: FontFace?)] {
        Theme.Fonts.roles.map { role in
            (role, theme.fonts[role], shaper.fonts.resolve(shaper.description(theme.fonts[role])))
        }
    }

    /// Lays out one handout into pages.
    public func layout(_ procedure: Procedure, date: CalendarDate) -> LaidOutDocument {
        HandoutLayout(theme: theme, shaper: shaper).layout(procedure, clinic: clinic, date: date)
    }

    /// Renders one handout to PDF bytes, adding any warnings about it.
    public func renderPDF(_ procedure: Procedure, warnings: inout [Warning]) throws -> (bytes: [UInt8], pages: Int) {
        let date = try DocumentDate.resolve(updated: procedure.updated, digest: procedure.contentDigest)
        let document = layout(procedure, date: date.day)
        if document.missingGlyphs > 0 {
            warnings.append(Warning(file: procedure.file, "\(document.missingGlyphs) character(s) have no glyph in the layout's fonts and print as boxes; add a font that covers them to Fonts/"))
        }
        let metadata = PDFMetadata(
            title: procedure.title, subject: procedure.summary, author: clinic.name,
            creator: "Handout \(Self.version)", created: date.iso, language: procedure.language)
        return (try PDFRenderer().render(document, metadata: metadata), document.pages.count)
    }

    /// The booklet `booklet.yaml` describes, or, given `slugs`, an ad hoc one of those handouts
    /// in that order (one untitled part, no intros) under the booklet's title when there is one.
    public func booklet(slugs: [String]? = nil, warnings: inout [Warning]) throws -> Booklet {
        let file = workspace.bookletFile
        guard let slugs else { return try Booklet.load(from: file, library: library, warnings: &warnings) }
        let defined = FileManager.default.fileExists(atPath: file.path)
            ? try Booklet.load(from: file, library: library, warnings: &warnings) : nil
        return Booklet(
            title: defined?.title ?? "Your procedures", subtitle: defined?.subtitle ?? "Prepared for you by \(clinic.name)",
            edition: defined?.edition, parts: [Booklet.Part(title: nil, intro: [], procedures: slugs)])
    }

    /// Renders a booklet to PDF bytes, and its saddle-stitch imposition when asked.
    public func renderBooklet(_ booklet: Booklet, imposed: Bool, warnings: inout [Warning]) throws -> (pdf: [UInt8], pages: Int, imposed: [UInt8]?) {
        var procedures: [String: Procedure] = [:]
        for slug in booklet.slugs where procedures[slug] == nil {
            procedures[slug] = try library.procedure(slug, warnings: &warnings)
        }
        let newest = procedures.values.compactMap(\.updated).max()
        let digest = procedures.values.map(\.contentDigest).reduce(Digest.fnv1a(Array(booklet.title.utf8)), ^)
        let date = try DocumentDate.resolve(updated: newest, digest: digest)
        let document = BookletLayout(theme: theme, shaper: shaper).layout(booklet, procedures: procedures, clinic: clinic, date: date.day)
        if document.missingGlyphs > 0 {
            warnings.append(Warning(file: DisplayPath.of(workspace.bookletFile), "\(document.missingGlyphs) character(s) have no glyph in the layout's fonts and print as boxes; add a font that covers them to Fonts/"))
        }
        let metadata = PDFMetadata(
            title: booklet.title, subject: booklet.subtitle, author: clinic.name,
            creator: "Handout \(Self.version)", created: date.iso, language: "en")
        let pdf = try PDFRenderer().render(document, metadata: metadata)
        let sheets = imposed ? try SaddleStitchRenderer().render(document.pages, metadata: metadata) : nil
        return (pdf, document.pages.count, sheets)
    }

    /// Renders page `page` (1-based) of a handout as PNG bytes.
    public func renderPNG(_ procedure: Procedure, page: Int, resolution: Double) throws -> [UInt8] {
        let date = try DocumentDate.resolve(updated: procedure.updated, digest: procedure.contentDigest)
        let document = layout(procedure, date: date.day)
        guard (1...document.pages.count).contains(page) else {
            throw HandoutError(file: procedure.file, "has \(document.pages.count) page(s), so there is no page \(page); pick a page from 1 to \(document.pages.count)")
        }
        return try PNGRenderer(resolution: resolution).render(document.pages[page - 1])
    }

    /// Refuses a layout whose fonts fontconfig would silently replace with another family.
    static func checkFonts(_ theme: Theme, shaper: PangoShaper) throws {
        let generic: Set = ["sans", "sans-serif", "serif", "monospace", "mono", "system-ui"]
        for role in Theme.Fonts.roles {
            let description = shaper.description(theme.fonts[role])
            let wanted = description.families
            let face = shaper.fonts.resolve(description)
            let matches = wanted.contains { family in
                generic.contains(family.lowercased())
                    || (face?.allFamilies.contains { $0.caseInsensitiveCompare(family) == .orderedSame } ?? false)
            }
            guard matches else {
                throw HandoutError(
                    file: theme.file, line: theme.fontLines[role], key: "fonts.\(role)",
                    "no installed font family '\(wanted.joined(separator: ", "))' (fontconfig would use '\(face?.family ?? "none")' instead); install it, put its font files in Fonts/, or pick a family that `fc-list : family` shows")
            }
        }
    }
}
