import Foundation

/// A date as people and spreadsheets write it: `2026-12-03`, `12/03/2026` (or with `-` or `.`),
/// `3-Dec-2026`, `3 December 2026`, `Dec 3, 2026`, `December 3, 2026`, optionally after a weekday
/// ("Thursday, December 3, 2026", Excel's long date) or before a midnight time ("12/3/2026 0:00",
/// how a date-and-time cell exports). Numbers-only dates are kept as numbers: which comes first
/// is for `DateRules` to say.
enum WrittenDate: Equatable {
    case date(CalendarDate)
    /// `first/second/year`: month and day in an order the text does not tell.
    case numeric(first: Int, second: Int, year: Int)
    /// A real date, but the weekday written with it is another day's.
    case wrongWeekday
    case unreadable

    // The patterns are made once: a regex literal is parsed again each time it is evaluated,
    // which made reading dates most of a batch check's time. Matching only reads them.
    /// "12/3/2026 0:00": a date-and-time cell at midnight.
    nonisolated(unsafe) static let withMidnight = /(.+?)[ T](?:0?0:00(?::00(?:\.0+)?)?|12:00(?::00)? ?[Aa][Mm])/
    /// "Thursday, December 3, 2026".
    nonisolated(unsafe) static let withWeekday = /([A-Za-z]+)\.?,?\s+(.+)/
    /// "2026-12-03", "2026/12/03".
    nonisolated(unsafe) static let yearFirst = /(\d{4})([-\/.])(\d{1,2})\2(\d{1,2})/
    /// "12/03/2026", "3.12.26".
    nonisolated(unsafe) static let numbersOnly = /(\d{1,2})([-\/.])(\d{1,2})\2(\d{4}|\d{2})/
    /// "3-Dec-2026", "3 December 2026".
    nonisolated(unsafe) static let dayMonthYear = /(\d{1,2})(?:st|nd|rd|th)?[-\s.]+([A-Za-z]+)\.?[-\s,.]+(\d{4}|\d{2})/
    /// "Dec 3, 2026", "December 3 2026".
    nonisolated(unsafe) static let monthDayYear = /([A-Za-z]+)\.?[-\s]*(\d{1,2})(?:st|nd|rd|th)?,?[-\s]+(\d{4})/

    static func read(_ raw: String) -> WrittenDate {
        var text = Substring(raw.trimmingCharacters(in: .whitespaces))
        if let match = text.wholeMatch(of: Self.withMidnight) {
            text = match.output.1
        }
        var weekday: Int?
        if let match = text.wholeMatch(of: Self.withWeekday), let number = weekdayNumber(match.output.1) {
            weekday = number
            text = match.output.2
        }
        let found = readDate(text)
        if case let .date(day) = found, let weekday, day.weekday != weekday { return .wrongWeekday }
        return found
    }

    private static func readDate(_ text: Substring) -> WrittenDate {
        if let m = text.wholeMatch(of: Self.yearFirst) {
            return day(Int(m.output.1), Int(m.output.3), Int(m.output.4))
        }
        if let m = text.wholeMatch(of: Self.numbersOnly),
           let first = Int(m.output.1), let second = Int(m.output.3), let year = Int(m.output.4) {
            return .numeric(first: first, second: second, year: fullYear(year, digits: m.output.4.count))
        }
        if let m = text.wholeMatch(of: Self.dayMonthYear),
           let year = Int(m.output.3) {
            return day(fullYear(year, digits: m.output.3.count), monthNumber(m.output.2), Int(m.output.1))
        }
        if let m = text.wholeMatch(of: Self.monthDayYear) {
            return day(Int(m.output.3), monthNumber(m.output.1), Int(m.output.2))
        }
        return .unreadable
    }

    private static func day(_ year: Int?, _ month: Int?, _ day: Int?) -> WrittenDate {
        guard let year, let month, let day, let date = CalendarDate(year: year, month: month, day: day) else { return .unreadable }
        return .date(date)
    }

    /// Two-digit years are this century's: these are appointment dates, not birthdays.
    private static func fullYear(_ year: Int, digits: Int) -> Int { digits == 2 ? 2000 + year : year }

    static let monthNames = ["january", "february", "march", "april", "may", "june",
                             "july", "august", "september", "october", "november", "december"]

    /// 1–12 for a month's name or its first three letters or more ("Dec", "Sept", "december").
    static func monthNumber(_ word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
    }

    /// 0 (Sunday) – 6 for a weekday's name or its usual abbreviations ("Thu", "Thurs").
    static func weekdayNumber(_ word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        return names.firstIndex { $0.hasPrefix(lower) }
    }
}

extension CalendarDate {
    /// 0 for Sunday … 6 for Saturday (Sakamoto's method).
    var weekday: Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }
}
