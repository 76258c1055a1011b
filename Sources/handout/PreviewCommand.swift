import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout preview SLUG`: one page as a PNG picture, of the generic or a personalized copy.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Render one page of a handout as a PNG.")

    @Argument(help: "Handout slug.")
    var slug: String

    @Option(name: .long, help: "Page number, from 1.")
    var page: Int = 1

    @Option(name: .long, help: "PNG file to write (default Output/SLUG-pN.png, or a new file in Output/personal/ with --field).")
    var output: String?

    @Option(name: .long, help: "Pixels per inch.")
    var resolution: Double = 96

    @OptionGroup var options: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var patientOptions: PatientOptions

    func validate() throws {
        if page < 1 { throw ValidationError("--page counts from 1") }
        if !(24...600).contains(resolution) { throw ValidationError("--resolution must be from 24 to 600") }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine()
            let patient = try patientOptions.patient(for: engine)
            let request = languageOptions.apply(to: DocumentRequest(.handout(slug), patient: patient))
            let document = try engine.png(request, page: page, resolution: resolution, on: try engine.makeWorker())
            let place = OutputChoice(output: output, workspace: engine.workspace)
            Console.report(try engine.writer.deliver(document, to: place.destination(personal: patient != nil)), document)
        }
    }
}
