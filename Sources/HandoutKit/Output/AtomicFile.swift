import Foundation

/// Writes files so that a final path only ever holds a complete file: temp file, then rename.
public enum AtomicFile {
    /// Temp files are hidden and end in this, so a later run can recognise strays.
    static let temporarySuffix = ".partial"

    /// Writes `bytes` to `url` through a hidden temp file in the same folder, created with
    /// `permissions` from the start (patient files are never readable by others, even briefly).
    /// Missing folders are created with `folderPermissions`.
    public static func write(_ bytes: [UInt8], to url: URL, permissions: mode_t = 0o644, folderPermissions: Int = 0o755) throws {
        let directory = url.deletingLastPathComponent()
        let shown = DisplayPath.of(url)
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: folderPermissions])
        } catch {
            throw HandoutError(file: DisplayPath.of(directory), "cannot create this folder; check the path and its permissions")
        }
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max))\(temporarySuffix)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            throw HandoutError(file: shown, "cannot write here (\(String(cString: strerror(errno)))); check that the folder is writable")
        }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue } else { return false } }
                written += n
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        // fchmod too: the mode given to open() is reduced by the umask.
        guard ok, fchmod(descriptor, permissions) == 0, close(descriptor) == 0, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw HandoutError(file: shown, "cannot write here (\(reason)); check free space and permissions")
        }
    }

    /// Removes temp files left in `folder` by runs that were killed (their process is gone).
    public static func removeStaleTemporaryFiles(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            guard let match = name.firstMatch(of: /\.(\d+)-\d+\.partial$/), let pid = Int32(match.output.1) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }
}
