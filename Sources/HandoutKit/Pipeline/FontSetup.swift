import Foundation
import HandoutBindings
import Synchronization

/// Registers a project's own fonts with fontconfig, once per folder per process, before any
/// text work.
enum FontSetup {
    private static let prepared = Mutex(Set<String>())

    /// Folders that do not exist are skipped; a folder fontconfig cannot read is an error naming it.
    static func prepare(fontFolders: [URL]) throws {
        try prepared.withLock { done in
            for folder in fontFolders {
                let path = folder.standardizedFileURL.path
                guard !done.contains(path) else { continue }
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
                do {
                    try FontRegistry.prepare(fontDirectories: exists ? [path] : [])
                } catch {
                    throw HandoutError(file: DisplayPath.of(folder), "\(error); check that the fonts there are readable font files")
                }
                done.insert(path)
            }
        }
    }
}
