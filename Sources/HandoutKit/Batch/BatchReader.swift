import CSV
import Foundation

/// One patient row of a batch file: its number as the user counts it, and its fields.
public struct BatchRow: Sendable {
    /// CSV: the data row (1 is the first row after the header). JSON Lines: the line.
    public var number: Int
    public var fields: [String: String]
    /// Why the row cannot be used at all (e.g. a broken JSON line); the row is reported, not rendered.
    public var problem: String?
}

/// Reads a batch file row by row: CSV with a header row (RFC 4180 quoting) or JSON Lines, by
/// extension (.jsonl, .ndjson) or, failing that, by whether the first character is `{`.
/// Rows are made as they are asked for, so a batch of any length holds only a few at once.
public final class BatchReader {
    static let maximumBytes = 256 * 1024 * 1024

    /// How many rows the file has, for progress.
    public let total: Int
    private var nextRow: () -> BatchRow?

    public init(_ url: URL) throws {
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "the batch file", maximumBytes: Self.maximumBytes)
        let ext = url.pathExtension.lowercased()
        let isJSON = ext == "jsonl" || ext == "ndjson" || (ext != "csv" && text.first(where: { !$0.isWhitespace }) == "{")
        if isJSON {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            total = lines.filter { !$0.allSatisfy(\.isWhitespace) }.count
            var index = 0
            nextRow = {
                while index < lines.count {
                    defer { index += 1 }
                    if !lines[index].allSatisfy(\.isWhitespace) { return Self.jsonRow(lines[index], number: index + 1) }
                }
                return nil
            }
        } else {
            let (reader, header) = try Self.csvReader(text, file: file)
            let counter = try CSVReader(string: text, hasHeaderRow: true)
            var count = 0
            while let values = counter.next() { if !values.allSatisfy(\.isEmpty) { count += 1 } }
            total = count
            var number = 0
            nextRow = {
                while let values = reader.next() {
                    number += 1
                    if values.allSatisfy(\.isEmpty) { continue }  // a blank line
                    var fields: [String: String] = [:]
                    for (name, value) in zip(header, values) where !name.isEmpty { fields[name] = value }
                    let problem = values.count > header.count ? "has more values than the header has columns; check its commas and quotes" : nil
                    return BatchRow(number: number, fields: fields, problem: problem)
                }
                return nil
            }
        }
        guard total > 0 else { throw HandoutError(file: file, "has no patient rows; add one row per patient") }
    }

    public func next() -> BatchRow? { nextRow() }

    /// Column names as fields: trimmed, lower case, spaces and dashes as underscores ("Patient Name" → patient_name).
    public static func fieldName(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    private static func csvReader(_ text: String, file: String) throws -> (CSVReader, [String]) {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw HandoutError(file: file, line: 1, "cannot read the header row; the first line must name the columns, e.g. procedure,patient_name,procedure_date")
        }
        let header = (reader.headerRow ?? []).map(fieldName)
        guard header.contains("procedure") else {
            throw HandoutError(file: file, line: 1, key: "procedure", "column is missing; the header must name a procedure column (a handout slug per row)")
        }
        if let duplicate = header.first(where: { name in !name.isEmpty && header.filter { $0 == name }.count > 1 }) {
            throw HandoutError(file: file, line: 1, key: duplicate, "column appears twice in the header; keep one")
        }
        return (reader, header)
    }

    private static func jsonRow(_ line: Substring, number: Int) -> BatchRow {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return BatchRow(number: number, fields: [:], problem: "is not a JSON object; each line must be one {\"key\": \"value\", …} object")
        }
        var fields: [String: String] = [:]
        var problem: String?
        for (key, value) in object {
            switch value {
            case let string as String: fields[fieldName(key)] = string
            case let number as NSNumber: fields[fieldName(key)] = number.stringValue
            case is NSNull: break
            default: problem = "\(fieldName(key)) must be text or a number, not a list or an object"
            }
        }
        return BatchRow(number: number, fields: fields, problem: problem)
    }
}
