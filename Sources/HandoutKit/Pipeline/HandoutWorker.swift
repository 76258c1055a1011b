import Foundation
import HandoutBindings

/// Lays out and draws documents on one thread: owns that thread's Pango font system and the
/// shaped boxes it can reuse from one document to the next. Never share one between threads;
/// `RenderPool` gives each of its threads its own.
public final class HandoutWorker {
    public let theme: Theme
    let shaper: PangoShaper
    private let cache = BoxCache()
    private let personalizer = Personalizer()

    /// Fontconfig must already be set up (`HandoutEngine` does it).
    init(theme: Theme, shaper: PangoShaper) {
        self.theme = theme
        self.shaper = shaper
    }

    /// A document laid out, with what its PDF says about itself.
    struct Composition {
        var document: LaidOutDocument
        var metadata: PDFMetadata
        var warnings: [Warning] = []
    }

    /// Lays out one handout for `clinic`, personalized for `patient` when given. Metadata is
    /// always the handout's own: no patient data in it.
    /// `strings` are the fixed words in the handout's language.
    func handout(_ procedure: Procedure, clinic: Clinic, patient: Patient?, strings: StringCatalog = .english) throws -> Composition {
        let date = try DocumentDate.resolve(updated: procedure.updated)
        let (filled, shown) = try personalizer.fill(procedure, clinic: clinic, for: patient, strings: strings)
        var layout = HandoutLayout(theme: theme, shaper: shaper, cache: cache)
        layout.strings = strings
        let document = try layout.layout(filled, clinic: shown, date: date?.day, patient: patient)
        let metadata = PDFMetadata(
            title: filled.title, subject: filled.summary, author: clinic.name,
            creator: "Handout \(HandoutEngine.version)", created: date?.iso, language: procedure.language)
        var composition = Composition(document: document, metadata: metadata)
        if document.missingGlyphs > 0 { composition.warnings.append(Self.missingGlyphsWarning(document.missingGlyphs, file: filled.file)) }
        if let unused = Personalizer.unusedFieldsWarning(patient, references: procedure.fieldReferences + clinic.fieldReferences, file: procedure.file) {
            composition.warnings.append(unused)
        }
        return composition
    }

    /// Lays out a booklet; `procedures` holds every handout it names. Personalized for `patient`
    /// when given: their details on the cover. `file` names the booklet in warnings.
    /// `strings` are the booklet's own words; `catalogs` each handout's, by its language.
    func booklet(
        _ booklet: Booklet, procedures: [String: Procedure], clinic: Clinic, patient: Patient?, file: String,
        strings: StringCatalog = .english, catalogs: [String: StringCatalog] = [:]
    ) throws -> Composition {
        var procedures = procedures, shown = clinic
        let date = try DocumentDate.resolve(updated: procedures.values.compactMap(\.updated).max())
        for (slug, procedure) in procedures {
            (procedures[slug], shown) = try personalizer.fill(procedure, clinic: clinic, for: patient, strings: catalogs[procedure.language] ?? strings)
        }
        let document = try BookletLayout(theme: theme, shaper: shaper, strings: strings, catalogs: catalogs)
            .layout(booklet, procedures: procedures, clinic: shown, date: date?.day, patient: patient)
        let metadata = PDFMetadata(
            title: booklet.title, subject: booklet.subtitle, author: clinic.name,
            creator: "Handout \(HandoutEngine.version)", created: date?.iso, language: booklet.language)
        var composition = Composition(document: document, metadata: metadata)
        if document.missingGlyphs > 0 { composition.warnings.append(Self.missingGlyphsWarning(document.missingGlyphs, file: file)) }
        let references = procedures.values.flatMap(\.fieldReferences) + clinic.fieldReferences
        if let unused = Personalizer.unusedFieldsWarning(patient, references: references, file: file) { composition.warnings.append(unused) }
        return composition
    }

    /// The tagged PDF of a composition.
    func pdf(_ composition: Composition) throws -> RenderedPDF {
        try PDFRenderer().render(composition.document, metadata: composition.metadata)
    }

    /// Its pages imposed two to a sheet side for a folded, stapled booklet.
    func saddleStitch(_ composition: Composition) throws -> [UInt8] {
        try SaddleStitchRenderer().render(composition.document.pages, metadata: composition.metadata)
    }

    /// Page `page` (1-based) as a PNG picture at `resolution` pixels per inch.
    func png(_ composition: Composition, page: Int, resolution: Double, file: String) throws -> [UInt8] {
        let count = composition.document.pages.count
        guard (1...max(1, count)).contains(page), count > 0 else {
            throw HandoutError(file: file, "has \(count) page(s), so there is no page \(page); pick a page from 1 to \(count)")
        }
        return try PNGRenderer(resolution: resolution).render(composition.document.pages[page - 1])
    }

    /// What each font role of the theme resolves to, in role order.
    func resolvedFonts() -> [(role: String, description: String, face: FontFace?)] {
        Theme.Fonts.roles.map { role in
            (role, theme.fonts[role], shaper.fonts.resolve(shaper.description(theme.fonts[role])))
        }
    }

    static func missingGlyphsWarning(_ count: Int, file: String) -> Warning {
        Warning(file: file, "\(count) character(s) have no glyph in the layout's fonts and print as boxes; add a font that covers them to Fonts/")
    }
}
