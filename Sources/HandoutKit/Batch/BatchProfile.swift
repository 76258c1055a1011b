import Foundation

/// How one system's exports read, kept in a YAML file for `--profile`, so the front desk does not
/// retype `--column` options for every batch:
///
///     columns:
///       patient_name: "{First Name} {Last Name}"
///       procedure: "{Appointment Type}"
///     date_order: dmy          # optional
///     encoding: windows-1252   # optional
public struct BatchProfile: Sendable {
    public var columns = ColumnMapping()
    public var dateOrder: DateOrder?
    public var encoding: BatchEncoding?

    public init() {}

    static let keys = ["columns", "date_order", "encoding"]

    public static func load(from url: URL) throws -> BatchProfile {
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "the batch profile")
        let yaml = try YAMLMapping(parsing: text, file: file, what: "the batch profile")
        try yaml.rejectUnknownKeys(allowed: keys)
        var profile = BatchProfile()
        if let columns = try yaml.mapping("columns") {
            for entry in columns.entries {
                guard let template = entry.value.scalar?.string else {
                    throw HandoutError(file: file, line: entry.line, key: "columns.\(entry.key)",
                                       "must be text in quotes, such as \"{First Name} {Last Name}\" (YAML reads an unquoted { as a group of keys)")
                }
                try profile.columns.add(name: entry.key, template: template, file: file, line: entry.line)
            }
        }
        if let order = try yaml.string("date_order") {
            guard let chosen = DateOrder(rawValue: order.trimmed.lowercased()) else {
                throw HandoutError(file: file, line: yaml.entry("date_order")?.line, key: "date_order",
                                   "must be mdy (12/03/2026 is December 3) or dmy (12/03/2026 is 12 March)")
            }
            profile.dateOrder = chosen
        }
        if let name = try yaml.string("encoding") {
            guard let encoding = BatchEncoding(name: name) else {
                throw HandoutError(file: file, line: yaml.entry("encoding")?.line, key: "encoding", "must be one of \(BatchEncoding.names)")
            }
            profile.encoding = encoding
        }
        return profile
    }
}
