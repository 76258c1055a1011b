import Foundation
import HandoutBindings
import Synchronization

/// Everything that renders for one project and layout, shared by every thread: the checked
/// layout, the content (read again when its files change) and the document writer. Each thread
/// renders with its own `HandoutWorker` (`makeWorker()`, or a `RenderPool` of them).
public final class HandoutEngine: Sendable {
    public static let version = "0.1.0"

    public let workspace: Workspace
    public let library: ContentLibrary
    public let theme: Theme
    public let writer: DocumentWriter
    /// The font system made to check the layout, handed to the first worker so that a
    /// one-document command loads its fonts once.
    private let spare: Mutex<FontSystem?>

    /// Registers the project's fonts, then reads the layout and checks that fontconfig has every
    /// family it names.
    public init(workspace: Workspace, layout: String? = nil, writer: DocumentWriter = DocumentWriter()) throws {
        self.workspace = workspace
        self.writer = writer
        library = ContentLibrary(workspace: workspace)
        try FontSetup.prepare(fontFolders: workspace.fontFolders)
        let theme = try ThemeLoader(folders: workspace.layoutFolders).load(layout)
        let fonts = try FontSystem()
        try Self.checkFonts(theme, shaper: PangoShaper(fonts: fonts))
        self.theme = theme
        spare = Mutex(fonts)
    }

    /// A worker for the calling thread. Use it on that thread only.
    public func makeWorker() throws -> HandoutWorker {
        let fonts = try spare.withLock { $0.take() } ?? FontSystem()
        return HandoutWorker(theme: theme, shaper: PangoShaper(fonts: fonts))
    }

    /// The PDF `request` asks for, with its saddle-stitch sheets as a companion when asked.
    public func pdf(_ request: DocumentRequest, on worker: HandoutWorker) throws -> Document {
        let (composition, language) = try compose(request, on: worker)
        let rendered = try naming(request) { try worker.pdf(composition) }
        var document = Document(
            format: .pdf, bytes: rendered.bytes, pages: composition.document.pages.count,
            language: language, structure: rendered.structure, isPersonal: request.patient != nil, name: request.name)
        document.date = composition.metadata.created
        document.warnings = composition.warnings
        if request.imposed {
            let sheets = try naming(request) { try worker.saddleStitch(composition) }
            var imposed = Document(
                format: .pdf, bytes: sheets, pages: (composition.document.pages.count + 3) / 4 * 2,
                language: language, structure: nil, isPersonal: document.isPersonal,
                name: (request.name as NSString).deletingPathExtension + "-imposed.pdf")
            imposed.date = document.date
            if let warning = Self.sheetWarning(for: theme.pageSize) { imposed.warnings.append(warning) }
            document.companions = [Document.Companion(suffix: "-imposed", document: imposed)]
        }
        return document
    }

    /// Page `page` (1-based) of what `request` asks for, as a PNG picture at `resolution`
    /// pixels per inch, named e.g. "SLUG-p2.png".
    public func png(_ request: DocumentRequest, page: Int, resolution: Double, on worker: HandoutWorker) throws -> Document {
        let (composition, language) = try compose(request, on: worker)
        let file = source(of: request)
        var document = Document(
            format: .png, bytes: try worker.png(composition, page: page, resolution: resolution, file: file), pages: 1,
            language: language, structure: nil, isPersonal: request.patient != nil,
            name: (request.name as NSString).deletingPathExtension + "-p\(page).png")
        document.warnings = composition.warnings
        return document
    }

    /// The file a document is made from, as messages name it.
    private func source(of request: DocumentRequest) -> String {
        switch request.content {
        case let .handout(slug): DisplayPath.of(workspace.procedureFile(slug))
        case .booklet(nil): DisplayPath.of(workspace.bookletFile)
        case .booklet: "the booklet of " + DisplayPath.of(workspace.proceduresFolder)
        }
    }

