import Dispatch
import Foundation
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

    public init(outputFolder: URL) { self.outputFolder = outputFolder }
}

/// What a batch did. Rows are named by number only: no patient data.
public struct BatchSummary: Sendable {
    public var written = 0
    public var skipped = 0
    public var failures: [(row: Int, reason: String)] = []
    public var seconds = 0.0
}

/// One row ready to render: its handouts, its patient and its file.
struct BatchJob: Sendable {
    var row: Int
    var slugs: [String]
    var patient: Patient
    var fileName: String
}

/// Renders one personalized PDF per row on every core: content, layout and fonts are prepared once
/// on the main thread; each thread has its own Pango and cairo objects.
public struct BatchRunner {
    let engine: HandoutEngine

    public init(engine: HandoutEngine) { self.engine = engine }

    /// Runs the batch. `progress(done, total)` is called from worker threads after each row.
    public func run(_ rows: [BatchRow], options: BatchOptions, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> BatchSummary {
        let start = DispatchTime.now()
        var summary = BatchSummary()
        var namer = FileNamer(pattern: options.namePattern)
        let known = Set(try engine.library.slugs())
        var procedures: [String: Procedure] = [:]
        var jobs: [BatchJob] = []
        var warnings: [Warning] = []

        // Check every row and name its file first, in row order, so names do not depend on timing.
        for row in rows {
            func fail(_ reason: String) { summary.failures.append((row.number, reason)) }
            if let problem = row.problem { fail(problem); continue }
            var fields = row.fields
            let slugs = (fields.removeValue(forKey: "procedure") ?? "")
                .split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !slugs.isEmpty else { fail("procedure is missing; give a handout slug, or several separated by ;"); continue }
            if let unknown = slugs.first(where: { !known.contains($0) }) {
                fail("unknown procedure '\(unknown.prefix(60))'; use a slug from `handout list`")
                continue
            }
            do {
                for slug in slugs where procedures[slug] == nil {
                    procedures[slug] = try engine.library.procedure(slug, warnings: &warnings)
                }
            } catch {
                fail("\(error)")
                continue
            }
            let patient: Patient
            do { patient = try Patient(fields: fields) } catch { fail(error.description); continue }
            let name = namer.name(row: row.number, procedure: slugs.joined(separator: "+"), fields: patient.fields)
            if options.skipExisting, FileManager.default.fileExists(atPath: options.outputFolder.appendingPathComponent(name).path) {
                summary.skipped += 1
                continue
            }
            jobs.append(BatchJob(row: row.number, slugs: slugs, patient: patient, fileName: name))
        }

        try FileManager.default.createDirectory(
            at: options.outputFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        AtomicFile.removeStaleTemporaryFiles(in: options.outputFolder)

        let shared = SharedBatch(
            jobs: jobs, procedures: procedures, settings: engine.settings,
            bookletCover: try engine.adHocBooklet(warnings: &warnings), folder: options.outputFolder)
        let state = Mutex(BatchProgress())
        let total = rows.count
        let alreadyDone = rows.count - jobs.count
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, jobs.count))) { _ in
            Self.work(shared, state: state, total: total, alreadyDone: alreadyDone, progress: progress)
        }
        let results = state.withLock { $0 }
        summary.written = results.written
        summary.failures += results.failures
        summary.failures.sort { $0.row < $1.row }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return summary
    }

    /// Everything the worker threads read; all of it is plain values.
    struct SharedBatch: Sendable {
        var jobs: [BatchJob]
        var procedures: [String: Procedure]
        var settings: RenderSettings
        /// Title, subtitle and edition for a patient's own booklet.
        var bookletCover: Booklet
        var folder: URL
    }

    struct BatchProgress {
        var next = 0
        var finished = 0
        var written = 0
        var failures: [(row: Int, reason: String)] = []
    }

    /// One thread: takes the next row until none are left.
    private static func work(
        _ batch: SharedBatch, state: borrowing Mutex<BatchProgress>, total: Int, alreadyDone: Int,
        progress: @Sendable (Int, Int) -> Void
    ) {
        let worker: HandoutWorker
        do {
            worker = try HandoutWorker(settings: batch.settings)
        } catch {
            state.withLock { $0.failures.append((0, "a rendering thread could not start: \(error)")) }
            return
        }
        while true {
            let index = state.withLock { s -> Int in defer { s.next += 1 }; return s.next }
            guard index < batch.jobs.count else { return }
            let job = batch.jobs[index]
            var failure: String?
            do {
                var warnings: [Warning] = []
                let bytes: [UInt8]
                if job.slugs.count == 1, let procedure = batch.procedures[job.slugs[0]] {
                    bytes = try worker.handoutPDF(procedure, patient: job.patient, warnings: &warnings).bytes
                } else {
                    var booklet = batch.bookletCover
                    booklet.parts = [Booklet.Part(title: nil, intro: [], procedures: job.slugs)]
                    bytes = try worker.bookletPDF(booklet, procedures: batch.procedures, patient: job.patient, imposed: false, warnings: &warnings).pdf
                }
                do {
                    try AtomicFile.write(bytes, to: batch.folder.appendingPathComponent(job.fileName), permissions: 0o600, folderPermissions: 0o700)
                } catch {
                    // The message would name the file, and a file name may hold the patient's name.
                    failure = "its file could not be written; check free space and the output folder's permissions"
                }
            } catch {
                failure = "\(error)"
            }
            let done = state.withLock { s -> Int in
                if let failure { s.failures.append((job.row, failure)) } else { s.written += 1 }
                s.finished += 1
                return s.finished
            }
            progress(alreadyDone + done, total)
        }
    }
}
