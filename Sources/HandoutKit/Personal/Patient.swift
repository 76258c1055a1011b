import Foundation

/// A patient's details for a personalized copy, checked. Every value is plain text.
public struct Patient: Equatable, Sendable {
    /// Every field as given (trimmed, empty ones dropped), including any extra ones.
    public var fields: [String: String]
    public var name: String
    public var procedureDate: CalendarDate?
    /// As it should read, e.g. "7:30 AM".
    public var arrivalTime: String?
    public var physician: String?
    public var notes: String?

    /// The standard fields; the layout's header and footer may use all but `notes`.
    public static let standardFields = ["patient_name", "procedure_date", "arrival_time", "physician", "notes"]

    /// Longest value accepted per field, in characters; anything longer is a mistake in the data.
    static func limit(_ field: String) -> Int {
        switch field {
        case "notes": 2000
        case "patient_name", "physician": 100
        default: 300
        }
    }

    /// What is wrong with one field. Never holds the value: patient data stays out of messages.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var field: String
        public var reason: String
        public var description: String { "\(field) \(reason)" }
    }

    /// Checks raw fields; `procedure` and other routing columns must already be removed.
    public init(fields raw: [String: String]) throws(Problem) {
        var fields: [String: String] = [:]
        for (key, value) in raw {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            guard trimmed.count <= Self.limit(key) else {
                throw Problem(field: key, reason: "is longer than \(Self.limit(key)) characters")
            }
            // One line except notes: a stray newline in a name would break the layout.
            fields[key] = key == "notes"
                ? trimmed
                : trimmed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        guard let name = fields["patient_name"] else {
            throw Problem(field: "patient_name", reason: "is missing; every row needs the patient's name")
        }
        self.fields = fields
        self.name = name
        if let text = fields["procedure_date"] {
            guard let date = CalendarDate(iso: text) else {
                throw Problem(field: "procedure_date", reason: "is not a date; write it as YYYY-MM-DD, e.g. 2026-12-03")
            }
            procedureDate = date
        }
        if let text = fields["arrival_time"] {
            guard let time = Self.clockTime(text) else {
                throw Problem(field: "arrival_time", reason: "is not a time; write it as 7:30 AM or 14:30")
            }
            arrivalTime = time
        }
        physician = fields["physician"]
        notes = fields["notes"]
    }

    /// Values as they read on the page, for `{{field}}`s and header/footer templates.
    public var displayValues: [String: String] {
        var values = fields
        if let procedureDate { values["procedure_date"] = procedureDate.withWeekday }
        if let arrivalTime { values["arrival_time"] = arrivalTime }
        return values
    }

    /// "7:30 AM" from "7:30", "07:30", "7:30am" or "19:30" ("7:30 PM").
    static func clockTime(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: /(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/),
              let hour = Int(match.output.1), let minute = Int(match.output.2), minute < 60 else { return nil }
        let minutes = zeroPadded(minute, width: 2)
        if let half = match.output.3 {
            guard (1...12).contains(hour) else { return nil }
            return "\(hour):\(minutes) \(half.uppercased())"
        }
        guard hour < 24 else { return nil }
        return "\(hour % 12 == 0 ? 12 : hour % 12):\(minutes) \(hour < 12 ? "AM" : "PM")"
    }
}

extension CalendarDate {
    /// "Thursday, December 3, 2026".
    public var withWeekday: String {
        // Sakamoto's method; 0 is Sunday.
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let weekday = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        return "\(names[weekday]), \(long)"
    }
}
