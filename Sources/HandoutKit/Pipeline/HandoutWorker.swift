import Foundation
import HandoutBindings

/// Renders handouts and booklets on one thread: owns that thread's Pango font system and the
/// shaped boxes it can reuse from one document to the next. Never share one between threads.
public final class HandoutWorker {
    public let settings: RenderSettings
    let shaper: PangoShaper
    private let cache = BoxCache()
    private let personalizer = Personalizer()

    /// Fontconfig must already be set up (`HandoutEngine` does it on the main thread).
    public convenience init(settings: RenderSettings) throws {
        self.init(settings: settings, shaper: PangoShaper(fonts: try FontSystem()))
    }

    /// Uses a shaper this thread already has (the engine's, made to check the layout's fonts).
    init(settings: RenderSettings, shaper: PangoShaper) {
        self.settings = settings
        self.shaper = shaper
    }

    var theme: Theme { settings.theme }

    /// Lays out one handout, personalized for `patient` when given.
    public func layout(_ procedure: Procedure, patient: Patient? = nil, date: CalendarDate) throws -> LaidOutDocument {
        var procedure = procedure, clinic = settings.clinic
        if let patient { (procedure, clinic) = try personalizer.personalize(procedure, clinic: clinic, for: patient) }
        return HandoutLayout(theme: theme, shaper: shaper, cache: cache).layout(procedure, clinic: clinic, date: date, patient: patient)
    }

    /// One handout as PDF bytes. Metadata is always the handout's own: no patient data in it.
    public func handoutPDF(_ procedure: Procedure, patient: Patient? = nil, warnings: inout [Warning]) throws -> (bytes: [UInt8], pages: Int) {
        let date = try DocumentDate.resolve(updated: procedure.updated, digest: procedure.contentDigest)
        let document = try layout(procedure, patient: patient, date: date.day)
        if document.missingGlyphs > 0 {
            warnings.append(Self.missingGlyphsWarning(document.missingGlyphs, file: procedure.file))
        }
        let metadata = PDFMetadata(
            title: procedure.title, subject: procedure.summary, author: settings.clinic.name,
            creator: "Handout \(HandoutEngine.version)", created: date.iso, language: procedure.language)
        return (try PDFRenderer().render(document, metadata: metadata), document.pages.count)
    }

    /// Page `page` (1-based) of a handout as PNG bytes.
    public func handoutPNG(_ procedure: Procedure, page: Int, resolution: Double) throws -> [UInt8] {
        let date = try DocumentDate.resolve(updated: procedure.updated, digest: procedure.contentDigest)
        let document = try layout(procedure, date: date.day)
        guard (1...document.pages.count).contains(page) else {
            throw HandoutError(file: procedure.file, "has \(document.pages.count) page(s), so there is no page \(page); pick a page from 1 to \(document.pages.count)")
        }
        return try PNGRenderer(resolution: resolution).render(document.pages[page - 1])
    }

    /// A booklet as PDF bytes, with its saddle-stitch imposition when asked; `procedures` holds
    /// every handout it names. Personalized for `patient` when given: their details on the cover.
    public func bookletPDF(
        _ booklet: Booklet, procedures: [String: Procedure], patient: Patient? = nil, imposed: Bool, warnings: inout [Warning]
    ) throws -> (pdf: [UInt8], pages: Int, imposed: [UInt8]?) {
        var procedures = procedures, clinic = settings.clinic
        let newest = procedures.values.compactMap(\.updated).max()
        let digest = procedures.values.map(\.contentDigest).reduce(Digest.fnv1a(Array(booklet.title.utf8)), ^)
        let date = try DocumentDate.resolve(updated: newest, digest: digest)
        if let patient {
            for (slug, procedure) in procedures {
                (procedures[slug], clinic) = try personalizer.personalize(procedure, clinic: settings.clinic, for: patient)
            }
        }
        let document = BookletLayout(theme: theme, shaper: shaper)
            .layout(booklet, procedures: procedures, clinic: clinic, date: date.day, patient: patient)
        if document.missingGlyphs > 0 {
            warnings.append(Self.missingGlyphsWarning(document.missingGlyphs, file: DisplayPath.of(settings.workspace.bookletFile)))
        }
        let metadata = PDFMetadata(
            title: booklet.title, subject: booklet.subtitle, author: settings.clinic.name,
            creator: "Handout \(HandoutEngine.version)", created: date.iso, language: "en")
        let pdf = try PDFRenderer().render(document, metadata: metadata)
        let sheets = imposed ? try SaddleStitchRenderer().render(document.pages, metadata: metadata) : nil
        return (pdf, document.pages.count, sheets)
    }

    static func missingGlyphsWarning(_ count: Int, file: String) -> Warning {
        Warning(file: file, "\(count) character(s) have no glyph in the layout's fonts and print as boxes; add a font that covers them to Fonts/")
    }
}
