import Foundation
import Mustache

/// The words of an email draft: the clinic's `Content/email.md` when it has one, else Handout's
/// own in plain words. Fields work as in handouts (`{{patient_name}}`, `{{clinic.phone}}`), plus
/// `{{#locked}}…{{/locked}}` and `{{lock_note}}`, which say how to open a locked attachment.
struct EmailTemplate: Sendable {
    var text: String
    /// Where the words came from, for messages.
    var file: String
    var references: [FieldReference]
    /// Compiled once when read: a batch fills it for every row.
    var compiled: MustacheTemplate

    init(text: String, file: String) throws {
        self.text = text
        self.file = file
        references = FieldReference.scan(text)
        do {
            compiled = try MustacheTemplate(string: Personalizer.pragma + text)
        } catch {
            throw HandoutError(file: file, "a {{field}} here is not complete; write fields as {{patient_name}}, and close each {{#section}} with {{/section}}")
        }
    }

    static let standard = """
        {{#patient_name}}Dear {{patient_name}},{{/patient_name}}{{^patient_name}}Hello,{{/patient_name}}

        Thank you for choosing {{clinic.name}}. We attached information about your procedure. \
        Please read it before your visit. Keep it so you can read it again later.

        {{#locked}}
        {{lock_note}}

        {{/locked}}
        If you have questions, call us at {{clinic.phone}}.{{#clinic.after_hours_phone}} At night \
        or on weekends, call {{clinic.after_hours_phone}}.{{/clinic.after_hours_phone}} If you have \
        an emergency, call 911.

        {{clinic.name}}
        {{clinic.address}}
        {{clinic.website}}

        """

    /// `email.md` (or its version in the catalog's language, `email.es.md`) in the content
    /// folder, or the catalog's standard words when there is none.
    static func load(from url: URL, strings: StringCatalog = .english) throws -> EmailTemplate {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return try EmailTemplate(text: strings.text(.emailBody), file: "the standard email text")
        }
        return try EmailTemplate(text: try SourceText.read(url, what: "the email text", maximumBytes: 64 * 1024), file: DisplayPath.of(url))
    }

    /// The body for `patient` (nil: a generic draft) from `clinic`; `lockNote` says how to open
    /// the attachments when they are locked, and is added at the end when the words never say it.
    func body(patient: Patient?, clinic: Clinic, lockNote: String?) throws -> String {
        let clinicValues = clinic.fieldValues
        for reference in references {
            if reference.isClinicField {
                let key = String(reference.name.dropFirst(7))
                guard clinicValues[key] == nil, reference.required || !Clinic.keys.contains(key) else { continue }
                throw HandoutError(
                    file: file, line: reference.line, key: reference.name,
                    Clinic.keys.contains(key)
                        ? "is used here but \(clinic.file) has no \(key); add it there"
                        : "is not a clinic field; use one of \(clinicValues.keys.sorted().map { "{{clinic.\($0)}}" }.joined(separator: ", "))")
            }
            if reference.required, !["locked", "lock_note"].contains(reference.name), patient?.fields[reference.name] == nil {
                throw HandoutError(
                    file: file, line: reference.line, key: reference.name,
                    "is used in the email but was not given; add --field \(reference.name)=..., or remove it from the text")
            }
        }
        var values: [String: Any] = patient?.displayValues() ?? [:]
        values["clinic"] = clinicValues
        if let lockNote {
            values["locked"] = true
            values["lock_note"] = lockNote
        }
        var text = compiled.render(values)
        if let lockNote, !references.contains(where: { $0.name == "lock_note" }) { text += "\n\n" + lockNote }
        // Sections that were left out leave blank lines behind; a paragraph break is one.
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}
