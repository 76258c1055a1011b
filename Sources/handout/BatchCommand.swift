import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout batch FILE`: one personalized PDF per row of a CSV or JSON Lines file.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one personalized PDF per row of a CSV or JSON Lines file.",
        discussion: """
            Column `procedure` holds a handout slug, or several separated by ; for the patient's own booklet. \
            The other columns are fields: patient_name (required), procedure_date (YYYY-MM-DD), arrival_time, \
            physician, notes, and any others the content uses as {{field}}. Files are readable by you only.
            """)

    @Argument(help: "CSV file with a header row, or JSON Lines (.jsonl).")
    var file: String

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "Output folder (created readable by you only; default: the project's Output/batch).")
    var output: String?

    @Option(name: .long, help: "File name pattern; fields in braces, e.g. {row}-{procedure}.pdf or {patient_name}.pdf.")
    var name: String = "{row}-{procedure}.pdf"

    @Option(name: .long, help: "Rendering threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Keep files that already exist: finish an interrupted batch.")
    var skipExisting = false

    @Flag(name: .long, help: "Refuse a document with any warning (a placeholder left in, a missing picture or glyph, an unused field): for print runs.")
    var strict = false

    func validate() throws {
        if !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256") }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine(strict: strict)
            let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? engine.workspace.output.appendingPathComponent("batch", isDirectory: true)
            let rows = try BatchReader(URL(fileURLWithPath: file))
            var batchOptions = BatchOptions(outputFolder: folder)
            batchOptions.namePattern = name
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
            line += String(format: ", %.2f s, %.0f handouts per second → %@", summary.seconds, rate, DisplayPath.of(folder))
            Console.say(line)
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
