import Foundation

/// The date a document carries, never the wall clock, so the same inputs give the same bytes.
public enum DocumentDate {
    /// `SOURCE_DATE_EPOCH` when set; else the content's `updated` date; else a date derived from
    /// the content's bytes (stable, and different for different content).
    public static func resolve(updated: CalendarDate?, digest: UInt64,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (day: CalendarDate, iso: String) {
        if let raw = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(raw.trimmed), seconds >= 0, seconds < 253_402_300_800 else {
                throw HandoutError(file: "SOURCE_DATE_EPOCH", "'\(raw)' is not a Unix time; set it to whole seconds since 1970, e.g. 1764547200, or unset it")
            }
            let day = CalendarDate(unixTime: seconds)
            let time = seconds % 86_400
            let clock = [time / 3600, time % 3600 / 60, time % 60].map { zeroPadded(Int($0), width: 2) }.joined(separator: ":")
            return (day, "\(day.iso)T\(clock)Z")
        }
        let day = updated ?? CalendarDate(unixTime: 1_577_836_800 + Int64(digest % 3650) * 86_400)
        return (day, "\(day.iso)T00:00:00Z")
    }
}
