import CSV
import Foundation

/// One patient row of a batch file: its number as the user sees it, and its fields.
public struct BatchRow: Sendable {
    /// CSV: the row as a spreadsheet numbers it (the header is row 1, so the first patient is
    /// row 2). JSON Lines: the line.
    public var number: Int
    /// The fields, after `--column` mapping.
    public var fields: [String: String]
    /// Columns a mapping built others from and took out: still usable in file names.
    public var consumed: [String: String] = [:]
    /// Why the row cannot be used at all (e.g. a broken JSON line); the row is reported, not rendered.
    public var problem: String?
}

/// Reads a batch file row by row: CSV with a header row (RFC 4180 quoting, through CSV.swift;
/// `,`, `;` or tab, found from the header; UTF-8, UTF-16 or Windows-1252) or JSON Lines, by
/// extension (.jsonl, .ndjson) or, failing that, by whether the first character is `{`.
/// Rows are made as they are asked for, so a batch of any length holds only a few at once; one
/// pass ahead counts them and looks at their dates.
public final class BatchReader {
    static let maximumBytes = 256 * 1024 * 1024

    /// The file as messages name it.
    public let file: String
    /// How many rows the file has, for progress.
    public let total: Int
    /// The highest row number, for zero-padding `{row}` in file names.
    public let lastRow: Int
    /// The field names rows can have, after mapping: the header's (JSON Lines: every key seen).
    public let columns: [String]
    /// "CSV, semicolon-separated, Windows-1252": how the file was read, for the summary.
    public let format: String
    /// An encoding that had to be guessed.
    public let warnings: [Warning]
    public let dates: DateEvidence
    private var nextRow: () -> BatchRow?

    public convenience init(_ url: URL) throws { try self.init(url, options: BatchReadOptions()) }

    public init(_ url: URL, options: BatchReadOptions) throws {
        let file = DisplayPath.of(url)
        self.file = file
        let data = try Self.read(url, file: file)
        let text = try BatchText(data, file: file, encoding: options.encoding)
        warnings = text.guess.map { [Warning(file: file, $0)] } ?? []
        let ext = url.pathExtension.lowercased()
        let isJSON = ext == "jsonl" || ext == "ndjson"
            || (ext != "csv" && ext != "tsv" && text.text().first(where: { !$0.isWhitespace }) == "{")
        let makeRows: () throws -> () -> BatchRow?
        let rawColumns: [String]?
        if isJSON {
            let lines = text.text().split(separator: "\n", omittingEmptySubsequences: false)
            makeRows = { Self.jsonRows(lines) }
            rawColumns = nil
            format = "JSON Lines, \(text.encoding.displayName)"
        } else {
            let delimiter = try text.delimiter()
            let header = try Self.header(text.csvReader(delimiter: delimiter), file: file)
            makeRows = { try Self.csvRows(text.csvReader(delimiter: delimiter), header: header) }
            rawColumns = header.filter { !$0.isEmpty }
            format = "CSV, \(Self.delimiterName(delimiter)), \(text.encoding.displayName)"
        }

        // The pass ahead: count, number, keys and dates, each row mapped as it will be.
        var count = 0, last = 0, keys = Set<String>(), dates = DateEvidence()
        let ahead = try makeRows()
        while let row = ahead() {
            count += 1
            last = row.number
            if rawColumns == nil { keys.formUnion(row.fields.keys) }
            guard let date = options.columns.apply(row.fields).fields["procedure_date"],
                  case let .numeric(first, second, year) = WrittenDate.read(date) else { continue }
            let monthFirst = CalendarDate(year: year, month: first, day: second)
            let dayFirst = CalendarDate(year: year, month: second, day: first)
            if monthFirst == nil, dayFirst != nil { dates.dayFirst += 1 }
            if let monthFirst, let dayFirst, monthFirst != dayFirst { dates.ambiguous += 1 }
        }
        guard count > 0 else { throw HandoutError(file: file, "has no patient rows; add one row per patient") }
        let sourceColumns = rawColumns ?? keys.sorted()
        try options.columns.check(columns: sourceColumns, file: file)
        // Columns a mapping consumed still count: file names may use them.
        columns = sourceColumns + options.columns.names.filter { !sourceColumns.contains($0) }
        if !isJSON, !columns.contains("procedure") {
            throw HandoutError(file: file, line: 1, key: "procedure",
                               "column is missing; the header must name a procedure column (a handout slug or title per row), or build one with --column procedure=\"{your column}\"")
        }
        total = count
        lastRow = last
        self.dates = dates
        let rows = try makeRows()
        let mapping = options.columns
        nextRow = {
            guard var row = rows() else { return nil }
            (row.fields, row.consumed) = mapping.apply(row.fields)
            return row
        }
    }

    public func next() -> BatchRow? { nextRow() }

    /// Column names as fields: trimmed, lower case, spaces and dashes as underscores ("Patient Name" → patient_name).
    public static func fieldName(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    static func delimiterName(_ delimiter: UnicodeScalar) -> String {
        switch delimiter {
        case ";": "semicolon-separated"
        case "\t": "tab-separated"
        default: "comma-separated"
        }
    }

    private static func read(_ url: URL, file: String) throws -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw HandoutError(file: file, FileManager.default.fileExists(atPath: url.path)
                ? "cannot read the batch file; check the file's permissions"
                : "the batch file is missing; check the path")
        }
        guard data.count <= maximumBytes else {
            throw HandoutError(file: file, "the batch file is \(data.count / 1024 / 1024) MB, more than the \(maximumBytes / 1024 / 1024) MB limit; split it into smaller files")
        }
        return data
    }

    /// The header row's field names, checked: no column twice.
    private static func header(_ reader: CSVReader, file: String) throws -> [String] {
        guard let names = reader.next(), names.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw HandoutError(file: file, line: 1, "cannot read the header row; the first line must name the columns, e.g. procedure,patient_name,procedure_date")
        }
        let header = names.map(fieldName)
        var seen = Set<String>()
        if let duplicate = header.first(where: { !$0.isEmpty && !seen.insert($0).inserted }) {
            throw HandoutError(file: file, line: 1, key: duplicate, "column appears twice in the header; keep one")
        }
        return header
    }

    /// Rows after the header, numbered as a spreadsheet shows them; blank rows are skipped but counted.
    private static func csvRows(_ reader: CSVReader, header: [String]) -> () -> BatchRow? {
        _ = reader.next()  // the header
        var number = 1
        return {
            while let values = reader.next() {
                number += 1
                if values.allSatisfy(\.isEmpty) { continue }
                var fields: [String: String] = [:]
                for (name, value) in zip(header, values) where !name.isEmpty { fields[name] = value }
                // Spreadsheets add empty cells past the last column; only values there are a problem.
                let extra = values.count > header.count && values[header.count...].contains { !$0.allSatisfy(\.isWhitespace) }
                let problem = extra ? "has more values than the header has columns; check its delimiters and quotes" : nil
                return BatchRow(number: number, fields: fields, problem: problem)
            }
            return nil
        }
    }

    private static func jsonRows(_ lines: [Substring]) -> () -> BatchRow? {
        var index = 0
        return {
            while index < lines.count {
                defer { index += 1 }
                if !lines[index].allSatisfy(\.isWhitespace) { return jsonRow(lines[index], number: index + 1) }
            }
            return nil
        }
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
