import Foundation
import HandoutBindings

/// Registers the workspace's own fonts with fontconfig, once per process, before any text work.
enum FontSetup {
    nonisolated(unsafe) private static var prepared = Set<String>()
    private static let lock = NSLock()

    static func prepare(fontsFolder: URL) throws {
        lock.lock()
        defer { lock.unlock() }
        let path = fontsFolder.standardizedFileURL.path
        guard !prepared.contains(path) else { return }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        do {
            try FontRegistry.prepare(fontDirectories: exists ? [path] : [])
        } catch {
            throw HandoutError(file: DisplayPath.of(fontsFolder), "\(error); check that the fonts there are readable font files")
        }
        prepared.insert(path)
    }
}
