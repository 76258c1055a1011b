import Foundation
import HandoutBindings

/// Writes files so that a final path only ever holds a complete file: a hidden temp file in the
/// same folder, created with its final permissions from the start, then renamed (or linked)
/// into place.
public enum AtomicFile {
    /// Temp files are hidden and end in this, so a later run can recognise strays.
    static let temporarySuffix = ".partial"

    /// Writes `bytes` to `url`, replacing what is there. Missing folders are created with
    /// `folderMode`. Only a regular file may be replaced: never a folder, device or socket.
    public static func write(_ bytes: [UInt8], to url: URL, mode: mode_t = 0o644, folderMode: mode_t = 0o755) throws {
        let shown = DisplayPath.of(url)
        var info = stat()
        if lstat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFLNK {
            throw HandoutError(file: shown, "is not a regular file (a folder, device or socket); give the path of a new .pdf file")
        }
        let temporary = try writeTemporary(bytes, near: url, mode: mode, folderMode: folderMode)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw HandoutError(file: shown, "cannot write here (\(reason)); check free space and permissions")
        }
    }

    /// Writes `bytes` as a new file in `folder` named `name`, or `STEM-2.EXT`, `STEM-3.EXT`, …
    /// when that is taken (when `numbered`, `STEM-1.EXT` comes first and `name` itself is never
    /// used); never replaces a file, even one another process makes at the same moment. Returns
    /// the file written.
    public static func writeNew(
        _ bytes: [UInt8], in folder: URL, name: String, numbered: Bool = false, mode: mode_t = 0o600, folderMode: mode_t = 0o700
    ) throws -> URL {
        let first = folder.appendingPathComponent(name)
        let temporary = try writeTemporary(bytes, near: first, mode: mode, folderMode: folderMode)
        defer { unlink(temporary.path) }
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        for counter in 1...10_000 {
            let candidate = counter == 1 && !numbered ? first : folder.appendingPathComponent("\(stem)-\(counter)" + (ext.isEmpty ? "" : ".\(ext)"))
            // link() fails when the name exists, so two writers can never take the same name.
            if link(temporary.path, candidate.path) == 0 { return candidate }
            guard errno == EEXIST else {
                throw HandoutError(file: DisplayPath.of(candidate), "cannot write here (\(String(cString: strerror(errno)))); check free space and permissions")
            }
        }
        throw HandoutError(file: DisplayPath.of(folder), "holds 10,000 copies named \(name); move old files out of it")
    }

    /// Creates `folder` and any missing parents with `mode` at once (never made wider and
    /// narrowed afterwards). An existing folder is left as it is.
    public static func createFolder(_ folder: URL, mode: mode_t) throws {
        var info = stat()
        if stat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: current.path, isDirectory: &isFolder), current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: current.path, isDirectory: &isFolder), !isFolder.boolValue {
            var info = stat()
            let kind = lstat(current.path, &info) == 0 ? kindOfFile(info.st_mode) : "a file"
            throw HandoutError(file: DisplayPath.of(current), "is \(kind), not a folder; give an output folder, or a new file name ending in .pdf")
        }
        for url in missing.reversed() where mkdir(url.path, mode) != 0 && errno != EEXIST {
            throw HandoutError(file: DisplayPath.of(url), "cannot create this folder (\(String(cString: strerror(errno)))); check the path and its permissions")
        }
    }

    /// "a device", "a pipe"…: what a path that is not a folder is, for messages.
    static func kindOfFile(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a link to a file"
        default: "a file"
        }
    }

    /// Whether users other than the owner can open `folder` (a patient file there could be read).
    public static func isOpenToOthers(_ folder: URL) -> Bool {
        var info = stat()
        return stat(folder.path, &info) == 0 && info.st_mode & 0o077 != 0
    }

    /// A hidden temp file beside `url` holding `bytes`, with `mode` from the moment it exists.
    private static func writeTemporary(_ bytes: [UInt8], near url: URL, mode: mode_t, folderMode: mode_t) throws -> URL {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder, mode: folderMode)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max))\(temporarySuffix)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw HandoutError(file: DisplayPath.of(url), "cannot write here (\(String(cString: strerror(errno)))); check that the folder is writable")
        }
        var failure: String?
        let status = FileDescriptor.writeAll(bytes, to: descriptor)
        if status != 0 { failure = String(cString: strerror(status)) }
        // fchmod too: the mode given to open() is reduced by the umask.
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw HandoutError(file: DisplayPath.of(url), "cannot write here (\(failure)); check free space and permissions")
        }
        return temporary
    }

    /// Removes temp files left in `folder` by runs that were killed (their process is gone).
    public static func removeStaleTemporaryFiles(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            let parts = name.dropLast(temporarySuffix.count).split(separator: ".").last?.split(separator: "-")
            guard let digits = parts?.first, parts?.count == 2, let pid = Int32(digits) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }
}
