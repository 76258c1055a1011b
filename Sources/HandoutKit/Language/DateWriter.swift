import Foundation
import Synchronization

/// Writes dates and times the way a locale does, from Foundation's (ICU's) locale data: "Thursday,
/// December 3, 2026" and "7:30 AM" in English, "jueves, 3 de diciembre de 2026" and "7:30 a. m."
/// in Spanish. Always in UTC, so the same input gives the same words on every machine.
public struct DateWriter: Equatable, Sendable {
    public var locale: String

    public init(locale: String) { self.locale = locale }

    public static let english = DateWriter(locale: "en_US")

    /// "Thursday, December 3, 2026".
    public func withWeekday(_ date: CalendarDate) -> String { format(date, hour: 0, minute: 0, template: "EEEEMMMMdyyyy") }
    /// "December 3, 2026".
    public func long(_ date: CalendarDate) -> String { format(date, hour: 0, minute: 0, template: "MMMMdyyyy") }
    /// "November 2026".
    public func monthAndYear(_ date: CalendarDate) -> String { format(date, hour: 0, minute: 0, template: "MMMMyyyy") }
    /// "7:30 AM".
    public func time(_ time: ClockTime) -> String {
        format(CalendarDate(year: 2001, month: 1, day: 1)!, hour: time.hour, minute: time.minute, template: "hmma")
    }

    /// Formatters are costly to make and not safe to share while being set up: one per locale and
    /// pattern, made once, used under a lock.
    private static let formatters = Mutex<[String: DateFormatter]>([:])

    private func format(_ date: CalendarDate, hour: Int, minute: Int, template: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
        guard let instant = calendar.date(from: components) else { return date.iso }
        return Self.formatters.withLock { formatters in
            let key = locale + "|" + template
            let formatter = formatters[key] ?? {
                let made = DateFormatter()
                made.locale = Locale(identifier: locale)
                made.calendar = calendar
                made.timeZone = calendar.timeZone
                made.setLocalizedDateFormatFromTemplate(template)
                formatters[key] = made
                return made
            }()
            // ICU puts narrow no-break spaces in "7:30 AM" and "a. m.": plain spaces are what
            // people type and search for, in the PDF's text as on paper.
            return formatter.string(from: instant).replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        }
    }
}

/// A time of day, as a patient's arrival time is kept until it is written in their language.
public struct ClockTime: Equatable, Sendable {
    /// 0 to 23.
    public var hour: Int
    public var minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }
}
