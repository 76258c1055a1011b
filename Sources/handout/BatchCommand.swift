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
            Column `procedure` holds a handout slug or title (any case, spaces or dashes), or several separated \
            by | or ; for the patient's own booklet. The other columns are fields: patient_name (required), \
            procedure_date (2026-12-03, 12/03/2026, 3-Dec-2026, Dec 3, 2026 or December 3, 2026), arrival_time \
            (7:30, 7:30 am, 07:30 AM, 19:30, 0730), physician, notes, and any others the content uses as \
            {{field}}. CSV may be comma-, semicolon- or tab-separated, in UTF-8 (with or without a byte-order \
            mark), UTF-16 or Windows-1252. Rows are numbered as a spreadsheet shows them: the header is row 1. \
            Files are readable by you only. With --email, each row becomes an email draft (email-ROW.eml) To \
            the row's `email` column, with each handout attached (or one booklet with --booklet), as \
            `handout email` makes one.
            """)

    @Argument(help: "CSV file with a header row (comma-, semicolon- or tab-separated), or JSON Lines (.jsonl).")
    var file: String

    @OptionGroup var options: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(name: .long, help: "Output folder (created readable by you only; default: the project's Output/batch).")
    var output: String?

    @Option(name: .long, help: "File name pattern; fields in braces, e.g. {row}-{procedure}.pdf (the default; email-{row}.eml with --email).")
    var name: String?

    @Option(name: .long, help: "Rendering threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Read and check every row and report, writing nothing.")
    var check = false

    @Option(name: .long, help: ArgumentHelp(
        "Columns built from the file's own, NAME=TEMPLATE; repeat for each.",
        discussion: "e.g. --column patient_name=\"{first name} {last name}\"; braces name the file's columns."))
    var column: [String] = []

    @Option(name: .long, help: "A batch profile (YAML): columns: NAME: TEMPLATE for an export's columns, and optionally date_order: and encoding:.")
    var profile: String?

    @Option(name: .long, help: "How dates such as 12/03/2026 read: mdy (December 3) or dmy (12 March); default: the profile's or clinic.yaml's date_order, else mdy.")
    var dateOrder: String?

    @Option(name: .long, help: "The file's text encoding: utf-8, utf-16 or windows-1252 (default: detected).")
    var encoding: String?

    @Flag(name: .long, help: "Keep files that already exist: finish an interrupted batch.")
    var skipExisting = false

    @Flag(name: .long, help: "Refuse a document with any warning (a placeholder left in, a missing picture or glyph, an unused field): for print runs.")
    var strict = false

    @Flag(name: .long, help: "Write an email draft per row instead of a PDF; column email is the To address.")
    var email = false

    @OptionGroup var mail: EmailOptions

    func validate() throws {
        if !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256") }
        if !email, !mail.isEmpty {
            throw ValidationError("--from, --subject, --booklet, --password and --password-field are for email drafts; add --email")
        }
        if email, let name, !name.lowercased().hasSuffix(".eml") { throw ValidationError("with --email, --name must end in .eml, e.g. email-{row}.eml") }
        if let dateOrder, DateOrder(rawValue: dateOrder.lowercased()) == nil {
            throw ValidationError("--date-order must be mdy (12/03/2026 is December 3) or dmy (12/03/2026 is 12 March)")
        }
        if let encoding, BatchEncoding(name: encoding) == nil { throw ValidationError("--encoding must be one of \(BatchEncoding.names)") }
        if check, skipExisting { throw ValidationError("--check writes nothing, so --skip-existing does not apply; give one of them") }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine(strict: strict)
            let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? engine.workspace.output.appendingPathComponent("batch", isDirectory: true)
            let profile = try self.profile.map { try BatchProfile.load(from: URL(fileURLWithPath: $0)) }
            let columns = (profile?.columns ?? ColumnMapping()).overridden(by: try ColumnMapping(arguments: column))
            let rows = try BatchReader(URL(fileURLWithPath: file), options: BatchReadOptions(
                encoding: encoding.flatMap(BatchEncoding.init(name:)) ?? profile?.encoding, columns: columns))
            rows.warnings.forEach(Console.warn)
            let (format, source) = (rows.format, rows.file)
            var batchOptions = BatchOptions(outputFolder: folder)
            batchOptions.dateOrder = dateOrder.flatMap { DateOrder(rawValue: $0.lowercased()) } ?? profile?.dateOrder
            batchOptions.today = try DocumentDate.today()
            batchOptions.checkOnly = check
            batchOptions.language = languageOptions.language
            batchOptions.fallback = languageOptions.fallback
            batchOptions.namePattern = name ?? (email ? "email-{row}.eml" : "{row}-{procedure}.pdf")
            if email {
                var drafts = BatchEmail(date: try DocumentDate.messageTime())
                drafts.from = mail.from
                drafts.subject = mail.subject
                drafts.asBooklet = mail.booklet
                drafts.lock = try mail.lock()
                batchOptions.email = drafts
            }
            batchOptions.jobs = jobs
            batchOptions.skipExisting = skipExisting
            let bar = ProgressBar()
            let summary = try BatchRunner(engine: engine).run(rows, options: batchOptions) { done, total in
                bar.update(done: done, total: total)
            }
            bar.finish()
            for line in RowReport.lines(summary.warnings) { Console.warn(Warning(file: source, line)) }
            for line in RowReport.lines(summary.failures) { Console.fail(line) }
            for note in summary.notes { Console.say("note: \(note)") }
            let failed = summary.failedRows
            if check {
                let rows = summary.ready + failed
                Console.say("checked \(rows) row\(rows == 1 ? "" : "s"): ready \(summary.ready), failed \(failed); nothing written (\(format))")
            } else {
                let rate = summary.seconds > 0 ? Double(summary.written) / summary.seconds : 0
                var line = "written \(summary.written), failed \(failed)"
                if summary.skipped > 0 { line += ", skipped \(summary.skipped) already done" }
                line += String(format: ", %.2f s, %.0f %@ per second → %@ (%@)", summary.seconds, rate, email ? "drafts" : "handouts", DisplayPath.of(folder), format)
                Console.say(line)
            }
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
