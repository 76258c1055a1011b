/// Which number comes first in a date written with numbers only, such as 12/03/2026: the month
/// (`mdy`, as US spreadsheets write it) or the day (`dmy`, as most of the world does).
public enum DateOrder: String, Sendable, CaseIterable {
    case mdy, dmy

    /// "month/day/year", for messages.
    public var words: String { self == .mdy ? "month/day/year" : "day/month/year" }
}