    /// Runs a drawing step, so that a failure the libraries report without a file (cairo's
    /// "input string not valid UTF-8") still names the document it stopped.
    private func naming<T>(_ request: DocumentRequest, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HandoutError {
            throw error
        } catch {
            throw HandoutError(file: source(of: request), "could not be drawn (\(error)); look for unusual characters or pictures in it, and report it if it persists")
        }
    }

    /// What each font role of the layout resolves to, in role order.
    public func resolvedFonts() throws -> [(role: String, description: String, face: FontFace?)] {
        try makeWorker().resolvedFonts()
    }

    /// Reads the content a request needs and lays it out; returns it with its language.
    private func compose(_ request: DocumentRequest, on worker: HandoutWorker) throws -> (HandoutWorker.Composition, String) {
        var warnings: [Warning] = []
        let clinic = try library.clinic()
        var composition: HandoutWorker.Composition
        let language: String
        switch request.content {
        case let .handout(slug):
            let procedure = try library.procedure(slug, language: request.language, fallback: request.fallback, warnings: &warnings)
            let strings = try library.strings(for: procedure.language)
            warnings += [library.missingStrings(strings), Self.disclaimerWarning(clinic, language: procedure.language)].compactMap { $0 }
            composition = try worker.handout(procedure, clinic: clinic, patient: request.patient, strings: strings)
            language = procedure.language
        case let .booklet(slugs):
            let booklet = try library.booklet(slugs: slugs, language: request.language, warnings: &warnings)
            let procedures = try library.procedures(for: booklet, language: request.language, fallback: request.fallback, warnings: &warnings)
            let strings = try library.strings(for: booklet.language)
            var catalogs: [String: StringCatalog] = [:]
            for language in Set(procedures.values.map(\.language)).sorted() { catalogs[language] = try library.strings(for: language) }
            // Once per language, the booklet's own and its handouts'.
            var said = Set<String>()
            for catalog in [strings] + catalogs.values.sorted(by: { $0.language < $1.language }) where said.insert(catalog.language).inserted {
                warnings += [library.missingStrings(catalog), Self.disclaimerWarning(clinic, language: catalog.language)].compactMap { $0 }
            }
            composition = try worker.booklet(
                booklet, procedures: procedures, clinic: clinic, patient: request.patient,
                file: DisplayPath.of(workspace.bookletFile), strings: strings, catalogs: catalogs)
            language = composition.metadata.language
        }
        composition.warnings = warnings + composition.warnings
        return (composition, language)
    }

    /// A warning when the clinic's disclaimer has no text in `language`, so another prints.
    static func disclaimerWarning(_ clinic: Clinic, language: String) -> Warning? {
        guard !clinic.disclaimer(in: language).matches else { return nil }
        return Warning(file: clinic.file, "'disclaimer' has no \(Languages.name(language)) text, so the handout prints the clinic's first one; give it per language: `disclaimer: {en: …, \(Languages.primary(language)): …}`")
    }

    /// The half-size layout whose imposed booklet prints on the same paper as `pageSize`:
    /// half-letter for Letter, A5 for A4; nil for any other paper.
    public static func foldedLayout(for pageSize: Size) -> String? {
        switch PageSizeName.named(pageSize) {
        case .letter: PageSizeName.halfLetter.rawValue
        case .a4: PageSizeName.a5.rawValue
        default: nil
        }
    }

    /// Saddle-stitched Letter or A4 pages need sheets twice that size: say so, and how to print
    /// on the clinic's own paper instead.
    static func sheetWarning(for pageSize: Size) -> Warning? {
        switch PageSizeName.named(pageSize) {
        case .letter:
            Warning(file: "--imposition", "Letter pages fold from 11 × 17 in (tabloid) sheets; print on tabloid paper, or make the booklet with --layout half-letter to print it on Letter")
        case .a4:
            Warning(file: "--imposition", "A4 pages fold from A3 sheets; print on A3 paper, or make the booklet with --layout a5 to print it on A4")
        default:
            nil
        }
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
