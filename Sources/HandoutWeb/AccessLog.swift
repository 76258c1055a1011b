import Foundation

/// One line per request on stderr: time, method, path without its query, status, milliseconds.
/// Nothing else: no query string, no form value, no header, so no patient data.
struct AccessLog: Sendable {
    var enabled = true

    func record(method: String, path: String, status: Int, milliseconds: Double) {
        guard enabled else { return }
        let line = String(format: "%@ %@ %@ %d %.1fms\n", Self.timestamp(), method, Self.safePath(path), status, milliseconds)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// A problem worth the operator's attention, already free of patient data.
    func note(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\(Self.timestamp()) \(message)\n".utf8))
    }

    /// The path as logged: the query is never part of it, and control characters are dropped.
    static func safePath(_ path: String) -> String {
        let bare = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return String(bare.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200).map(Character.init))
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601)
    }
}
