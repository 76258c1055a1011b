import Mustache

/// Fills `{{field}}`s in content with a patient's values and the clinic's (`{{clinic.phone}}`),
/// using Mustache on text already parsed from Markdown: a value is inserted as plain characters
/// and can never become Markdown, a link, markup or another template.
public final class Personalizer {
    /// What the current document's fields read as: the patient's (or write-in lines), and "clinic".
    public var values: [String: Any]
    /// Compiled once per distinct piece of text, then reused for every patient this personalizer sees.
    private var templates: [String: MustacheTemplate] = [:]


    public init(values: [String: Any] = [:]) { self.values = values }

    /// A handout and the clinic with their fields filled in: for `patient`, checking that every
    /// field they use is given; for the clinic's generic copy (nil), with a write-in line where a
    /// patient field goes and its `{{#field}}` sections left out. Title and summary are never
    /// filled in (they are the PDF's metadata).
    /// Dates, times and write-in lines read as `strings` writes them (the handout's language).
    public func fill(_ procedure: Procedure, clinic: Clinic, for patient: Patient?, strings: StringCatalog = .english) throws -> (Procedure, Clinic) {
        let sources = [(procedure.file, procedure.fieldReferences), (clinic.file, clinic.fieldReferences)]
        guard sources.contains(where: { !$0.1.isEmpty }) else { return (procedure, clinic) }
        let clinicValues = clinic.fieldValues
        for (file, references) in sources {
            if let unknown = references.first(where: { $0.isClinicField && clinicValues[String($0.name.dropFirst(7))] == nil }) {
                let key = unknown.name.dropFirst(7)
                throw HandoutError(
                    file: file, line: unknown.line, key: unknown.name,
                    Clinic.keys.contains(String(key))
                        ? "is used here but \(clinic.file) has no \(key); add a line such as `\(key): (555) 010-4499` there"
                        : "is not a clinic field; use one of \(clinicValues.keys.sorted().map { "{{clinic.\($0)}}" }.joined(separator: ", "))")
            }
            if let patient, let missing = Self.missingFields(patient, references: references, file: file).first { throw missing }
        }
        var filled: [String: Any] = patient?.displayValues(strings.dates) ?? Self.writeIns(for: sources.flatMap(\.1), line: strings.text(.writeIn))
        filled["clinic"] = clinicValues
        values = filled
        var copy = procedure
        if !procedure.fieldReferences.isEmpty {
            copy.blocks = apply(procedure.blocks)
            copy.outlineTitles = Self.outlineTitles(procedure.blocks, clinicValues: clinicValues)
        }
        return (copy, clinic.fieldReferences.isEmpty ? clinic : apply(clinic))
    }

