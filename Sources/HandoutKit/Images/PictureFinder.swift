import Foundation

/// Finds the file a handout's `![caption](path)` names: next to the Markdown file first, then in
/// the content folder, and never outside the content folder (an absolute path or `../..` would let
/// a handout embed any file on the machine).
struct PictureFinder {
    /// Where to look, nearest first; the last is the content folder, which no picture may leave.
    var folders: [URL]

    /// The checked picture, or why it cannot be used (to follow "picture 'SOURCE' ").
    func find(_ source: String) -> Result<ImageFile, ImageFile.Problem> {
        guard let content = folders.last else { return .failure(.init("was not found: there is no content folder")) }
        let decoded = source.removingPercentEncoding ?? source
        if decoded.hasPrefix("/") || decoded.hasPrefix("~") {
            return .failure(.init("is not inside the content folder; copy it into Content/ and give its path from there"))
        }
        let candidates = folders.map { URL(fileURLWithPath: decoded, relativeTo: $0).standardizedFileURL }
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            return .failure(.init("was not found next to the handout or in the content folder"))
        }
        // Symbolic links are followed before the check, so a link cannot lead out either.
        let root = content.resolvingSymlinksInPath().standardizedFileURL.path
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return .failure(.init("is not inside the content folder; copy it into Content/ and give its path from there"))
        }
        do {
            return .success(try ImageFile.load(url))
        } catch {
            return .failure(error)
        }
    }
}
