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

/// Turns rows into jobs, in row order: checks each row and that its handouts read, and names
/// files so that names never depend on which thread got there first.
final class BatchPlanner {
    enum Plan {
        case job(BatchJob)
        case skip
        case failure(String)
    }

    private let library: ContentLibrary
    private let known: Set<String>
    private let folder: URL
    private let skipExisting: Bool
    private let email: Bool
    private var namer: FileNamer

    init(library: ContentLibrary, options: BatchOptions) throws {
        self.library = library
        known = Set(try library.slugs())
        folder = options.outputFolder
        skipExisting = options.skipExisting
        email = options.email != nil
        namer = FileNamer(pattern: options.namePattern, fileExtension: email ? "eml" : "pdf")
    }

    func plan(_ row: BatchRow) -> Plan {
        if let problem = row.problem { return .failure(problem) }
        var fields = row.fields
        let slugs = (fields.removeValue(forKey: "procedure") ?? "")
            .split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !slugs.isEmpty else { return .failure("procedure is missing; give a handout slug, or several separated by ;") }
        // An email draft's To address is a routing column, like procedure, not a field for the content.
        var to: String?
        if email {
            to = fields.removeValue(forKey: "email")?.trimmingCharacters(in: .whitespaces)
            guard let address = to, !address.isEmpty else { return .failure("email is missing; give the patient's address in column email") }
            if let problem = EmailAddress.problem(address) { return .failure("email \(problem)") }
        }
        if let unknown = slugs.first(where: { !known.contains($0) }) {
            return .failure("unknown procedure '\(unknown.prefix(60))'; use a slug from `handout list`")
        }
        do {
            var warnings: [Warning] = []
            for slug in slugs { _ = try library.procedure(slug, warnings: &warnings) }
        } catch {
            return .failure("\(error)")
        }
        let patient: Patient
        do { patient = try Patient(fields: fields) } catch { return .failure(error.description) }
        let name = namer.name(row: row.number, procedure: slugs.joined(separator: "+"), fields: patient.fields)
        if skipExisting, FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { return .skip }
        return .job(BatchJob(row: row.number, request: DocumentRequest(slugs: slugs, patient: patient), fileName: name, slugs: slugs, to: to))
    }
}
