import Foundation

/// One row ready to render: what to make, for whom, and its file.
struct BatchJob: Sendable {
    var row: Int
    var request: DocumentRequest
    var fileName: String
    /// The handouts the row names, in order.
    var slugs: [String]
    /// Email drafts: the row's `email`, the draft's To address.
    var to: String?
}

/// Turns rows into jobs, in row order: checks everything about a row that can be checked before
/// layout (its handouts, its fields, the fields its handouts need, its address) and reports every
/// problem, not only the first; names files so that names never depend on which thread got
/// there first.
final class BatchPlanner {
    struct Plan {
        enum Outcome {
            case job(BatchJob)
            case skip
            case failure([String])
        }

        var outcome: Outcome
        /// Worth saying about the row, but no reason not to write it (a date in the past).
        var warnings: [String] = []
    }

    private let library: ContentLibrary
    private let index: ProcedureIndex
    private let folder: URL
    private let skipExisting: Bool
    private let email: Bool
    /// The column that locks an email's attachments: a date there becomes the MMDDYYYY password.
    private let lockField: String?
    private let today: CalendarDate?
    private let strict: Bool
    /// `--check`: also report what rendering would warn about, since nothing is rendered.
    private let checkOnly: Bool
    private let language: String?
    private let fallback: String?
    private let report: @Sendable (Warning) -> Void
    private var namer: FileNamer
    /// How this batch reads dates such as 12/03/2026.
    let dates: DateRules
    /// Said once in the summary when the order was assumed for dates that could be read either way.
    let dateNote: String?

    init(library: ContentLibrary, options: BatchOptions, reader: BatchReader, strict: Bool,
         report: @escaping @Sendable (Warning) -> Void = { _ in }) throws {
        self.library = library
        index = try ProcedureIndex(library: library)
        folder = options.outputFolder
        skipExisting = options.skipExisting
        email = options.email != nil
        if case let .field(name) = options.email?.lock { lockField = name } else { lockField = nil }
        today = options.today
        language = options.language
        fallback = options.fallback
        self.strict = strict
        checkOnly = options.checkOnly
        self.report = report
        try Self.checkNamePattern(options.namePattern, reader: reader)
        namer = FileNamer(pattern: options.namePattern, fileExtension: email ? "eml" : "pdf",
                          rowWidth: FileNamer.rowWidth(lastRow: reader.lastRow))
        let clinicOrder = try library.clinic().dateOrder
        var dates = DateRules(chosen: options.dateOrder ?? clinicOrder, setting: .batchOption)
        dates.refusesAmbiguous = !dates.isExplicit && reader.dates.dayFirst > 0
        self.dates = dates
        dateNote = !dates.isExplicit && reader.dates.dayFirst == 0 && reader.dates.ambiguous > 0
            ? "dates written like 12/03/2026 were read month first (December 3); if this file writes the day first, add --date-order dmy"
            : nil
    }

