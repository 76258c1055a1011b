import Foundation

/// The folders Handout reads and writes; by default those in the current folder.
public struct Workspace: Sendable {
    public var content: URL
    public var layouts: URL
    public var fonts: URL
    public var output: URL

    public init(content: URL? = nil, layouts: URL? = nil, fonts: URL? = nil, output: URL? = nil) {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        self.content = content ?? here.appendingPathComponent("Content", isDirectory: true)
        self.layouts = layouts ?? here.appendingPathComponent("Layouts", isDirectory: true)
        self.fonts = fonts ?? here.appendingPathComponent("Fonts", isDirectory: true)
        self.output = output ?? here.appendingPathComponent("Output", isDirectory: true)
    }

    public var clinicFile: URL { content.appendingPathComponent("clinic.yaml") }
    public var bookletFile: URL { content.appendingPathComponent("booklet.yaml") }
    public var proceduresFolder: URL { content.appendingPathComponent("procedures", isDirectory: true) }

    public func procedureFile(_ slug: String) -> URL { proceduresFolder.appendingPathComponent(slug + ".md") }
}
