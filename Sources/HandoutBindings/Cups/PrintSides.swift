/// How a job is printed on paper.
///
/// The raw values are the IPP `sides` keywords, so they go to CUPS unchanged.
public enum PrintSides: String, Sendable, CaseIterable {
    case oneSided = "one-sided"
    /// Both sides, turned over the long edge like a book: right for portrait handouts.
    case twoSidedLongEdge = "two-sided-long-edge"
}
