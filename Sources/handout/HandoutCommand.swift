import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout`: with no subcommand, renders every handout in Content/ into Output/.
@main
struct HandoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Lay out patient handouts as print-ready PDFs.",
        discussion: "With no subcommand, renders every handout in Content/ into Output/ with the default layout, and the booklet (with its saddle-stitch imposition) when Content/booklet.yaml exists.",
        version: HandoutEngine.version,
        subcommands: [
            ListCommand.self, RenderCommand.self, BookletCommand.self, BatchCommand.self, PreviewCommand.self,
            PrintCommand.self, PrintersCommand.self, ServeCommand.self, FontsCommand.self,
        ])

    func run() async throws {
        try Console.guarded {
            let engine = try HandoutEngine(workspace: Workspace(), writer: DocumentWriter(report: Console.warn))
            let worker = try engine.makeWorker()
            // A failed handout must not stop the others or the booklet: report it, and fail at the end.
            var failed = false
            for slug in try engine.library.slugs() {
                do {
                    let document = try engine.pdf(DocumentRequest(.handout(slug)), on: worker)
                    Console.report(try engine.writer.deliver(document, to: .folder(engine.workspace.output)), document)
                } catch {
                    Console.fail("\(error)")
                    failed = true
                }
            }
            if engine.library.hasBooklet {
                let document = try engine.pdf(DocumentRequest(.booklet(nil), imposed: true), on: worker)
                Console.report(try engine.writer.deliver(document, to: .folder(engine.workspace.output)), document)
            }
            if failed { throw ExitCode(1) }
        }
    }
}
