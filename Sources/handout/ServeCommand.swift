import ArgumentParser
import Foundation
import HandoutBindings
import HandoutCommandLine
import HandoutKit

/// `handout serve`: the front-desk page, which is its own program, `handout-serve`, beside this
/// one. The web server and what it links (FlyingFox, Foundation's networking and its curl) stay
/// out of every other command's start-up.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start the front-desk web page: find, personalize, preview, download and print handouts.",
        discussion: """
            Options: --host (default 127.0.0.1), --port (8080), --printer NAME|URI, --token T (or HANDOUT_TOKEN; \
            required with --host), --content DIR, --layout L. `handout serve --help` shows them all.
            """)

    @Argument(parsing: .captureForPassthrough, help: "Options for the page.")
    var arguments: [String] = []

    func run() throws {
        let folder = Installation.executable.deletingLastPathComponent()
        let server = folder.appendingPathComponent("handout-serve").path
        let reason = ProgramImage.replace(with: server, arguments: ["handout serve"] + arguments)
        Console.fail("\(DisplayPath.of(URL(fileURLWithPath: server))): cannot start the page (\(reason)); build it with `swift build -c release` (scripts/setup does)")
        throw ExitCode(1)
    }
}
