import Foundation
import Synchronization

/// A one-line progress bar on stderr: rows done, rate, time left. Silent when stderr is not a
/// terminal, so logs and pipes get only the summary. Shows counts only, never patient data.
final class ProgressBar: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private let lastDraw = Mutex(Date.distantPast)

    func update(done: Int, total: Int) {
        guard enabled else { return }
        let now = Date()
        let due = lastDraw.withLock { last -> Bool in
            guard now.timeIntervalSince(last) >= 0.1 || done == total else { return false }
            last = now
            return true
        }
        guard due else { return }
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int(Double(total - done) / rate) : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = String(format: "\r%@ %d/%d rows  %.0f/s  %d:%02d left ", bar, done, total, rate, left / 60, left % 60)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
