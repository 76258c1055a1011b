import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout email SLUG...`: an email draft with the patient's handouts attached, to open in a
/// mail client, check and send.
struct EmailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Write an email draft (.eml) with handouts attached, optionally locked with a password.",
        discussion: """
            The draft opens in a mail client (Outlook, Thunderbird, Apple Mail) ready to check and send. Its \
            subject and file names never hold the patient's details. It is written as a new file in \
            Output/personal/ (email-1.eml, email-2.eml, ...), readable by you only. With --password or \
            --password-field the PDFs are locked with AES-256, and the email says how to open them without \
            giving the password. Give --password - to type the password on standard input, out of sight of \
            other users' process lists.
            """)

    @Argument(help: "Handout slugs (see `handout list`); each is attached, or all in one booklet with --booklet.")
    var slugs: [String] = []

    @OptionGroup var options: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var patientOptions: PatientOptions

    @Option(name: .long, help: "The patient's email address.")
    var to: String?

    @OptionGroup var mail: EmailOptions

    @Option(name: .long, help: "A .eml file, or a folder for a new email-N.eml (default: the project's Output/personal/).")
    var output: String?

    @Flag(name: .long, help: "Refuse a handout with any warning (a placeholder left in, a missing picture or glyph, an unused field).")
    var strict = false

    func validate() throws {
        if mail.passwordField != nil && patientOptions.field.isEmpty {
            throw ValidationError("--password-field takes the value of a patient field; add it with --field, e.g. --field date_of_birth=1961-03-07")
        }
    }

    func run() throws {
        try Console.guarded {
            guard !slugs.isEmpty else {
                throw HandoutError(file: "handout email", "name at least one handout to attach, e.g. `handout email epidural-steroid-injection` (see `handout list`)")
            }
            let engine = try options.engine(strict: strict)
            var request = EmailRequest(slugs: slugs, patient: try patientOptions.patient(for: engine))
            request.language = languageOptions.language
            request.fallback = languageOptions.fallback
            request.to = to
            request.from = mail.from
            request.subject = mail.subject
            request.asBooklet = mail.booklet
            request.lock = try mail.lock()
            let worker = try engine.makeWorker()
            let draft = try EmailComposer(engine: engine).draft(request, on: worker, date: try DocumentDate.messageTime())
            let destination: Destination
            if let output, output.lowercased().hasSuffix(".eml") {
                destination = .file(URL(fileURLWithPath: output))
            } else {
                let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? engine.workspace.personalOutput
                destination = .newFile(in: folder, name: "email.eml", numbered: true)
            }
            Console.report(try engine.writer.deliver(draft, to: destination), draft)
        }
    }
}
