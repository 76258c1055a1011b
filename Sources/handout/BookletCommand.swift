import ArgumentParser
import Foundation
import HandoutKit

/// `handout booklet`: the combined booklet, and optionally its saddle-stitch imposition.
struct BookletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet", abstract: "Render the combined booklet (Content/booklet.yaml) to one PDF.")

    enum Imposition: String, ExpressibleByArgument, CaseIterable {
        case saddleStitch = "saddle-stitch"
    }

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "PDF file to write.")
    var output: String = "Output/booklet.pdf"

    @Option(name: .long, help: "Comma-separated slugs: an ad hoc booklet of just these handouts, in this order.")
    var procedures: String?

    @Option(name: .long, help: "Also write FILE-imposed.pdf for folding: saddle-stitch.")
    var imposition: Imposition?

    func validate() throws {
        if let procedures, procedures.split(separator: ",").isEmpty {
            throw ValidationError("--procedures needs at least one slug, e.g. --procedures epidural-steroid-injection,facet-joint-injection")
        }
    }

    func run() throws {
        try Console.guarded {
            let engine = try HandoutEngine(workspace: options.workspace(), layout: options.layout)
            let slugs = procedures.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            try BookletWriter(engine: engine).write(slugs: slugs, to: URL(fileURLWithPath: output), imposed: imposition != nil)
        }
    }
}

/// Writes a booklet (and its imposition) and reports what it wrote.
struct BookletWriter {
    let engine: HandoutEngine

    func write(slugs: [String]?, to url: URL, imposed: Bool) throws {
        var warnings: [Warning] = []
        let booklet = try engine.booklet(slugs: slugs, warnings: &warnings)
        let result = try engine.renderBooklet(booklet, imposed: imposed, warnings: &warnings)
        warnings.forEach(Console.warn)
        try AtomicFile.write(result.pdf, to: url)
        Console.say("\(DisplayPath.of(url))  (\(result.pages) pages, \(result.pdf.count / 1024) KB)")
        if let sheets = result.imposed {
            let target = url.deletingLastPathComponent()
                .appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-imposed.pdf")
            try AtomicFile.write(sheets, to: target)
            Console.say("\(DisplayPath.of(target))  (saddle-stitch, \(sheets.count / 1024) KB)")
        }
    }
}
