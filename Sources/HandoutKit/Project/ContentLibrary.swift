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
    /// String catalogs by language (see `ContentLibrary+Languages`).
    let catalogs = FileCache<StringCatalog>()

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Every slug, sorted, from `procedures/*.md`; language variants (`SLUG.es.md`) are not slugs
    /// of their own.
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
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && Self.variant(ofFileName: $0) == nil }
            .map { String($0.dropLast(3)) }.sorted()
    }

    /// Reads one handout; an unknown or unsafe slug is an error naming the file it looked for.
    public func procedure(_ slug: String, warnings: inout [Warning]) throws -> Procedure {
        guard Self.isSlug(slug) else {
            throw HandoutError(file: DisplayPath.of(workspace.proceduresFolder), "'\(slug)' is not a handout name; use a slug from `handout list`, such as epidural-steroid-injection")
        }
        let url = workspace.procedureFile(slug)
        return try procedure(at: url, slug: slug, language: nil, warnings: &warnings) {
            let known = (try? slugs()) ?? []
            let hint = known.isEmpty ? "the folder has no handouts yet" : "known handouts: \(known.joined(separator: ", "))"
            return HandoutError(file: DisplayPath.of(url), "no handout '\(slug)'; \(hint)")
        }
    }

    /// Reads the handout in `url` (its base file, or its variant in `language`), or fails with
    /// `missing()` when there is no such file.
    func procedure(at url: URL, slug: String, language: String?, warnings: inout [Warning], missing: () -> HandoutError) throws -> Procedure {
        try procedures.value(for: url, warnings: &warnings) {
            // Looked for only when the handout is not already read: a batch asks thousands of times.
            guard FileManager.default.fileExists(atPath: url.path) else { throw missing() }
            var found: [Warning] = []
            let procedure = try ProcedureLoader(contentDirectory: workspace.content).load(url, slug: slug, variantLanguage: language, warnings: &found)
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

    /// The words of email drafts in `strings`' language: `email.LANG.md`, `email.md` for English,
    /// or the catalog's standard ones while there is none.
    func emailTemplate(_ strings: StringCatalog = .english) throws -> EmailTemplate {
        var none: [Warning] = []
        let own = workspace.content.appendingPathComponent("email.\(strings.language).md")
        let file = FileManager.default.fileExists(atPath: own.path) || !Languages.same(strings.language, "en")
            ? own : workspace.content.appendingPathComponent("email.md")
        // Keyed by the file and the catalog: the standard words differ by language.
        let key = URL(fileURLWithPath: file.path + "#\(strings.digest)")
        return try emailTexts.value(for: key, warnings: &none) { (try EmailTemplate.load(from: file, strings: strings), [file], []) }
    }

    /// Whether the project defines a booklet (`booklet.yaml`).
    public var hasBooklet: Bool { FileManager.default.fileExists(atPath: workspace.bookletFile.path) }

    /// The booklet `booklet.yaml` describes, or, given `slugs`, an ad hoc one of those handouts in
    /// that order (one untitled part, no intros) under the booklet's title when there is one. In
    /// `language` (nil: English), its titles and part intros are that language's.
    public func booklet(slugs: [String]? = nil, language: String? = nil, warnings: inout [Warning]) throws -> Booklet {
        if let slugs {
            var booklet = try adHocCover(language: language, warnings: &warnings)
            booklet.parts = [Booklet.Part(title: nil, intro: [], procedures: slugs)]
            return booklet
        }
        let file = workspace.bookletFile
        // One cached booklet per language; the key is not a file, booklet.yaml is among those read.
        let key = language.map { URL(fileURLWithPath: file.path + "#" + $0) } ?? file
        return try booklets.value(for: key, warnings: &warnings) {
            var found: [Warning] = []
            let booklet = try Booklet.load(from: file, library: self, language: language, warnings: &found)
            return (booklet, [file] + booklet.parts.compactMap(\.introFile), found)
        }
    }

    /// The cover of a patient's own booklet, no parts yet: `booklet.yaml`'s title when there is one.
    public func adHocCover(language: String? = nil, warnings: inout [Warning]) throws -> Booklet {
        let defined = hasBooklet ? try booklet(language: language, warnings: &warnings) : nil
        let clinicName = try clinic().name
        let strings = try self.strings(for: language ?? "en")
        var cover = Booklet(
            title: defined?.title ?? strings.text(.yourProcedures),
            subtitle: defined?.subtitle ?? strings.text(.preparedForYouBy, ["clinic": clinicName]),
            edition: defined?.edition, parts: [])
        cover.language = language ?? "en"
        return cover
    }

    /// Every handout a booklet names, read once each, in `language` when given (see
    /// `procedure(_:language:fallback:warnings:)`).
    public func procedures(for booklet: Booklet, language: String? = nil, fallback: String? = nil, warnings: inout [Warning]) throws -> [String: Procedure] {
        var found: [String: Procedure] = [:]
        for slug in booklet.slugs where found[slug] == nil {
            found[slug] = try procedure(slug, language: language, fallback: fallback, warnings: &warnings)
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