    /// The top-level headings (the ones with bookmarks) with clinic fields filled in and patient
    /// fields left out; nil when no heading holds a field.
    static func outlineTitles(_ blocks: [Block], clinicValues: [String: String]) -> [String]? {
        let headings = blocks.compactMap { block -> String? in
            if case let .heading(level, text) = block, level <= 2 { return text.text }
            return nil
        }
        guard headings.contains(where: { $0.contains("{{") }) else { return nil }
        let generic = Personalizer(values: ["clinic": clinicValues])
        return headings.map { generic.apply($0).split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// The fields `references` need that `patient` lacks, each as the error naming its line: a
    /// batch reports them all before anything is laid out.
    static func missingFields(_ patient: Patient, references: [FieldReference], file: String) -> [HandoutError] {
        var seen = Set<String>()
        return references.filter { !$0.isClinicField && $0.required && patient.fields[$0.name] == nil && seen.insert($0.name).inserted }.map {
            HandoutError(file: file, line: $0.line, key: $0.name,
                         "is used here as {{\($0.name)}} but was not given for this patient; add it, or remove it from the file")
        }
    }

    /// A warning naming the patient's fields that neither the standard ones nor `references` use:
    /// usually a misspelled name, whose value would silently be left out; a name close to a used
    /// one gets a "did you mean".
    static func unusedFieldsWarning(_ patient: Patient?, references: [FieldReference], file: String) -> Warning? {
        guard let patient else { return nil }
        let used = Set(references.filter { !$0.isClinicField }.map(\.name)).union(Patient.standardFields)
        let unused = patient.fields.keys.filter { !used.contains($0) }.sorted()
        guard !unused.isEmpty else { return nil }
        let suggestions = unused.map { NearestName.suggestion(for: $0, among: used.sorted()) }
        if unused.count == 1 {
            let hint = suggestions[0].map { "did you mean `\($0)`?" } ?? "check the name"
            return Warning(file: file, "the patient's field '\(unused[0])' is not used here; \(hint)")
        }
        let names = zip(unused, suggestions).map { name, suggestion in
            "'\(name)'" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
        }.joined(separator: ", ")
        return Warning(file: file, "the patient's fields \(names) are not used here; check the names")
    }

    /// A write-in line for each patient field used outside a section; fields used only to open a
    /// section stay unset, so the section is left out.
    /// A line to write on (`line`) where a generic copy has a patient field.
    static func writeIns(for references: [FieldReference], line: String) -> [String: Any] {
        var values: [String: Any] = [:]
        for reference in references where reference.required && !reference.isClinicField { values[reference.name] = line }
        return values
    }

    /// Mustache's TEXT content type: no HTML escaping.
    static let pragma = "{{% CONTENT_TYPE: TEXT}}"

    public func apply(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        let template: MustacheTemplate
        if let known = templates[text] {
            template = known
        } else {
            // Content is checked when it is read, so this compiles; an empty result is the safe fallback.
            guard let made = try? MustacheTemplate(string: Self.pragma + text) else { return text }
            templates[text] = made
            template = made
        }
        return template.render(values)
    }

    /// The text with each styled piece filled in separately, its bold, italic and link spans kept.
    public func apply(_ styled: StyledText) -> StyledText {
        guard styled.text.contains("{{") else { return styled }
        var moved: [Int: Int] = [0: 0]
        var text = ""
        for piece in styled.pieces {
            text += apply(piece.text)
            moved[piece.end] = text.utf8.count
        }
        var result = StyledText(text)
        result.runs = styled.runs.map { var run = $0; run.start = moved[run.start]!; run.end = moved[run.end]!; return run }
        result.links = styled.links.map { StyledText.Link(start: moved[$0.start]!, end: moved[$0.end]!, url: $0.url) }
        return result
    }

    public func apply(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            switch block {
            case let .heading(level, text): .heading(level: level, apply(text))
            case let .paragraph(text): .paragraph(apply(text))
            case let .preformatted(text): .preformatted(apply(text))
            case let .list(ordered, start, items): .list(ordered: ordered, start: start, items: items.map(apply))
            case let .callout(children): .callout(apply(children))
            case let .figure(figure):
                .figure({ var copy = figure; copy.caption = apply(figure.caption); return copy }())
            case .rule: .rule
            }
        }
    }

    public func apply(_ clinic: Clinic) -> Clinic {
        var copy = clinic
        copy.name = apply(clinic.name)
        copy.phone = apply(clinic.phone)
        copy.website = apply(clinic.website)
        copy.address = apply(clinic.address)
        copy.disclaimer = apply(clinic.disclaimer)
        copy.disclaimers = clinic.disclaimers.mapValues(apply)
        return copy
    }

    // MARK: Checks when content is read

    /// Every piece of text that holds `{{` must be a whole Mustache template on its own.
    static func checkTemplates(in blocks: [Block], source: String, file: String, lineOffset: Int) throws {
        func check(_ text: String) throws {
            guard text.contains("{{"), (try? MustacheTemplate(string: pragma + text)) == nil else { return }
            // Only a broken template looks for its line: a long handout holds hundreds of good ones.
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let tag = text[text.range(of: "{{")!.lowerBound...].prefix(12)
            let line = lines.firstIndex { $0.contains(tag) }.map { $0 + 1 + lineOffset }
            try checkTemplate(text, file: file, line: line)
        }
        func check(_ styled: StyledText) throws {
            guard styled.text.contains("{{") else { return }
            for piece in styled.pieces { try check(piece.text) }
        }
        for block in blocks {
            switch block {
            case let .heading(_, text), let .paragraph(text): try check(text)
            case let .preformatted(text): try check(text)
            case let .list(_, _, items): for item in items { try checkTemplates(in: item, source: source, file: file, lineOffset: lineOffset) }
            case let .callout(children): try checkTemplates(in: children, source: source, file: file, lineOffset: lineOffset)
            case let .figure(figure): try check(figure.caption)
            case .rule: break
            }
        }
    }

    static func checkTemplate(_ text: String, file: String, line: Int?) throws {
        do {
            _ = try MustacheTemplate(string: pragma + text)
        } catch {
            throw HandoutError(
                file: file, line: line,
                "a {{field}} here is not complete; write fields as {{patient_name}}, and keep {{#field}}…{{/field}} within one paragraph and one style")
        }
    }
}
