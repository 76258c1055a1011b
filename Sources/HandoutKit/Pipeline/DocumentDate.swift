import Foundation

/// The date a document carries: never the wall clock and never made up, so the same inputs give
/// the same bytes and a patient never reads a date nobody chose.
public enum DocumentDate {
    /// `SOURCE_DATE_EPOCH` when set; else the content's `updated` date; else none (the PDF then
    /// carries no creation date at all).
    public static func resolve(updated: CalendarDate?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (day: CalendarDate, iso: String)? {
        if let seconds = try sourceDateEpoch(environment) {
            let day = CalendarDate(unixTime: seconds)
            let time = seconds % 86_400
            let clock = [time / 3600, time % 3600 / 60, time % 60].map { zeroPadded(Int($0), width: 2) }.joined(separator: ":")
            return (day, "\(day.iso)T\(clock)Z")
        }
        return updated.map { ($0, "\($0.iso)T00:00:00Z") }
    }

    /// When an email draft is written, in seconds since 1970: `SOURCE_DATE_EPOCH` when set (so a
    /// rerun gives the same bytes), else the clock's. A draft's Date header says when it was made,
    /// which is a real date, unlike a document's.
    public static func messageTime(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int64 {
        try sourceDateEpoch(environment) ?? Int64(Date().timeIntervalSince1970)
    }

    /// Today, for telling a procedure date in the past: `SOURCE_DATE_EPOCH`'s day when set (so
    /// tests and reruns agree), else the local calendar's.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CalendarDate {
        if let seconds = try sourceDateEpoch(environment) { return CalendarDate(unixTime: seconds) }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(unixTime: Int64(Date().timeIntervalSince1970))
    }

    private static func sourceDateEpoch(_ environment: [String: String]) throws -> Int64? {
        guard let raw = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int64(raw.trimmed), seconds >= 0, seconds < 253_402_300_800 else {
            throw HandoutError(file: "SOURCE_DATE_EPOCH", "'\(raw)' is not a Unix time; set it to whole seconds since 1970, e.g. 1764547200, or unset it")
        }
        return seconds
    }
}
