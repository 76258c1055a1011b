import ArgumentParser
import HandoutKit

/// `handout`: with no subcommand, renders every handout in Content/ into Output/.
@main
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Lay out patient handouts as print-ready PDFs.",
        discussion: "With no subcommand, renders every handout in Content/ into Output/ with the default layout.",
        version: HandoutEngine.version,
        subcommands: [ListCommand.self, RenderCommand.self, PreviewCommand.self, FontsCommand.self])

    func run() throws {
        try Console.guarded {
            let workspace = Workspace()
            let engine = try HandoutEngine(workspace: workspace)
            let slugs = try engine.library.slugs()
            try Renderer(engine: engine, outputFolder: workspace.output).renderAll(slugs)
        }
    }
}
