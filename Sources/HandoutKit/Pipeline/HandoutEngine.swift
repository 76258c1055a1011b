import Foundation
import HandoutBindings

/// Everything needed to render handouts with one layout: fonts registered and checked, clinic read,
/// and a worker for this thread. Make it on the main thread; other threads make their own
/// `HandoutWorker` from its `settings`.
public final class HandoutEngine {
    public static let version = "0.1.0"

    public let workspace: Workspace
    public let library: ContentLibrary
    public let theme: Theme
    public let clinic: Clinic
    let shaper: PangoShaper
    private let worker: HandoutWorker

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
        worker = HandoutWorker(settings: RenderSettings(theme: theme, clinic: clinic, workspace: workspace), shaper: shaper)
    }

    /// What each font role resolves to, in role order.
    public func resolvedFonts() -> [(role: String, description: String, face: FontFace?)] {
        Theme.Fonts.roles.map { role in
            (role, theme.fonts[role], shaper.fonts.resolve(shaper.description(theme.fonts[role])))
        }
    }

    public var settings: RenderSettings { RenderSettings(theme: theme, clinic: clinic, workspace: workspace) }

    /// Renders one handout to PDF bytes, personalized when `patient` is given.
    public func renderPDF(_ procedure: Procedure, patient: Patient? = nil, warnings: inout [Warning]) throws -> (bytes: [UInt8], pages: Int) {
        try worker.handoutPDF(procedure, patient: patient, warnings: &warnings)
    }

    /// Renders page `page` (1-based) of a handout as PNG bytes.
    public func renderPNG(_ procedure: Procedure, page: Int, resolution: Double) throws -> [UInt8] {
        try worker.handoutPNG(procedure, page: page, resolution: resolution)
    }

    /// The booklet `booklet.yaml` describes, or, given `slugs`, an ad hoc one of those handouts
    /// in that order (one untitled part, no intros) under the booklet's title when there is one.
    public func booklet(slugs: [String]? = nil, warnings: inout [Warning]) throws -> Booklet {
        guard let slugs else { return try Booklet.load(from: workspace.bookletFile, library: library, warnings: &warnings) }
        var booklet = try adHocBooklet(warnings: &warnings)
        booklet.parts = [Booklet.Part(title: nil, intro: [], procedures: slugs)]
        return booklet
    }

    /// The cover of an ad hoc booklet, no parts yet: `booklet.yaml`'s title when there is one.
    public func adHocBooklet(warnings: inout [Warning]) throws -> Booklet {
        let file = workspace.bookletFile
        let defined = FileManager.default.fileExists(atPath: file.path)
            ? try Booklet.load(from: file, library: library, warnings: &warnings) : nil
        return Booklet(
            title: defined?.title ?? "Your procedures", subtitle: defined?.subtitle ?? "Prepared for you by \(clinic.name)",
            edition: defined?.edition, parts: [])
    }

    /// Every handout a booklet names, read once.
    public func procedures(for booklet: Booklet, warnings: inout [Warning]) throws -> [String: Procedure] {
        var procedures: [String: Procedure] = [:]
        for slug in booklet.slugs where procedures[slug] == nil {
            procedures[slug] = try library.procedure(slug, warnings: &warnings)
        }
        return procedures
    }

    /// Renders a booklet to PDF bytes, and its saddle-stitch imposition when asked.
    public func renderBooklet(_ booklet: Booklet, patient: Patient? = nil, imposed: Bool, warnings: inout [Warning]) throws -> (pdf: [UInt8], pages: Int, imposed: [UInt8]?) {
        let procedures = try procedures(for: booklet, warnings: &warnings)
        return try worker.bookletPDF(booklet, procedures: procedures, patient: patient, imposed: imposed, warnings: &warnings)
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
