import Foundation

/// The text encodings a batch file may come in: what spreadsheet programs save CSV as (Excel's
/// "CSV UTF-8" has a byte-order mark, its "Unicode Text" is UTF-16, its plain "CSV" on Windows is
/// Windows-1252).
public enum BatchEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"

    /// `--encoding` and `encoding:` values, in any case, with or without the dash.
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16": self = .utf16
        case "windows-1252", "windows1252", "cp1252", "cp-1252": self = .windows1252
        default: return nil
        }
    }

    /// How the summary names it.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .windows1252: "Windows-1252"
        }
    }

    /// The values `--encoding` takes, for messages.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}
