import ArgumentParser
import Foundation
import HandoutCommandLine
import HandoutKit
import HandoutWeb

/// `handout serve` (this program, which `handout` starts in its own place): the front-desk web page.
@main
struct ServeTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout serve", abstract: "Start the front-desk web page: find, personalize, preview, download and print handouts.",
        discussion: """
            Listens on 127.0.0.1 (this computer only) unless --host says otherwise; any other address needs \
            --token (or HANDOUT_TOKEN), and belongs behind a TLS proxy. Patient details are never logged \
            or written to disk.
            """,
        version: HandoutEngine.version)

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "IPv4 address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Option(name: .long, help: "The printer offered first: a CUPS printer name or an ipp:// address.")
    var printer: String?

    @Option(name: .long, help: "Access code every request must carry (default: $HANDOUT_TOKEN); required with --host.")
    var token: String?

    func run() async throws {
        var settings = ServerConfiguration()
        settings.host = host
        settings.port = port
        settings.printer = printer
        settings.token = token ?? ProcessInfo.processInfo.environment["HANDOUT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            let server = try FrontDeskServer(engine: try options.engine(), configuration: settings)
            try await server.run { address in
                // Straight to the file descriptor: a script waiting for this line must see it now.
                FileHandle.standardOutput.write(Data("Front desk: \(address)  (Ctrl-C to stop)\n".utf8))
            }
        } catch {
            Console.fail("\(error)")
            throw ExitCode(1)
        }
    }
}
