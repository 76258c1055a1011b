import Foundation

/// Writes files so that a final path only ever holds a complete file: temp file, then rename.
public enum AtomicFile {
    /// Temp files are hidden and end in this, so a later run can recognise strays.
    static let temporarySuffix = ".partial"

    public static func write(_ bytes: [UInt8], to url: URL, permissions: Int = 0o644) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max))\(temporarySuffix)")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: permissions])
        guard created else {
            throw HandoutError(file: DisplayPath.of(url), "cannot write here; check that the folder exists and is writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw HandoutError(file: DisplayPath.of(url), "cannot write here (\(reason))")
        }
    }
}