    func plan(_ row: BatchRow) -> Plan {
        if let problem = row.problem { return Plan(outcome: .failure([problem])) }
        var problems: [String] = []
        var warnings: [String] = []
        var fields = row.fields
        let (slugs, procedureProblems) = index.resolve(fields.removeValue(forKey: "procedure") ?? "")
        problems += procedureProblems
        if slugs.isEmpty, procedureProblems.isEmpty {
            problems.append("procedure is missing; give a handout slug or title, or several separated by | or ;")
        }
        // An email draft's To address is a routing column, like procedure, not a field for the content.
        var to: String?
        if email {
            to = fields.removeValue(forKey: "email")?.trimmingCharacters(in: .whitespaces)
            if let address = to, !address.isEmpty {
                if let problem = EmailAddress.problem(address) { problems.append("email \(problem)") }
            } else {
                problems.append("email is missing; give the patient's address in column email")
            }
        }
        // The documents' language is a routing column too: a row may ask for Spanish.
        var language = self.language
        if let asked = fields.removeValue(forKey: "language")?.trimmingCharacters(in: .whitespaces), !asked.isEmpty {
            if Languages.isTag(asked) { language = asked } else { problems.append("language is not a language tag; write e.g. en or es") }
        }
        var procedures: [Procedure] = []
        for slug in slugs {
            var ignored: [Warning] = []
            do { procedures.append(try library.procedure(slug, language: language, fallback: fallback, warnings: &ignored)) } catch { problems.append("\(error)") }
        }
        if let lockField { problems += normalizeLockDate(&fields, field: lockField) }
        var patient: Patient?
        do { patient = try Patient(fields: fields, dates: dates) } catch { problems += error.all.map(\.description) }
        if let patient {
            problems += missingFields(patient, procedures: procedures)
            if let today, let day = patient.procedureDate, day < today {
                let text = "procedure_date is before today (\(today.iso)); check the date"
                if strict { problems.append(text + " (an error with --strict)") } else { warnings.append(text) }
            }
            if checkOnly, !email, let first = procedures.first,
               let unused = Personalizer.unusedFieldsWarning(patient, references: references(procedures), file: procedures.count == 1 ? first.file : "your-procedures") {
                report(unused)
            }
        }
        guard problems.isEmpty, let patient else { return Plan(outcome: .failure(Self.unique(problems)), warnings: warnings) }
        // Columns a mapping consumed may still name files ("{last_name}-{row}.pdf").
        let name = namer.name(row: row.number, procedure: slugs.joined(separator: "+"),
                              fields: row.consumed.merging(patient.fields) { $1 })
        if skipExisting, FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            return Plan(outcome: .skip, warnings: warnings)
        }
        var request = DocumentRequest(slugs: slugs, patient: patient)
        request.language = language
        request.fallback = fallback
        let job = BatchJob(row: row.number, request: request, fileName: name, slugs: slugs, to: to)
        return Plan(outcome: .job(job), warnings: warnings)
    }

    /// Every field the row's handouts and the clinic's text need but the row lacks, before layout
    /// would stop at the first.
    private func missingFields(_ patient: Patient, procedures: [Procedure]) -> [String] {
        var found = procedures.flatMap { Personalizer.missingFields(patient, references: $0.fieldReferences, file: $0.file) }
        if !procedures.isEmpty, let clinic = try? library.clinic() {
            found += Personalizer.missingFields(patient, references: clinic.fieldReferences, file: clinic.file)
        }
        return found.map(\.description)
    }

    private func references(_ procedures: [Procedure]) -> [FieldReference] {
        procedures.flatMap(\.fieldReferences) + ((try? library.clinic().fieldReferences) ?? [])
    }

    /// A date in the column that locks an email becomes YYYY-MM-DD, read with the batch's date
    /// rules, so the password is MMDDYYYY however the spreadsheet wrote it; anything else is
    /// the password as written.
    private func normalizeLockDate(_ fields: inout [String: String], field: String) -> [String] {
        guard let value = fields[field], WrittenDate.read(value) != .unreadable else { return [] }
        switch dates.read(value) {
        case let .success(day):
            fields[field] = day.iso
            return []
        case let .failure(problem):
            return ["\(field) \(problem.reason)"]
        }
    }

    /// The same problem found twice (a field two handouts need) is reported once.
    private static func unique(_ problems: [String]) -> [String] {
        var seen = Set<String>()
        return problems.filter { seen.insert($0).inserted }
    }

    /// Every `{placeholder}` must be `{row}`, `{procedure}` or a column, or it would silently
    /// come out empty in every name.
    private static func checkNamePattern(_ pattern: String, reader: BatchReader) throws {
        guard let unknown = FileNamer.unknownPlaceholders(in: pattern, columns: reader.columns).first else { return }
        let normalized = BatchReader.fieldName(unknown)
        let choices = ["row", "procedure"] + reader.columns.filter { $0 != "procedure" }
        let suggestion = choices.contains(normalized) ? normalized : NearestName.suggestion(for: normalized, among: choices)
        let hint = suggestion.map { "did you mean {\($0)}? " } ?? ""
        throw HandoutError(file: "--name", "{\(unknown)} is not {row}, {procedure} or a column of \(reader.file); \(hint)use one of \(choices.map { "{\($0)}" }.joined(separator: ", "))")
    }
}
