/// A job the printer accepted.
public struct PrintReceipt: Sendable, Equatable {
    /// The destination as the caller named it: a CUPS queue name or the printer's URI.
    public var printer: String
    /// The job's number on that destination (the scheduler's for a queue, the printer's for a URI).
    public var jobID: Int

    public init(printer: String, jobID: Int) {
        self.printer = printer
        self.jobID = jobID
    }
}
