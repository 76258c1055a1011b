/// A `{{field}}` a content file uses, found in its source so a missing field can be reported by line.
public struct FieldReference: Equatable, Sendable {
    public var name: String
    /// 1-based line in the file.
    public var line: Int
    /// False inside `{{#field}}…{{/field}}` or `{{^field}}`: a section may be left out.
    public var required: Bool

    /// `{{clinic.phone}}` and the like come from clinic.yaml, not from the patient.
    public var isClinicField: Bool { name.hasPrefix("clinic.") }

    /// A `{{field}}`, `{{#section}}` or `{{/section}}`. Stored: a regex literal is compiled again
    /// each time it runs.
    nonisolated(unsafe) static let tag = /\{\{\s*([#^\/&{]?)\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}?\s*\}\}/

    /// Every Mustache variable and section name in `text`; `lineOffset` lines come before it in its file.
    /// Anything inside a `{{#section}}` or `{{^section}}` counts as optional.
    static func scan(_ text: String, lineOffset: Int = 0) -> [FieldReference] {
        var found: [FieldReference] = []
        var openSections: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("{{") {
            for match in line.matches(of: Self.tag) {
                let sigil = match.output.1, name = String(match.output.2)
                switch sigil {
                case "/":
                    if let last = openSections.lastIndex(of: name) { openSections.remove(at: last) }
                case "#", "^":
                    found.append(FieldReference(name: name, line: index + 1 + lineOffset, required: false))
                    openSections.append(name)
                default:
                    found.append(FieldReference(name: name, line: index + 1 + lineOffset, required: openSections.isEmpty))
                }
            }
        }
        return found
    }
}
