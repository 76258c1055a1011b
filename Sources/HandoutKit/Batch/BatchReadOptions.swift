/// How to read a batch file beyond what it says itself.
public struct BatchReadOptions: Sendable {
    /// The text encoding; nil to detect it.
    public var encoding: BatchEncoding?
    /// Columns built from others.
    public var columns = ColumnMapping()

    public init(encoding: BatchEncoding? = nil, columns: ColumnMapping = ColumnMapping()) {
        self.encoding = encoding
        self.columns = columns
    }
}

/// What a batch file's dates look like, read before any row is planned: a file that writes some
/// dates day first (25/03/2026) makes every date such as 12/03/2026 a question.
public struct DateEvidence: Sendable, Equatable {
    /// Rows whose procedure_date only makes sense day first.
    public var dayFirst = 0
    /// Rows whose procedure_date reads as two different days, month first or day first.
    public var ambiguous = 0
}
