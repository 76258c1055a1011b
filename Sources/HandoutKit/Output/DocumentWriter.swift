import Foundation
import HandoutBindings

/// The one way a document leaves Handout, for the command line, batches, the web page and
/// email alike: the finishing steps on its PDF bytes, in order, then its destination (a file,
/// memory or a printer).
///
/// Files are written atomically (temp file, then rename or link), so a final path never holds
/// a partial file. A patient's documents are created readable by their owner only (0600), in
/// folders created the same way (0700); the clinic's own are 0644 in 0755 folders.
public struct DocumentWriter: Sendable {
    /// Run in order on every PDF, before any destination sees it.
    public var steps: [any PDFStep]
    /// Told each document's warnings once, when it is delivered.
    public var report: @Sendable (Warning) -> Void
    /// For print runs: a document with any warning (a placeholder left in, a missing picture or
    /// glyph, an unused field) is refused instead of delivered.
    public var strict = false

    /// The steps every PDF gets: what an accessible PDF needs that cairo leaves out, then the
    /// password lock a document may ask for (last: nothing can change a PDF once it is locked).
    public static let standardSteps: [any PDFStep] = [AccessibilityStep(), LockStep()]

    public init(steps: [any PDFStep] = standardSteps, strict: Bool = false, report: @escaping @Sendable (Warning) -> Void = { _ in }) {
        self.steps = steps
        self.strict = strict
        self.report = report
    }

    /// Why `--strict` refuses `document`: its first warning, as an error; nil when it may go.
    public func strictRefusal(of document: Document) -> HandoutError? {
        guard strict, let first = (document.warnings + document.companions.flatMap(\.document.warnings)).first else { return nil }
        return HandoutError(file: first.file, line: first.line, "\(first.message) (an error with --strict)")
    }

    /// The document with every step applied to it and its companions (PNG pictures pass as they are).
    public func finish(_ document: Document) throws -> Document {
        var finished = document
        if document.format == .pdf {
            for step in steps { finished.bytes = try step.apply(to: finished.bytes, of: finished) }
        }
        finished.companions = try document.companions.map { companion in
            var copy = companion
            copy.document = try finish(companion.document)
            return copy
        }
        return finished
    }

    /// Finishes `document` and sends it to `destination`; its companions go beside it.
    @discardableResult
    public func deliver(_ document: Document, to destination: Destination) throws -> Delivery {
        (document.warnings + document.companions.flatMap(\.document.warnings)).forEach(report)
        if let refusal = strictRefusal(of: document) { throw refusal }
        let finished = try finish(document)
        let (fileMode, folderMode): (mode_t, mode_t) = document.isPersonal ? (0o600, 0o700) : (0o644, 0o755)
        let main: URL
        switch destination {
        case .memory:
            return Delivery(bytes: finished.bytes)
        case let .printer(order):
            // The job's title is the document's name: print queues are visible to other users.
            let title = (document.name as NSString).deletingPathExtension
            let receipt = try Cups.submit(finished.bytes, to: order.printer, title: title, copies: order.copies, sides: order.sides)
            return Delivery(bytes: finished.bytes, receipt: receipt)
        case let .file(url):
            main = url
            try AtomicFile.write(finished.bytes, to: url, mode: fileMode, folderMode: folderMode)
        case let .folder(folder):
            main = folder.appendingPathComponent(document.name)
            try AtomicFile.write(finished.bytes, to: main, mode: fileMode, folderMode: folderMode)
        case let .newFile(folder, name, numbered):
            main = try AtomicFile.writeNew(
                finished.bytes, in: folder, name: name ?? document.name, numbered: numbered, mode: fileMode, folderMode: folderMode)
        }
        if document.isPersonal, AtomicFile.isOpenToOthers(main.deletingLastPathComponent()) {
            let folder = DisplayPath.of(main.deletingLastPathComponent())
            report(Warning(file: folder, "other users can open this folder, which holds a patient's file; run `chmod 700 \(folder)`"))
        }
        var delivery = Delivery(bytes: finished.bytes, files: [main])
        for companion in finished.companions {
            let url = main.deletingLastPathComponent().appendingPathComponent(
                main.deletingPathExtension().lastPathComponent + companion.suffix + "." + companion.document.format.rawValue)
            try AtomicFile.write(companion.document.bytes, to: url, mode: fileMode, folderMode: folderMode)
            delivery.files.append(url)
        }
        return delivery
    }
}
