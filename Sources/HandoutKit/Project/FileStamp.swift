import Foundation
import Synchronization

/// What identifies one version of a file without reading it: device, inode, size and
/// modification time. An edit, a replacement or a rename-into-place all change it.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    /// The file's stamp now; nil when it cannot be read (gone, or not allowed).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
    }
}

/// Values read from files, each kept until one of the files it was read from changes, so an
/// edited handout shows up at once without re-reading unchanged ones on every request.
final class FileCache<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var stamps: [String: FileStamp?]
        var value: Value
        var warnings: [Warning]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The value read from `file`, read again by `load` when `file` or another file it read has
    /// changed. `load` returns the value, the other files it read, and the warnings to repeat on
    /// each use. `file` is stamped before it is read, so an edit made while reading is never missed.
    func value(for file: URL, warnings: inout [Warning], load: () throws -> (Value, alsoRead: [URL], warnings: [Warning])) throws -> Value {
        let key = file.path
        // Paths, not URLs: making a file URL costs a stat of its own, and this runs for every document.
        if let entry = entries.withLock({ $0[key] }), entry.stamps.allSatisfy({ FileStamp(path: $0.key) == $0.value }) {
            warnings += entry.warnings
            return entry.value
        }
        var stamps: [String: FileStamp?] = [key: FileStamp(path: key)]
        let (value, others, found) = try load()
        for other in others where stamps[other.path] == nil { stamps[other.path] = FileStamp(path: other.path) }
        entries.withLock { $0[key] = Entry(stamps: stamps, value: value, warnings: found) }
        warnings += found
        return value
    }
}
