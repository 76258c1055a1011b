import Foundation
import Testing

/// A private IPP printer and CUPS scheduler for one test, run by scripts/virtual-printer.
///
/// `VirtualPrinter.run` starts it, hands it to the test and stops it afterwards, whatever the test
/// does. A printer that cannot start throws, so the test fails instead of passing without printing.
struct VirtualPrinter: Sendable {
    static let script = TestSupport.packageRoot.appendingPathComponent("scripts/virtual-printer")
    /// How long a job may take to land in the spool (a queue adds the scheduler's backend on the way).
    static let arrivalTimeout: Duration = .seconds(20)

    /// The folder the script works in: spool, logs, pid files.
    let folder: URL
    /// The printer itself, `ipp://localhost:PORT/ipp/print`.
    let uri: String
    /// The private scheduler, `127.0.0.1:PORT`, to pass where CUPS_SERVER would go.
    let cupsServer: String

    var spool: URL { folder.appendingPathComponent("spool") }

    /// Runs `body` with a fresh printer, stopping it and removing its folder afterwards.
    static func run<T>(_ body: (VirtualPrinter) async throws -> T) async throws -> T {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try TestSupport.run(script.path, ["start", folder.path])
        defer { stop(folder) }
        guard start.status == 0 else {
            throw VirtualPrinterError(description: "scripts/virtual-printer start failed: \(start.stderr)")
        }
        let printer = VirtualPrinter(
            folder: folder, uri: try read(folder.appendingPathComponent("uri")),
            cupsServer: try read(folder.appendingPathComponent("cups-server")))
        return try await body(printer)
    }

    /// The file the printer kept for the job named `title`, once it holds at least `size` bytes.
    /// The printer names it `N-TITLE.pdf` and writes it while receiving, so after `arrivalTimeout`
    /// a shorter file is returned as it is (for the byte comparison to show), and no file as nil.
    func spooledFile(title: String, size: Int) async throws -> URL? {
        let deadline = ContinuousClock.now + Self.arrivalTimeout
        while true {
            let names = try FileManager.default.contentsOfDirectory(atPath: spool.path)
            let file = names.first { $0.hasSuffix("-\(title).pdf") }.map { spool.appendingPathComponent($0) }
            if let file {
                let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
                if (attributes[.size] as? Int ?? 0) >= size { return file }
            }
            if ContinuousClock.now >= deadline { return file }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A job's IPP attributes as ipptool prints them (`name (type) = value`), by name.
    /// `jobURI` is `PRINTER_URI/JOB_ID` for the printer, `ipp://SCHEDULER/jobs/JOB_ID` for the scheduler.
    static func jobAttributes(_ jobURI: String) throws -> [String: String] {
        let result = try TestSupport.run("ipptool", ["-tv", "-T", "5", jobURI, "get-job-attributes.test"])
        #expect(result.status == 0, "ipptool get-job-attributes failed: \(result.stdout) \(result.stderr)")
        var attributes: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let equals = line.range(of: " = "), let paren = line.range(of: " (") else { continue }
            let name = line[..<paren.lowerBound].trimmingCharacters(in: .whitespaces)
            attributes[name] = String(line[equals.upperBound...])
        }
        return attributes
    }

    /// Runs one of CUPS's admin commands (cupsdisable, cupsenable, ...) against the private scheduler.
    func admin(_ command: String, _ arguments: [String]) throws {
        let result = try TestSupport.run("/usr/sbin/\(command)", ["-h", cupsServer] + arguments)
        #expect(result.status == 0, "\(command) failed: \(result.stderr)")
    }

    /// Stops the printer and checks that its processes are gone, so a broken `stop` fails tests
    /// instead of leaving schedulers running on the machine.
    private static func stop(_ folder: URL) {
        let pids = ["dbus", "ippeveprinter", "cupsd"].compactMap { name in
            (try? read(folder.appendingPathComponent("\(name).pid"))).flatMap { Int32($0) }.map { (name, $0) }
        }
        let result = try? TestSupport.run(script.path, ["stop", folder.path])
        #expect(result?.status == 0, "scripts/virtual-printer stop failed: \(result?.stderr ?? "")")
        for (name, pid) in pids where isRunning(pid) {
            Issue.record("\(name) (PID \(pid)) still runs after scripts/virtual-printer stop")
        }
    }

    /// True unless the process is gone or a zombie (this machine's PID 1 may never reap the orphans).
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(end, offsetBy: 2)] != "Z"
    }

    private static func read(_ file: URL) throws -> String {
        try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Why a virtual printer could not be used.
struct VirtualPrinterError: Error, CustomStringConvertible {
    let description: String
}
