import Foundation

/// A patient's details for a personalized copy, checked. Every value is plain text.
public struct Patient: Equatable, Sendable {
    /// Every field as given (trimmed, empty ones dropped), including any extra ones.
    public var fields: [String: String]
    public var name: String
    public var procedureDate: CalendarDate?
    /// The time to arrive, written in the document's language when it is printed.
    public var arrival: ClockTime?
    /// The arrival time in English, e.g. "7:30 AM".
    public var arrivalTime: String? { arrival.map(DateWriter.english.time) }
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

    /// Every problem found in one patient's fields, in a stable order.
    public struct Problems: Error, Equatable, Sendable, CustomStringConvertible {
        public var all: [Problem]
        public var description: String { all.map(\.description).joined(separator: "; ") }
    }

    /// Checks raw fields, stopping at the first problem (the front-desk form marks one field at a
    /// time); `procedure` and other routing columns must already be removed. Without the clinic's
    /// date order, dates written with numbers only (12/03/2026) are refused, never guessed.
    public init(fields raw: [String: String]) throws(Problem) {
        do {
            try self.init(fields: raw, dates: .unambiguousOnly)
        } catch {
            throw error.all.first ?? Problem(field: "patient_name", reason: "is missing; every row needs the patient's name")
        }
    }

    /// Checks raw fields and reports every problem, not only the first: a batch row is fixed in
    /// one go. Dates written with numbers only are read by `dates`.
    public init(fields raw: [String: String], dates: DateRules) throws(Problems) {
        var problems: [Problem] = []
        var fields: [String: String] = [:]
        for (key, value) in raw.sorted(by: { $0.key < $1.key }) {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            guard trimmed.count <= Self.limit(key) else {
                problems.append(Problem(field: key, reason: "is longer than \(Self.limit(key)) characters"))
                continue
            }
            // One line except notes: a stray newline in a name would break the layout.
            fields[key] = key == "notes"
                ? trimmed
                : trimmed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        if fields["patient_name"] == nil, !problems.contains(where: { $0.field == "patient_name" }) {
            problems.insert(Problem(field: "patient_name", reason: "is missing; every row needs the patient's name"), at: 0)
        }
        if let text = fields["procedure_date"] {
            switch dates.read(text) {
            case let .success(day): procedureDate = day
            case let .failure(problem): problems.append(Problem(field: "procedure_date", reason: problem.reason))
            }
        }
        if let text = fields["arrival_time"] {
            if let time = Self.parseClockTime(text) {
                arrival = time
            } else {
                problems.append(Problem(field: "arrival_time", reason: "is not a time; write it as 7:30 AM, 19:30 or 0730"))
            }
        }
        guard problems.isEmpty, let name = fields["patient_name"] else { throw Problems(all: problems) }
        self.fields = fields
        self.name = name
        physician = fields["physician"]
        notes = fields["notes"]
    }

    /// Values as they read on the page, for `{{field}}`s and header/footer templates: the
    /// procedure date and arrival time written as `dates` writes them.
    public func displayValues(_ dates: DateWriter = .english) -> [String: String] {
        var values = fields
        if let procedureDate { values["procedure_date"] = dates.withWeekday(procedureDate) }
        if let arrival { values["arrival_time"] = dates.time(arrival) }
        return values
    }

    // Made once: a regex literal is parsed again each time it is evaluated.
    /// "7:30", "07:30 am", "7:30:00 pm".
    nonisolated(unsafe) static let colonTime = /(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]m)?/
    /// "0730", "1930", "730 am".
    nonisolated(unsafe) static let digitsTime = /(\d{1,2})(\d{2})\s*([ap]m)?/
    /// "7 pm".
    nonisolated(unsafe) static let hourTime = /(\d{1,2})\s*([ap]m)/

    /// The time in the ways spreadsheets and people write it: "7:30", "07:30 AM", "7:30 am",
    /// "7:30 a.m.", "7:30:00 AM", "19:30", "0730", "1930", "7 pm", "7.30".
    static func parseClockTime(_ raw: String) -> ClockTime? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: ".", with: "")
        let hour: Int, minute: Int, half: Substring?
        if let m = text.wholeMatch(of: Self.colonTime) {
            (hour, minute, half) = (Int(m.output.1) ?? 99, Int(m.output.2) ?? 99, m.output.3)
        } else if let m = text.wholeMatch(of: Self.digitsTime) {
            // "0730", "1930": the way schedules and some exports write times.
            (hour, minute, half) = (Int(m.output.1) ?? 99, Int(m.output.2) ?? 99, m.output.3)
        } else if let m = text.wholeMatch(of: Self.hourTime) {
            (hour, minute, half) = (Int(m.output.1) ?? 99, 0, m.output.2)
        } else {
            return nil
        }
        if let half {
            guard (1...12).contains(hour) else { return nil }
            return ClockTime(hour: hour % 12 + (half == "pm" ? 12 : 0), minute: minute)
        }
        return ClockTime(hour: hour, minute: minute)
    }

    /// "7:30 AM": the time as English writes it, from any of the ways `parseClockTime` reads.
    static func clockTime(_ raw: String) -> String? {
        parseClockTime(raw).map(DateWriter.english.time)
    }
}
