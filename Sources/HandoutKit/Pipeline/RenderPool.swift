import Foundation
import Synchronization

/// A fixed set of rendering threads for a long-running process (the web page): each thread owns
/// one `HandoutWorker`, with its own Pango and cairo objects and its cache of shaped text, for
/// as long as the process runs. Any task can hand it work and await the result.
public final class RenderPool: Sendable {
    /// A job, run on one of the pool's threads with that thread's worker.
    private typealias Job = @Sendable (Result<HandoutWorker, any Error>) -> Void

    private let queue = Mutex<[Job]>([])
    private let waiting = DispatchSemaphore(value: 0)

    /// Starts `threads` threads at once, each making its worker from `engine`.
    public init(engine: HandoutEngine, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in self.serve(engine) }
            thread.name = "handout-render-\(index + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `job` on a pool thread with its worker and returns what it returns.
    public func perform<T: Sendable>(_ job: @escaping @Sendable (HandoutWorker) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.withLock { jobs in
                jobs.append { worker in
                    continuation.resume(with: Result { try job(worker.get()) })
                }
            }
            waiting.signal()
        }
    }

    /// One thread: makes its worker, then runs jobs in the order they came, forever.
    private func serve(_ engine: HandoutEngine) {
        let worker = Result { try engine.makeWorker() }
        while true {
            waiting.wait()
            guard let job = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            job(worker)
        }
    }
}
