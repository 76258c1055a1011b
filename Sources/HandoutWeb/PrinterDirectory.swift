import Foundation
import HandoutBindings
import Synchronization

/// The printers the page offers: the one given with `--printer` first, then the CUPS queues of
/// this computer (asked again at most every 30 seconds). A form may print only to one of these,
/// so no web page can send a job to an address of its choosing.
final class PrinterDirectory: Sendable {
    let preferred: String?
    private let known = Mutex<(queues: [PrinterStatus], asked: ContinuousClock.Instant?)>(([], nil))

    init(preferred: String?) { self.preferred = preferred }

    /// The choices for the form's printer list, the preferred (or CUPS default) one selected.
    func choices() -> [[String: Any]] {
        let queues = self.queues()
        let selected = preferred ?? queues.first(where: \.isDefault)?.name ?? queues.first?.name
        var list: [[String: Any]] = []
        if let preferred, !queues.contains(where: { $0.name == preferred }) {
            list.append(["name": preferred, "label": Self.label(preferred), "selected": true])
        }
        for queue in queues {
            var label = queue.name
            if queue.state == .stopped { label += " (stopped)" }
            list.append(["name": queue.name, "label": label, "selected": queue.name == selected])
        }
        return list
    }

    /// Whether a form may print to `name`.
    func allows(_ name: String) -> Bool {
        name == preferred || queues().contains { $0.name == name }
    }

    /// The printer a form that names none prints to.
    var fallback: String? { preferred ?? queues().first(where: \.isDefault)?.name }

    private func queues() -> [PrinterStatus] {
        let now = ContinuousClock.now
        if let cached = known.withLock({ $0.asked.map { now - $0 < .seconds(30) } == true ? $0.queues : nil }) { return cached }
        let queues = (try? Cups.destinations()) ?? []
        known.withLock { $0 = (queues, now) }
        return queues
    }

    /// "ipp://host:631/ipp/print" reads as "Printer at host"; a queue name as itself.
    static func label(_ destination: String) -> String {
        guard destination.contains("://"), let host = URLComponents(string: destination)?.host else { return destination }
        return "Printer at \(host)"
    }
}
