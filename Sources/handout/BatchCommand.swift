import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout batch FILE`: one personalized PDF per row of a CSV or JSON Lines file.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one personalized PDF, or email draft, per row of a CSV or JSON Lines file.",
        discussion: """
            Column `procedure` holds a handout slug, or several separated by ; for the patient's own booklet. \
            The other columns are fields: patient_name (required), procedure_date (YYYY-MM-DD), arrival_time, \
            physician, notes, and any others the content uses as {{field}}. Files are readable by you only. \
            With --email, each row becomes an email draft (email-ROW.eml) To the row's `email` column, with \
            each handout attached (or one booklet with --booklet), as `handout email` makes one.
            """)

    @Argument(help: "CSV file with a header row, or JSON Lines (.jsonl).")
    var file: String

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "Output folder (created readable by you only; default: the project's Output/batch).")
    var output: String?

    @Option(name: .long, help: "File name pattern; fields in braces, e.g. {row}-{procedure}.pdf (the default; email-{row}.eml with --email).")
    var name: String?

    @Option(name: .long, help: "Rendering threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Keep files that already exist: finish an interrupted batch.")
    var skipExisting = false

    @Flag(name: .long, help: "Refuse a document with any warning (a placeholder left in, a missing picture or glyph, an unused field): for print runs.")
    var strict = false

    @Flag(name: .long, help: "Write an email draft per row instead of a PDF; column email is the To address.")
    var email = false

    @Option(name: .long, help: "With --email: the sender's address (default: clinic.yaml's email).")
    var from: String?

    @Option(name: .long, help: "With --email: the subject (default: \"Your procedure information from CLINIC\").")
    var subject: String?

    @Flag(name: .long, help: "With --email: attach one your-procedures.pdf holding the row's handouts.")
    var booklet = false

    @Option(name: .long, help: "With --email: lock every attachment with this password (- reads it from standard input).")
    var password: String?

    @Option(name: .long, help: "With --email: lock each row's attachments with the value of this column, e.g. date_of_birth (a date becomes MMDDYYYY).")
    var passwordField: String?

    func validate() throws {
        if !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256") }
        if !email, from != nil || subject != nil || booklet || password != nil || passwordField != nil {
            throw ValidationError("--from, --subject, --booklet, --password and --password-field are for email drafts; add --email")
        }
        if password != nil && passwordField != nil { throw ValidationError("give --password or --password-field, not both") }
        if email, let name, !name.lowercased().hasSuffix(".eml") { throw ValidationError("with --email, --name must end in .eml, e.g. email-{row}.eml") }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine(strict: strict)
            let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? engine.workspace.output.appendingPathComponent("batch", isDirectory: true)
            let rows = try BatchReader(URL(fileURLWithPath: file))
            var batchOptions = BatchOptions(outputFolder: folder)
            batchOptions.namePattern = name ?? (email ? "email-{row}.eml" : "{row}-{procedure}.pdf")
            if email {
                var drafts = BatchEmail(date: try DocumentDate.messageTime())
                drafts.from = from
                drafts.subject = subject
                drafts.asBooklet = booklet
                if let password {
                    drafts.lock = .password(password == "-" ? try Console.readSecret(for: "--password -") : password)
                } else if let passwordField {
                    drafts.lock = .field(BatchReader.fieldName(passwordField))
                }
                batchOptions.email = drafts
            }
            batchOptions.jobs = jobs
            batchOptions.skipExisting = skipExisting
            let bar = ProgressBar()
            let summary = try BatchRunner(engine: engine).run(rows, options: batchOptions) { done, total in
                bar.update(done: done, total: total)
            }
            bar.finish()
            for failure in summary.failures { Console.fail("row \(failure.row): \(failure.reason)") }
            let rate = summary.seconds > 0 ? Double(summary.written) / summary.seconds : 0
            var line = "written \(summary.written), failed \(summary.failures.count)"
            if summary.skipped > 0 { line += ", skipped \(summary.skipped) already done" }
            line += String(format: ", %.2f s, %.0f %@ per second → %@", summary.seconds, rate, email ? "drafts" : "handouts", DisplayPath.of(folder))
            Console.say(line)
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
