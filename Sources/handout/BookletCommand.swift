import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout booklet`: the combined booklet, or a patient's own, and optionally its saddle-stitch imposition.
struct BookletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet", abstract: "Render the combined booklet (Content/booklet.yaml), or a patient's own, to one PDF.")

    enum Imposition: String, ExpressibleByArgument, CaseIterable {
        case saddleStitch = "saddle-stitch"
    }

    @OptionGroup var options: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var patientOptions: PatientOptions

    @Option(name: .long, help: "PDF file or folder to write (default Output/booklet.pdf, or a new file in Output/personal/ with --field).")
    var output: String?

    @Option(name: .long, help: "Comma-separated slugs: an ad hoc booklet of just these handouts, in this order.")
    var procedures: String?

    @Option(name: .long, help: "Also write FILE-imposed.pdf for folding: saddle-stitch.")
    var imposition: Imposition?

    @Flag(name: .long, help: "Refuse a document with any warning (a placeholder left in, a missing picture or glyph, an unused field): for print runs.")
    var strict = false

    func validate() throws {
        if let procedures, procedures.split(separator: ",").isEmpty {
            throw ValidationError("--procedures needs at least one slug, e.g. --procedures epidural-steroid-injection,facet-joint-injection")
        }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine(strict: strict)
            let patient = try patientOptions.patient(for: engine)
            let slugs = procedures.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let request = languageOptions.apply(to: DocumentRequest(.booklet(slugs), patient: patient, imposed: imposition != nil))
            let document = try engine.pdf(request, on: try engine.makeWorker())
            let place = OutputChoice(output: output, workspace: engine.workspace)
            Console.report(try engine.writer.deliver(document, to: place.destination(personal: patient != nil)), document)
        }
    }
}
