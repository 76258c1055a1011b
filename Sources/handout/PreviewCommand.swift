import ArgumentParser
import Foundation
import HandoutKit

/// `handout preview SLUG`: one page as a PNG picture.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Render one page of a handout as a PNG.")

    @Argument(help: "Handout slug.")
    var slug: String

    @Option(name: .long, help: "Page number, from 1.")
    var page: Int = 1

    @Option(name: .long, help: "PNG file to write (default Output/SLUG-pN.png).")
    var output: String?

    @Option(name: .long, help: "Pixels per inch.")
    var resolution: Double = 96

    @OptionGroup var options: ContentOptions

    func validate() throws {
        if page < 1 { throw ValidationError("--page counts from 1") }
        if !(24...600).contains(resolution) { throw ValidationError("--resolution must be from 24 to 600") }
    }

    func run() throws {
        try Console.guarded {
            let workspace = options.workspace()
            let engine = try HandoutEngine(workspace: workspace, layout: options.layout)
            var warnings: [Warning] = []
            let procedure = try engine.library.procedure(slug, warnings: &warnings)
            let bytes = try engine.renderPNG(procedure, page: page, resolution: resolution)
            let url = output.map { URL(fileURLWithPath: $0) }
                ?? workspace.output.appendingPathComponent("\(slug)-p\(page).png")
            try AtomicFile.write(bytes, to: url)
            warnings.forEach(Console.warn)
            Console.say(DisplayPath.of(url))
        }
    }
}
