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
        discussion: "With no subcommand, renders every handout in Content/ into Output/ with the default layout, and, when Content/booklet.yaml exists, the booklet and a copy to fold (booklet-imposed.pdf, made from half-letter pages to print on Letter, or A5 pages for A4).",
        version: HandoutEngine.version,
        subcommands: [
            ListCommand.self, RenderCommand.self, BookletCommand.self, BatchCommand.self, PreviewCommand.self,
            PrintCommand.self, PrintersCommand.self, EmailCommand.self, ServeCommand.self, FontsCommand.self, CheckCommand.self,
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
                let output = Destination.folder(engine.workspace.output)
                let document = try engine.pdf(DocumentRequest(.booklet(nil)), on: worker)
                Console.report(try engine.writer.deliver(document, to: output), document)
                // The copy to fold is made from the half-size pages that print on the clinic's own
                // paper: two half-letter pages to a Letter sheet side, two A5 to an A4.
                let folded = try HandoutEngine.foldedLayout(for: engine.theme.pageSize).map {
                    try HandoutEngine(workspace: engine.workspace, layout: $0, writer: engine.writer)
                } ?? engine
                let sheets = try folded.pdf(DocumentRequest(.booklet(nil), imposed: true), on: try folded.makeWorker())
                for companion in sheets.companions {
                    Console.report(try folded.writer.deliver(companion.document, to: output), companion.document)
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
