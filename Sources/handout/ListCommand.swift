import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout list`: slug, title, category and languages of every handout.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the handouts in the content folder.")

    @Option(name: .long, help: "Content folder.")
    var content: String?

    func run() throws {
        try Console.guarded {
            let library = ContentLibrary(workspace: Workspace(content: content.map { URL(fileURLWithPath: $0, isDirectory: true) }))
            var failed = false
            for slug in try library.slugs() {
                var warnings: [Warning] = []
                do {
                    let procedure = try library.procedure(slug, warnings: &warnings)
                    let languages = try library.languages(of: slug, warnings: &warnings)
                    Console.say([slug, procedure.title, procedure.category ?? "-", languages.joined(separator: ",")].joined(separator: "\t"))
                } catch {
                    Console.fail("\(error)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
