import Foundation

/// The handouts in a content folder: which exist, and reading one by slug.
public struct ContentLibrary: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Every slug, sorted, from `procedures/*.md`.
    public func slugs() throws -> [String] {
        let folder = workspace.proceduresFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw HandoutError(file: DisplayPath.of(folder), "no procedures folder here; create it and put one SLUG.md file per handout in it")
        }
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// Reads one handout; an unknown or unsafe slug is an error naming the file it looked for.
    public func procedure(_ slug: String, warnings: inout [Warning]) throws -> Procedure {
        let url = workspace.procedureFile(slug)
        guard slug.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._-]*/) != nil, !slug.contains("..") else {
            throw HandoutError(file: DisplayPath.of(workspace.proceduresFolder), "'\(slug)' is not a handout name; use a slug from `handout list`, such as epidural-steroid-injection")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = (try? slugs()) ?? []
            let hint = known.isEmpty ? "the folder has no handouts yet" : "known handouts: \(known.joined(separator: ", "))"
            throw HandoutError(file: DisplayPath.of(url), "no handout '\(slug)'; \(hint)")
        }
        return try ProcedureLoader(contentDirectory: workspace.content).load(url, warnings: &warnings)
    }
}
