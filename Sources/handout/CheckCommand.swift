import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout check`: how hard each handout reads, and what holds it back from printing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check readability, pictures still to add and review dates before printing.",
        discussion: "Scores each handout (all of them, and the booklet's part intros, when no SLUG is given): Flesch-Kincaid grade, Flesch reading ease and SMOG for English; Fernández-Huerta and Szigriszt-Pazos (INFLESZ) for Spanish. Exits with status 1 when a file is over --max-grade or overdue for review (clinic.yaml's review_months after its `updated:` date; today is SOURCE_DATE_EPOCH's day when set).")

    @Argument(help: "Handouts to check (slugs from `handout list`); all when none is given.")
    var slugs: [String] = []

    @Option(name: .long, help: "Check the version in this language (procedures/SLUG.L.md, e.g. es); each file's own language when left out.")
    var language: String?

    @Option(name: .long, help: "The highest school grade allowed, e.g. 8; a file over it fails the check.")
    var maxGrade: Double?

    @Flag(name: .long, help: "Print one JSON object per file, one a line.")
    var json = false

    @Option(name: .long, help: "Content folder.")
    var content: String?

    func validate() throws {
        if let maxGrade, !(0...99).contains(maxGrade) {
            throw ValidationError("--max-grade takes a school grade from 0 to 99, e.g. --max-grade 8")
        }
        if let language, language.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) == nil {
            throw ValidationError("--language takes a language tag such as en, es or pt-BR")
        }
    }

    func run() throws {
        try Console.guarded {
            let library = ContentLibrary(workspace: Workspace(content: content.map { URL(fileURLWithPath: $0, isDirectory: true) }))
            let checker = ReadabilityChecker(library: library)
            let today = try DocumentDate.today()
            var checks: [FileCheck] = []
            var failed = false
            _ = try checker.run(slugs: slugs, language: language, today: today) { result in
                switch result {
                case let .success(check): checks.append(check)
                case let .failure(error):
                    Console.fail("\(error)")
                    failed = true
                }
            }
            let report = CheckReport(checks: checks, maxGrade: maxGrade)
            if json {
                for line in try report.jsonLines() { Console.say(line) }
            } else if !checks.isEmpty {
                for line in report.lines { Console.say(line) }
            }
            if failed || report.hasFailures { throw ExitCode(1) }
        }
    }
}
