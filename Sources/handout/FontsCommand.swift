import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit

/// `handout fonts`: what each font role of a layout resolves to.
struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fonts", abstract: "Show the font family and file each role of a layout uses.")

    @OptionGroup var options: ContentOptions

    func run() throws {
        try Console.guarded {
            for (role, description, face) in try options.engine().resolvedFonts() {
                let resolved = face.map { "\($0.family) \($0.style)\t\($0.file)" } ?? "(not found)"
                Console.say("\(role)\t\(description)\t\(resolved)")
            }
        }
    }
}
