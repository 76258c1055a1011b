import Dispatch
import Foundation
import HandoutBindings
import Synchronization

/// How a batch runs.
public struct BatchOptions: Sendable {
    public var outputFolder: URL
    /// File name pattern, e.g. "{row}-{procedure}.pdf"; fields as in the batch file.
    public var namePattern = "{row}-{procedure}.pdf"
    /// Rendering threads.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Leave rows whose file already exists (a finished row of an interrupted batch).
    public var skipExisting = false
    /// Write an email draft per row (column `email` is the To address) instead of a PDF.
    public var email: BatchEmail?
    /// How dates written with numbers only read (`--date-order`); nil for clinic.yaml's, else
    /// month first, assumed.
    public var dateOrder: DateOrder?
    /// Today, to warn about procedure dates before it; nil not to.
    public var today: CalendarDate?
    /// `--check`: read and check every row, write nothing.
    public var checkOnly = false
    /// The language to make every row's documents in, unless its `language` column says another.
    public var language: String?
    /// The language used, with a warning, for a handout that has none in the row's.
    public var fallback: String?

    public init(outputFolder: URL) { self.outputFolder = outputFolder }
}

/// How a batch's email drafts are made: as `handout email` makes one, for every row.
public struct BatchEmail: Sendable {
    public var from: String?
    public var subject: String?
    public var asBooklet = false
    public var lock: EmailRequest.Lock?
    /// The Date every draft carries, so one batch's drafts agree.
    public var date: Int64

    public init(date: Int64) { self.date = date }
}

/// What a batch did. Rows are named by number only: no patient data.
public struct BatchSummary: Sendable {
    public var written = 0
    public var skipped = 0
    /// `--check`: rows that would be written.
    public var ready = 0
    /// Every problem of every failed row; a row may have several.
    public var failures: [(row: Int, reason: String)] = []
    /// Rows written, but with something to check (a date in the past).
    public var warnings: [(row: Int, reason: String)] = []
    /// Said once about the whole batch (how its dates were read).
    public var notes: [String] = []
    public var seconds = 0.0

    /// Rows that failed, however many problems each had.
    public var failedRows: Int { Set(failures.map(\.row)).count }
}

/// Renders one personalized PDF per row on every core. Layout, clinic and fonts are prepared once
/// on the main thread; each thread has its own Pango and cairo objects and takes the next row as
/// it finishes one, so only a few rows are in memory at a time, however long the batch.
public struct BatchRunner {
    let engine: HandoutEngine

    public init(engine: HandoutEngine) { self.engine = engine }

    /// Runs the batch. `progress(done, total)` is called from worker threads after each row.
    public func run(_ reader: sending BatchReader, options: BatchOptions, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> BatchSummary {
        let start = DispatchTime.now()
        AllocatorPolicy.keepFreedMemory()
        _ = try engine.library.clinic()  // a broken clinic.yaml fails the batch once, not every row
        let planner = try BatchPlanner(library: engine.library, options: options, reader: reader,
                                       strict: engine.writer.strict, report: engine.writer.report)
        let total = reader.total
        var summary: BatchSummary
        if options.checkOnly {
            // Every row through the same checks, on this thread; no folder, no file.
            var state = State(reader: reader, planner: planner)
            while state.nextJob() != nil { state.ready += 1 }
            summary = state.summary
        } else {
            try AtomicFile.createFolder(options.outputFolder, mode: 0o700)
            AtomicFile.removeStaleTemporaryFiles(in: options.outputFolder)
            let shared = Shared(engine: engine, folder: options.outputFolder, total: total, email: options.email)
            let state = Mutex(State(reader: reader, planner: planner))
            DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, total))) { _ in
                Self.work(shared, state: state, progress: progress)
            }
            summary = state.withLock { $0.summary }
        }
        // Sorted by row; a row's own problems keep the order they were found in.
        summary.failures = summary.failures.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element)
        summary.warnings.sort { $0.row < $1.row }
        summary.notes = planner.dateNote.map { [$0] } ?? []
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return summary
    }

    /// What the threads share, behind one lock: the reader and planner hand out rows in order.
    struct State {
        var reader: BatchReader
        var planner: BatchPlanner
        var finished = 0
        var written = 0
        var skipped = 0
        var ready = 0
        var failures: [(row: Int, reason: String)] = []
        var warnings: [(row: Int, reason: String)] = []

        /// The next row to render; rows that fail their checks or are skipped are counted here.
        mutating func nextJob() -> BatchJob? {
            while let row = reader.next() {
                let plan = planner.plan(row)
                warnings += plan.warnings.map { (row.number, $0) }
                switch plan.outcome {
                case let .job(job): return job
                case .skip: skipped += 1; finished += 1
                case let .failure(reasons): failures += reasons.map { (row.number, $0) }; finished += 1
                }
            }
            return nil
        }

        var summary: BatchSummary {
            BatchSummary(written: written, skipped: skipped, ready: ready, failures: failures, warnings: warnings)
        }
    }

    /// What the threads read without a lock.
    struct Shared: Sendable {
        var engine: HandoutEngine
        var folder: URL
        var total: Int
        var email: BatchEmail?
    }

    /// One thread: renders rows until none are left.
    private static func work(_ shared: Shared, state: borrowing Mutex<State>, progress: @Sendable (Int, Int) -> Void) {
        let worker: HandoutWorker
        do {
            worker = try shared.engine.makeWorker()
        } catch {
            state.withLock { $0.failures.append((0, "a rendering thread could not start: \(error)")) }
            return
        }
        while let job = state.withLock({ $0.nextJob() }) {
            let failure = render(job, with: worker, shared: shared)
            let done = state.withLock { s -> Int in
                if let failure { s.failures.append((job.row, failure)) } else { s.written += 1 }
                s.finished += 1
                return s.finished
            }
            progress(done, shared.total)
        }
    }

    /// Renders and writes one row; the reason it failed, if it did (never with patient data).
    private static func render(_ job: BatchJob, with worker: HandoutWorker, shared: Shared) -> String? {
        let document: Document
        do {
            document = try shared.email.map { try draft(job, email: $0, with: worker, shared: shared) }
                ?? shared.engine.pdf(job.request, on: worker)
        } catch {
            return "\(error)"
        }
        if let refusal = shared.engine.writer.strictRefusal(of: document) {
            document.warnings.forEach(shared.engine.writer.report)
            return "\(refusal)"
        }
        do {
            try shared.engine.writer.deliver(document, to: .file(shared.folder.appendingPathComponent(job.fileName)))
        } catch {
            // The message would name the file, and a file name may hold the patient's name.
            return "its file could not be written; check free space and the output folder's permissions"
        }
        return nil
    }

    /// One row's email draft: its handouts attached (each, or as one booklet), To its `email`.
    private static func draft(_ job: BatchJob, email: BatchEmail, with worker: HandoutWorker, shared: Shared) throws -> Document {
        var request = EmailRequest(slugs: job.slugs, patient: job.request.patient)
        request.language = job.request.language
        request.fallback = job.request.fallback
        request.to = job.to
        request.from = email.from
        request.subject = email.subject
        request.asBooklet = email.asBooklet
        request.lock = email.lock
        return try EmailComposer(engine: shared.engine).draft(request, on: worker, date: email.date)
    }
}
