import Foundation
import HandoutKit

/// The personalize form: the inputs it shows (the standard patient fields, then any field the
/// chosen handouts use, such as `{{room}}`), what was typed, and the problem beside each field.
struct PatientForm {
    /// One input of the form, as the page template reads it.
    struct Field {
        var name: String
        var label: String
        var kind: Kind
        var value = ""
        var required = false
        var maxLength: Int
        var hint: String?
        var error: String?

        enum Kind: String { case text, date, time, textarea }
    }

    /// Form names that are not patient fields.
    static let controls: Set = ["procedures", "printer", "copies", "sides", "page", "width", "q", "language"]

    private(set) var fields: [Field]
    /// The languages every chosen handout is written in, its own first; a choice shows when there are two or more.
    private(set) var languages: [String] = []
    /// The one picked; nil: each handout as its own file is written.
    private(set) var language: String?
    /// Problems not tied to one input.
    private(set) var messages: [String] = []
    private var others: [String: String] = [:]

    /// The inputs for handouts that use `references`; fields they need outside a section are required.
    init(references: [FieldReference], languages: [String] = []) {
        self.languages = languages
        fields = [
            Field(name: "patient_name", label: "Patient name", kind: .text, required: true, maxLength: 100),
            Field(name: "procedure_date", label: "Procedure date", kind: .date, maxLength: 10),
            Field(name: "arrival_time", label: "Arrival time", kind: .time, maxLength: 8),
            Field(name: "physician", label: "Physician", kind: .text, maxLength: 100),
            Field(name: "notes", label: "Notes for the patient", kind: .textarea, maxLength: 2000,
                  hint: "Printed in a box headed “Instructions for you”. Leave a blank line between paragraphs."),
        ]
        for reference in references where !Patient.standardFields.contains(reference.name) && !reference.isClinicField {
            if let index = fields.firstIndex(where: { $0.name == reference.name }) {
                fields[index].required = fields[index].required || reference.required
            } else {
                let label = reference.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst
                fields.append(Field(name: reference.name, label: label, kind: .text, required: reference.required, maxLength: 300))
            }
        }
    }

    /// Takes the typed values; names that are neither inputs nor controls are kept as extra fields.
    mutating func fill(from form: FormBody) {
        for index in fields.indices { fields[index].value = form[fields[index].name] ?? "" }
        if let asked = form["language"], !asked.isEmpty {
            if languages.contains(asked) {
                language = asked
            } else {
                messages.append("These handouts are not written in “\(asked.prefix(20))”; pick one of the languages offered.")
            }
        }
        for (name, value) in form.values where !Self.controls.contains(name) && !fields.contains(where: { $0.name == name }) {
            others[name] = value
        }
    }

    /// Whether anything was typed: an empty form asks for the clinic's generic copy.
    var isEmpty: Bool {
        fields.allSatisfy { $0.value.allSatisfy(\.isWhitespace) } && others.values.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// The patient the values describe, nil for an empty form; on a problem, marks the field and
    /// returns nil with `hasProblems` set.
    mutating func patient() -> Patient? {
        guard !isEmpty else { return nil }
        var values = others
        for field in fields { values[field.name] = field.value }
        if let bad = values.keys.first(where: { !Self.isFieldName($0) }) {
            messages.append("The form sent a field named “\(bad.prefix(40))”, which is not a field name; use letters, digits and _.")
            return nil
        }
        guard values.count <= 40 else {
            messages.append("The form sent more than 40 fields.")
            return nil
        }
        do {
            return try Patient(fields: values)
        } catch {
            mark(error.field, Self.sentence(for: error))
            return nil
        }
    }

    var hasProblems: Bool { !messages.isEmpty || fields.contains { $0.error != nil } }

    /// Puts `message` beside the field named `name`, or above the form when it has no input.
    mutating func mark(_ name: String, _ message: String) {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].error = message
        } else {
            messages.append(message)
        }
    }

    /// A problem from rendering: a field the content needs goes beside its input.
    mutating func mark(_ error: any Error) {
        if let error = error as? HandoutError, let key = error.key, fields.contains(where: { $0.name == key }) {
            mark(key, "This handout uses this field; please fill it in.")
        } else {
            messages.append("\(error)")
        }
    }

    /// The patient-facing wording of a field problem (the command line's names the field instead).
    static func sentence(for problem: Patient.Problem) -> String {
        let reason = problem.reason
        if reason.hasPrefix("is missing") { return "Please type the patient's name." }
        return "This " + reason.replacingOccurrences(of: "; write it as", with: ". Write it as") + "."
    }

    static func isFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 40 else { return false }
        let lower = "abcdefghijklmnopqrstuvwxyz_".unicodeScalars
        return lower.contains(first) && name.unicodeScalars.allSatisfy { lower.contains($0) || ("0"..."9").contains($0) }
    }

    /// The template's view of the form.
    var view: [String: Any] {
        [
            "fields": fields.map { field -> [String: Any] in
                [
                    "name": field.name, "label": field.label, "value": field.value, "required": field.required,
                    "maxLength": field.maxLength, "hint": field.hint ?? false, "error": field.error ?? false,
                    "isTextarea": field.kind == .textarea, "type": field.kind.rawValue,
                ]
            },
            "messages": messages,
            "hasMessages": !messages.isEmpty,
            "hasLanguages": languages.count > 1,
            "languages": languages.enumerated().map { index, code -> [String: Any] in
                // Each language named in itself ("español"), as a patient would look for it.
                let name = Locale(identifier: code).localizedString(forLanguageCode: code) ?? code
                return ["code": code, "name": name.capitalizedFirst, "selected": language.map { $0 == code } ?? (index == 0)]
            },
        ]
    }
}

extension String {
    /// "room number" → "Room number".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
