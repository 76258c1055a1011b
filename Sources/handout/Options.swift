import ArgumentParser
import Foundation
import HandoutKit

/// Where content comes from and which layout to use: shared by the commands that render.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "Content folder (clinic.yaml, procedures/).")
    var content: String = "Content"

    @Option(name: .long, help: "Layout: a name from Layouts/ (letter, a4, large-print) or a path to a .yaml file.")
    var layout: String?

    func workspace(output: String? = nil) -> Workspace {
        Workspace(
            content: URL(fileURLWithPath: content, isDirectory: true),
            output: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }
}
