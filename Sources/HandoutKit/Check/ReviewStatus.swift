/// Whether a handout's text is due for review: its `updated:` date against clinic.yaml's
/// `review_months:` and today.
public struct ReviewStatus: Equatable, Sendable {
    public enum State: String, Sendable {
        case current
        case overdue
        case neverReviewed = "never reviewed"
        /// A part intro: plain Markdown, with no front matter to hold a date.
        case notTracked = "not tracked"
    }

    public var state: State
    public var updated: CalendarDate?
    /// The day the review falls due: `updated` plus the review interval.
    public var due: CalendarDate?

    public init(updated: CalendarDate?, months: Int, today: CalendarDate) {
        self.updated = updated
        guard let updated else {
            state = .neverReviewed
            return
        }
        let due = Self.adding(months: months, to: updated)
        self.due = due
        state = today > due ? .overdue : .current
    }

    public init(notTracked: Void) {
        state = .notTracked
    }

    /// `date` plus `months`, on the month's last day when it is shorter (Jan 31 + 1 → Feb 28).
    static func adding(months: Int, to date: CalendarDate) -> CalendarDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        for day in stride(from: date.day, through: 1, by: -1) {
            if let result = CalendarDate(year: year, month: month, day: day) { return result }
        }
        return CalendarDate(year: year, month: month, day: 28) ?? date
    }
}
