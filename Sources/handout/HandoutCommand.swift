import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout`: with no subcommand, renders every handout in Content/ into Output/.
@main
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Lay out patient handouts as print-ready PDFs.",
        discussion: "With no subcommand, renders every handout in Content/ into Output/ with the default layout, and, when Content/booklet.yaml exists, the booklet and a copy to fold (booklet-imposed.pdf, made from half-letter pages to print on Letter, or A5 pages for A4). Handouts that also have a version in another language (SLUG.es.md) are rendered in it too, with that language's booklet, into Output/es/.",
        version: HandoutEngine.version,
        subcommands: [
            ListCommand.self, RenderCommand.self, BookletCommand.self, BatchCommand.self, PreviewCommand.self,
            PrintCommand.self, PrintersCommand.self, EmailCommand.self, ServeCommand.self, FontsCommand.self, CheckCommand.self,
        ])

    func run() throws {
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
            failed = try otherLanguages(engine, worker: worker) || failed
            if failed { throw ExitCode(1) }
        }
    }

    /// Each language some handouts have a version in (`SLUG.es.md`): those handouts and the
    /// booklet in it, into `Output/LANG/`; a handout without that version is left out of the
    /// folder, and is in the booklet in its own language, with a warning. True when any failed.
    private func otherLanguages(_ engine: HandoutEngine, worker: HandoutWorker) throws -> Bool {
        var failed = false
        var byLanguage: [String: [String]] = [:]
        for slug in try engine.library.slugs() {
            var ignored: [Warning] = []
            guard let languages = try? engine.library.languages(of: slug, warnings: &ignored) else { continue }
            for language in languages.dropFirst() { byLanguage[language, default: []].append(slug) }
        }
        for (language, slugs) in byLanguage.sorted(by: { $0.key < $1.key }) {
            let output = Destination.folder(engine.workspace.output.appendingPathComponent(language, isDirectory: true))
            for slug in slugs {
                do {
                    var request = DocumentRequest(.handout(slug))
                    request.language = language
                    let document = try engine.pdf(request, on: worker)
                    Console.report(try engine.writer.deliver(document, to: output), document)
                } catch {
                    Console.fail("\(error)")
                    failed = true
                }
            }
            guard engine.library.hasBooklet else { continue }
            do {
                var request = DocumentRequest(.booklet(nil))
                request.language = language
                request.fallback = "en"
                let document = try engine.pdf(request, on: worker)
                Console.report(try engine.writer.deliver(document, to: output), document)
            } catch {
                Console.fail("\(error)")
                failed = true
            }
        }
        return failed
    }
}
