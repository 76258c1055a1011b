import Foundation

/// The folders Handout reads and writes for one project: the folder that holds `Content/`.
///
/// Layouts, fonts and output are found from the project folder, never from the current folder
/// alone, so the tool works the same from a terminal, a desktop shortcut or a service.
public struct Workspace: Sendable {
    /// The folder that holds `Content/` (the parent of `--content`).
    public var project: URL
    public var content: URL
    /// Where documents go unless `--output` says otherwise: `PROJECT/Output`.
    public var output: URL
    /// Folders searched for a layout named by its short name, in order: the project's own
    /// `Layouts/`, the current folder's, then the ones Handout ships.
    public var layoutFolders: [URL]
    /// Folders whose font files are registered before layout, in the same order.
    public var fontFolders: [URL]

    /// `content` defaults to `Content/` in the current folder; `output` to the project's `Output/`.
    public init(content: URL? = nil, output: URL? = nil,
                currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                shipped: URL? = Installation.sharedFolder) {
        let content = (content ?? currentFolder.appendingPathComponent("Content", isDirectory: true)).standardizedFileURL
        self.content = content
        project = content.deletingLastPathComponent()
        self.output = output?.standardizedFileURL ?? project.appendingPathComponent("Output", isDirectory: true)
        let roots = Self.distinct([project, currentFolder.standardizedFileURL] + (shipped.map { [$0.standardizedFileURL] } ?? []))
        layoutFolders = roots.map { $0.appendingPathComponent("Layouts", isDirectory: true) }
        fontFolders = roots.map { $0.appendingPathComponent("Fonts", isDirectory: true) }
    }

    public var clinicFile: URL { content.appendingPathComponent("clinic.yaml") }
    public var bookletFile: URL { content.appendingPathComponent("booklet.yaml") }
    public var proceduresFolder: URL { content.appendingPathComponent("procedures", isDirectory: true) }
    /// Personalized copies made from the command line: a folder only its owner can open.
    public var personalOutput: URL { output.appendingPathComponent("personal", isDirectory: true) }

    public func procedureFile(_ slug: String) -> URL { proceduresFolder.appendingPathComponent(slug + ".md") }

    private static func distinct(_ folders: [URL]) -> [URL] {
        var seen = Set<String>()
        return folders.filter { seen.insert($0.path).inserted }
    }
}
