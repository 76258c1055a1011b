import ArgumentParser
import Foundation
import HandoutKit

/// `handout`: with no subcommand, renders every handout in Content/ into Output/.
@main
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Lay out patient handouts as print-ready PDFs.",
        discussion: "With no subcommand, renders every handout in Content/ into Output/ with the default layout, and the booklet (with its saddle-stitch imposition) when Content/booklet.yaml exists.",
        version: HandoutEngine.version,
        subcommands: [ListCommand.self, RenderCommand.self, BookletCommand.self, BatchCommand.self, PreviewCommand.self, FontsCommand.self])

    func run() throws {
        try Console.guarded {
            let workspace = Workspace()
            let engine = try HandoutEngine(workspace: workspace)
            let slugs = try engine.library.slugs()
            // A failed handout must not stop the booklet: report it, and fail at the end.
            var failure: Error?
            do { try HandoutWriter(engine: engine, outputFolder: workspace.output).renderAll(slugs) } catch { failure = error }
            if FileManager.default.fileExists(atPath: workspace.bookletFile.path) {
                try BookletWriter(engine: engine).write(
                    slugs: nil, to: workspace.output.appendingPathComponent("booklet.pdf"), imposed: true)
            }
            if let failure { throw failure }
        }
    }
}
