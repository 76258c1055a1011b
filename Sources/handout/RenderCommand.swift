import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout render SLUG... | --all`: one PDF per handout; a personalized copy with --field.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render handouts to PDF: Output/SLUG.pdf, or a patient's copy in Output/personal/.",
        discussion: """
            With --field, each handout is personalized for that patient and written as a new file in \
            Output/personal/ (readable by you only), named SLUG.pdf, SLUG-2.pdf, ...: never over the \
            clinic's generic copy or another patient's.
            """)

    @Argument(help: "Handout slugs (file names in Content/procedures without .md).")
    var slugs: [String] = []

    @Flag(name: .long, help: "Render every handout.")
    var all = false

    @OptionGroup var options: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var patientOptions: PatientOptions

    @Option(name: .long, help: "Output folder, or a .pdf file for one handout (default: the project's Output/, or Output/personal/ with --field).")
    var output: String?

    @Option(name: .long, help: "With --field: file name pattern as in batch, e.g. {procedure}-{procedure_date}.pdf.")
    var name: String?

    @Flag(name: .long, help: "Refuse a document with any warning (a placeholder left in, a missing picture or glyph, an unused field): for print runs.")
    var strict = false

    func validate() throws {
        if all && !slugs.isEmpty { throw ValidationError("give handout names or --all, not both") }
        if !all && slugs.isEmpty { throw ValidationError("name at least one handout (see `handout list`) or use --all") }
        if let output, output.lowercased().hasSuffix(".pdf"), all || slugs.count > 1 {
            throw ValidationError("--output names one file; give one handout, or give --output a folder")
        }
        if name != nil && patientOptions.field.isEmpty { throw ValidationError("--name is for personalized copies; add --field patient_name=...") }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine(strict: strict)
            let patient = try patientOptions.patient(for: engine)
            let chosen = all ? try engine.library.slugs() : slugs
            let place = OutputChoice(output: output, workspace: engine.workspace)
            let worker = try engine.makeWorker()
            var namer = name.map { FileNamer(pattern: $0) }
            // A failed handout must not stop the others: report it, and fail at the end.
            var failures = 0
            for slug in chosen {
                do {
                    let document = try engine.pdf(languageOptions.apply(to: DocumentRequest(.handout(slug), patient: patient)), on: worker)
                    let fileName = patient.flatMap { namer?.name(row: 1, procedure: slug, fields: $0.fields) }
                    let delivery = try engine.writer.deliver(document, to: place.destination(personal: patient != nil, name: fileName))
                    Console.report(delivery, document)
                } catch {
                    Console.fail("\(error)")
                    failures += 1
                }
            }
            if failures > 0 {
                if chosen.count > 1 { Console.fail(Console.failureSummary(failed: failures, of: chosen.count)) }
                throw ExitCode(1)
            }
        }
    }
}
