import Foundation

/// The content of one project: its handouts, clinic profile and booklet, each read when first
/// asked for and read again only when its file changes, so an edited handout shows up in a
/// running server without a restart. Safe to share between threads.
public final class ContentLibrary: Sendable {
    public let workspace: Workspace
    private let procedures = FileCache<Procedure>()
    private let clinics = FileCache<Clinic>()
    private let booklets = FileCache<Booklet>()
    private let emailTexts = FileCache<EmailTemplate>()

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Every slug, sorted, from `procedures/*.md`.
    public func slugs() throws -> [String] {
        let folder = workspace.proceduresFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            if !FileManager.default.fileExists(atPath: workspace.content.path) {
                throw HandoutError(
                    file: DisplayPath.of(workspace.content),
                    "no content folder here; start handout in the folder that holds Content/, or pass --content PATH")
            }
            throw HandoutError(file: DisplayPath.of(folder), "no procedures folder here; create it and put one SLUG.md file per handout in it")
        }
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// Reads one handout; an unknown or unsafe slug is an error naming the file it looked for.
    public func procedure(_ slug: String, warnings: inout [Warning]) throws -> Procedure {
        guard Self.isSlug(slug) else {
            throw HandoutError(file: DisplayPath.of(workspace.proceduresFolder), "'\(slug)' is not a handout name; use a slug from `handout list`, such as epidural-steroid-injection")
        }
        let url = workspace.procedureFile(slug)
        return try procedures.value(for: url, warnings: &warnings) {
            // Looked for only when the handout is not already read: a batch asks thousands of times.
            guard FileManager.default.fileExists(atPath: url.path) else {
                let known = (try? slugs()) ?? []
                let hint = known.isEmpty ? "the folder has no handouts yet" : "known handouts: \(known.joined(separator: ", "))"
                throw HandoutError(file: DisplayPath.of(url), "no handout '\(slug)'; \(hint)")
            }
            var found: [Warning] = []
            let procedure = try ProcedureLoader(contentDirectory: workspace.content).load(url, warnings: &found)
            return (procedure, [], found)
        }
    }

    /// The clinic profile, `clinic.yaml`.
    public func clinic() throws -> Clinic {
        var none: [Warning] = []
        return try clinics.value(for: workspace.clinicFile, warnings: &none) {
            (try Clinic.load(from: workspace.clinicFile), [], [])
        }
    }

    /// The words of email drafts: `email.md`, or the standard ones while there is none.
    func emailTemplate() throws -> EmailTemplate {
        var none: [Warning] = []
        let file = workspace.content.appendingPathComponent("email.md")
        return try emailTexts.value(for: file, warnings: &none) { (try EmailTemplate.load(from: file), [], []) }
    }

    /// Whether the project defines a booklet (`booklet.yaml`).
    public var hasBooklet: Bool { FileManager.default.fileExists(atPath: workspace.bookletFile.path) }

    /// The booklet `booklet.yaml` describes, or, given `slugs`, an ad hoc one of those handouts in
    /// that order (one untitled part, no intros) under the booklet's title when there is one.
    public func booklet(slugs: [String]? = nil, warnings: inout [Warning]) throws -> Booklet {
        if let slugs {
            var booklet = try adHocCover(warnings: &warnings)
            booklet.parts = [Booklet.Part(title: nil, intro: [], procedures: slugs)]
            return booklet
        }
        let file = workspace.bookletFile
        return try booklets.value(for: file, warnings: &warnings) {
            var found: [Warning] = []
            let booklet = try Booklet.load(from: file, library: self, warnings: &found)
            return (booklet, booklet.parts.compactMap(\.introFile), found)
        }
    }

    /// The cover of a patient's own booklet, no parts yet: `booklet.yaml`'s title when there is one.
    public func adHocCover(warnings: inout [Warning]) throws -> Booklet {
        let defined = hasBooklet ? try booklet(warnings: &warnings) : nil
        let clinicName = try clinic().name
        return Booklet(
            title: defined?.title ?? "Your procedures", subtitle: defined?.subtitle ?? "Prepared for you by \(clinicName)",
            edition: defined?.edition, parts: [])
    }

    /// Every handout a booklet names, read once each.
    public func procedures(for booklet: Booklet, warnings: inout [Warning]) throws -> [String: Procedure] {
        var found: [String: Procedure] = [:]
        for slug in booklet.slugs where found[slug] == nil {
            found[slug] = try procedure(slug, warnings: &warnings)
        }
        return found
    }

    /// A slug names a file inside `procedures/` and nothing else: no path, no hidden file.
    public static func isSlug(_ text: String) -> Bool {
        func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool { c.isASCII && CharacterSet.alphanumerics.contains(c) }
        guard let first = text.unicodeScalars.first, isLetterOrDigit(first), text.utf8.count <= 200, !text.contains("..") else { return false }
        return text.unicodeScalars.allSatisfy { isLetterOrDigit($0) || "._-".unicodeScalars.contains($0) }
    }
}
