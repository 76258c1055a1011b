import FlyingFox
import FlyingSocks
import Foundation
import HandoutKit

/// The front-desk web page: find a handout, personalize it for the patient at the desk, preview,
/// download and print it, all rendered in memory on the server. Nothing a patient's details
/// touch is logged, cached or written to disk.
public final class FrontDeskServer: Sendable {
    let engine: HandoutEngine
    let configuration: ServerConfiguration
    let pool: RenderPool
    let views: Views
    let guardian: RequestGuard
    let log: AccessLog
    let printers: PrinterDirectory
    /// Longest a request may take: a personalized booklet of 30 handouts takes well under a
    /// second; printing may wait up to 8 s for a busy printer.
    static let requestTimeout: TimeInterval = 15
    /// Generic copies and their page pictures, kept while their content is unchanged.
    let generic = ResponseCache<GenericKey>(budgetBytes: 24 << 20)

    /// Checks the configuration (another host needs a token) and starts the rendering threads.
    public init(engine: HandoutEngine, configuration: ServerConfiguration, accessLog: Bool = true) throws {
        try configuration.validate()
        self.engine = engine
        self.configuration = configuration
        pool = RenderPool(engine: engine, threads: configuration.threads)
        views = try Views()
        guardian = RequestGuard(configuration: configuration)
        log = AccessLog(enabled: accessLog)
        printers = PrinterDirectory(preferred: configuration.printer)
    }

    /// Listens until the process ends; `listening` is told the page's address once it can be opened.
    public func run(listening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: configuration.host, port: configuration.port)
        } catch {
            throw ServerError("--host: '\(configuration.host)' is not an address this computer can listen on")
        }
        // FlyingFox times every request with a sleeping task whose timer, even when cancelled,
        // holds ~700 bytes until its deadline: a short timeout keeps that memory small and flat.
        let server = HTTPServer(
            address: address, timeout: Self.requestTimeout, pool: SocketPool(queue: NoDelayEventQueue()), logger: .disabled,
            handler: FrontDeskHandler(app: self))
        let host = configuration.host, configuredPort = configuration.port
        var started = false
        do {
            // Two children: the server, and one that announces the address once it listens.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await server.run(); return false }
                group.addTask {
                    try await server.waitUntilListening(timeout: 10)
                    var port = configuredPort
                    if case let .ip4(_, bound)? = await server.listeningAddress { port = bound }
                    listening("http://\(host):\(port)/")
                    return true
                }
                for try await announced in group where announced { started = true }
            }
        } catch {
            throw ServerError(started
                ? "the page stopped (\(error))"
                : "cannot listen on \(host):\(configuration.port) (\(error)); is another program using that port? Pick another with --port")
        }
    }
}

/// What a generic document or picture is cached under: it changes with the content.
struct GenericKey: Hashable, Sendable {
    /// A slug, or "booklet:a,b" for an ad hoc booklet.
    var document: String
    var digest: UInt64
    /// 0 for the PDF; otherwise the page pictured.
    var page = 0
    var width = 0
}
