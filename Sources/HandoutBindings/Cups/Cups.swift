import CCups

/// Printing through libcups: the destinations CUPS knows, and PDF jobs sent to a queue or a printer's URI.
///
/// Each call is synchronous and does all its libcups work on the calling thread, because libcups
/// keeps the chosen server and the last error per thread.
public enum Cups {
    /// Copies one job may ask for: a handout is printed for one patient, a stack for a clinic session at most.
    public static let copiesRange = 1...99

    /// The destinations CUPS knows (cupsGetDests2), the default first, then by name.
    ///
    /// - Parameter server: the scheduler as `host:port` or a socket path; nil means what every CUPS client
    ///   uses: `CUPS_SERVER`, then client.conf, then the local scheduler.
    /// - Throws: `PrintError` `.schedulerUnavailable` when no scheduler answers, saying how to start it.
    ///   An empty list would read as "no printers set up" and send the user to the wrong fix.
    public static func destinations(server: String? = nil) throws -> [PrinterStatus] {
        try requireLibrary()
        handout_cupsSetServer(server)
        defer { handout_cupsSetServer(nil) }
        let scheduler = try CupsConnection.scheduler()
        let statuses = try DestinationList(from: scheduler).statuses
        let messages = IPPResponse.printerStateMessages(on: scheduler)
        return statuses.map { status in
            var status = status
            status.message = status.message ?? messages[queueName(status.name)]
            return status
        }
    }

    /// libcups is opened on first use (see CCups' shim), so a machine without it can still render.
    static func requireLibrary() throws {
        guard handout_cups_available() != 0 else {
            throw PrintError(.schedulerUnavailable, "cannot print: libcups is not installed; install the Debian package libcups2")
        }
    }

    /// Sends PDF bytes as one job and returns once the destination has accepted all of them.
    ///
    /// - Parameters:
    ///   - pdf: the document's bytes, never a path: Handout's files are 0600, which the scheduler's
    ///     `lp` user cannot read.
    ///   - destination: a CUPS queue name (`FrontDesk`, or `FrontDesk/instance`) or a printer's
    ///     `ipp://` or `ipps://` URI, which is printed to directly without a scheduler.
    ///   - title: the job name, which every user of the printer sees in queue listings, on banner
    ///     pages and in CUPS logs. It must never contain patient data: pass the handout's generic
    ///     title (e.g. the procedure), never a name, date of birth or record number.
    ///   - copies: within `copiesRange`.
    ///   - sides: one- or two-sided; for a URI, refused up front if the printer says it cannot.
    ///   - server: as in `destinations(server:)`; a URI destination does not use it.
    /// - Throws: `PrintError` naming what failed and what to do.
    public static func submit(
        _ pdf: [UInt8], to destination: String, title: String, copies: Int = 1, sides: PrintSides = .oneSided,
        server: String? = nil
    ) throws -> PrintReceipt {
        guard copiesRange.contains(copies) else {
            throw PrintError(.invalidJob, "cannot print \(copies) copies: ask for \(copiesRange.lowerBound) to \(copiesRange.upperBound)")
        }
        guard pdf.starts(with: Array("%PDF-".utf8)) else {
            throw PrintError(.invalidJob, "nothing to print: the document is \(pdf.isEmpty ? "empty" : "not a PDF")")
        }
        try requireLibrary()
        handout_cupsSetServer(server)
        defer { handout_cupsSetServer(nil) }
        let (target, connection) = try resolve(destination)
        let job = PrintJob(
            destination: target, connection: connection, title: jobName(title), copies: copies, sides: sides)
        return PrintReceipt(printer: destination, jobID: try job.send(pdf))
    }

    /// A URI becomes a direct destination reached over its own connection; anything else must name a
    /// queue the scheduler knows, reached over the scheduler's connection.
    private static func resolve(_ destination: String) throws -> (Destination, CupsConnection) {
        if let colon = destination.firstRange(of: "://") {
            let scheme = destination[..<colon.lowerBound].lowercased()
            guard scheme == "ipp" || scheme == "ipps" else {
                throw PrintError(.invalidJob, "cannot print to \(destination): use a queue name or an ipp:// or ipps:// address")
            }
            let printer = try Destination.printer(uri: destination)
            return (printer, try CupsConnection.device(of: printer))
        }
        guard !destination.isEmpty, !destination.contains(where: { $0.isWhitespace }) else {
            throw PrintError(.invalidJob, "\"\(destination)\" is not a printer queue name: queue names have no spaces")
        }
        let scheduler = try CupsConnection.scheduler()
        guard let queue = try Destination.queue(named: destination, on: scheduler) else {
            let known = try DestinationList(from: scheduler).statuses.map(\.name)
            throw PrintError(
                .unknownQueue,
                known.isEmpty
                    ? "there is no printer queue named \(destination), and CUPS has none: add one, or print to the printer's ipp:// address"
                    : "there is no printer queue named \(destination): use one CUPS knows (\(known.joined(separator: ", "))) "
                        + "or the printer's ipp:// address")
        }
        try queue.checkReady { IPPResponse.printerStateMessages(on: scheduler)[queueName(destination)] }
        return (queue, scheduler)
    }

    /// The queue part of `queue/instance`.
    private static func queueName(_ name: String) -> String {
        String(name.split(separator: "/", maxSplits: 1).first ?? Substring(name))
    }

    /// The title as IPP can carry it: one line of at most 255 bytes (job-name is name(MAX)).
    private static func jobName(_ title: String) -> String {
        var name = String(title.map { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
        while name.utf8.count > 255 { name.removeLast() }
        return name.allSatisfy(\.isWhitespace) ? "Handout" : name
    }
}
