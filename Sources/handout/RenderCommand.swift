import ArgumentParser
import Foundation
import HandoutKit

/// `handout render SLUG... | --all`: one PDF per handout.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render handouts to OUTPUT/SLUG.pdf.")

    @Argument(help: "Handout slugs (file names in Content/procedures without .md).")
    var slugs: [String] = []

    @Flag(name: .long, help: "Render every handout.")
    var all = false

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "Output folder.")
    var output: String = "Output"

    func validate() throws {
        if all && !slugs.isEmpty { throw ValidationError("give handout names or --all, not both") }
        if !all && slugs.isEmpty { throw ValidationError("name at least one handout (see `handout list`) or use --all") }
    }

    func run() throws {
        try Console.guarded {
            let workspace = options.workspace(output: output)
            let engine = try HandoutEngine(workspace: workspace, layout: options.layout)
            let chosen = all ? try engine.library.slugs() : slugs
            try Renderer(engine: engine, outputFolder: workspace.output).renderAll(chosen)
        }
    }
}
