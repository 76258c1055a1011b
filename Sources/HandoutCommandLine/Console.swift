import ArgumentParser
import Foundation
import HandoutKit
import Synchronization

/// Prints results to stdout and problems to stderr, one line each, and turns failures into exit codes.
public enum Console {
    /// Warnings already shown: a batch of thousands repeats each only once.
    private static let shown = Mutex(Set<String>())

    public static func say(_ line: String) {
        print(line)
    }

    @Sendable public static func warn(_ warning: Warning) {
        let line = "warning: \(warning)\n"
        guard shown.withLock({ $0.insert(line).inserted }) else { return }
        FileHandle.standardError.write(Data(line.utf8))
    }

    public static func fail(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// "Output/x.pdf  (2 pages, 41 KB)" for each file a delivery wrote.
    public static func report(_ delivery: Delivery, _ document: Document) {
        guard let main = delivery.files.first else { return }
        let pages = document.format == .pdf ? "\(document.pages) page\(document.pages == 1 ? "" : "s"), " : ""
        say("\(DisplayPath.of(main))  (\(pages)\(delivery.bytes.count / 1024) KB)")
        for (file, companion) in zip(delivery.files.dropFirst(), document.companions) {
            say("\(DisplayPath.of(file))  (\(companion.document.pages) sheet sides to fold)")
        }
    }

    /// The one line that ends a run where some handouts failed: how many, and what became of the rest.
    public static func failureSummary(failed: Int, of total: Int) -> String {
        let rest = total - failed
        let outcome = switch rest {
        case 0: "none was written"
        case 1: "the other was written"
        default: "the other \(rest) were written"
        }
        return "\(failed) of \(total) handouts failed; \(outcome)"
    }

    /// The first line of standard input: a password typed or piped there stays out of the
    /// process list, where every user of the machine can read a command's arguments.
    public static func readSecret(for option: String) throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw HandoutError(file: option, "no password on standard input; type it, or pipe it in")
        }
        return line
    }

    /// Runs `body`, reporting any error as one line and exiting with status 1: never a stack trace.
    public static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail("\(error)")
            throw ExitCode(1)
        }
    }
}
