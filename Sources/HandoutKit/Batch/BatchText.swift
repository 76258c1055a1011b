import CSV
import Foundation

/// A batch file's bytes and the encoding they are read in: the one given, else the one a
/// byte-order mark names, else UTF-8 when the bytes are valid UTF-8, else UTF-16 when NUL bytes
/// show it (a file saved without a mark), else Windows-1252, with a warning.
struct BatchText {
    let data: Data
    let encoding: BatchEncoding
    /// UTF-16's byte order: little-endian unless the mark says otherwise (Windows writes LE).
    let littleEndian: Bool
    /// Why the encoding had to be guessed, for a warning; nil when the bytes say it.
    let guess: String?
    /// The text, decoded here when CSV.swift cannot decode the encoding itself (Windows-1252).
    private let decoded: String?
    private let file: String

    init(_ data: Data, file: String, encoding given: BatchEncoding?) throws {
        self.data = data
        self.file = file
        // The usual mistake: the workbook itself rather than a CSV saved from it.
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw HandoutError(file: file, "is a spreadsheet workbook (.xlsx or .xls), not CSV; save it from the spreadsheet as CSV UTF-8 and give that file")
        }
        let utf16BigEndianMark = data.starts(with: [0xFE, 0xFF])
        let utf16Mark = utf16BigEndianMark || data.starts(with: [0xFF, 0xFE])
        var guess: String?
        let encoding: BatchEncoding
        if let given {
            encoding = given
        } else if utf16Mark {
            encoding = .utf16
        } else if !data.contains(0), String(validating: data, as: UTF8.self) != nil {
            encoding = .utf8
        } else if data.contains(0) {
            encoding = .utf16
            guess = "has NUL bytes and no byte-order mark, so it was read as UTF-16; if the text looks wrong, save it as CSV UTF-8"
        } else {
            encoding = .windows1252
            guess = "is not UTF-8, so it was read as Windows-1252 (Excel's plain CSV on Windows); if letters look wrong, give --encoding or save it as CSV UTF-8"
        }
        self.encoding = encoding
        self.guess = guess
        // Without a mark, the byte order shows in which half of each pair ASCII's zero bytes fall.
        if utf16Mark {
            littleEndian = !utf16BigEndianMark
        } else {
            let evenZeros = stride(from: 0, to: min(data.count, 4096), by: 2).filter { data[data.startIndex + $0] == 0 }.count
            let oddZeros = stride(from: 1, to: min(data.count, 4096), by: 2).filter { data[data.startIndex + $0] == 0 }.count
            littleEndian = oddZeros >= evenZeros
        }
        switch encoding {
        case .utf8:
            decoded = nil
            guard String(validating: data, as: UTF8.self) != nil else {
                throw HandoutError(file: file, line: Self.firstBadLine(data), "is not valid UTF-8 text; give --encoding windows-1252 (or utf-16), or save it as CSV UTF-8")
            }
            if data.contains(0) {
                throw HandoutError(file: file, "holds NUL bytes, so it is not UTF-8 text; give --encoding utf-16, or save it as CSV UTF-8")
            }
        case .utf16:
            decoded = nil
            guard Self.decodeUTF16(data, littleEndian: littleEndian) != nil else {
                throw HandoutError(file: file, guess == nil
                    ? "is not valid UTF-16 text; give --encoding utf-8 or windows-1252, or save it as CSV UTF-8"
                    : "holds NUL bytes but is not UTF-16 text, so it is not a CSV file; save it from the spreadsheet as CSV UTF-8")
            }
        case .windows1252:
            // Foundation refuses the five bytes Windows-1252 leaves undefined; text never holds them.
            guard let text = String(data: data, encoding: .windowsCP1252) else {
                throw HandoutError(file: file, "is not Windows-1252 text (it holds bytes that encoding leaves undefined); give --encoding utf-8 or utf-16, or save it as CSV UTF-8")
            }
            decoded = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
    }

    /// All of the text, without a byte-order mark (for JSON Lines).
    func text() -> String {
        switch encoding {
        case .utf8:
            let text = String(decoding: data, as: UTF8.self)
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        case .utf16: return Self.decodeUTF16(data, littleEndian: littleEndian) ?? ""
        case .windows1252: return decoded ?? ""
        }
    }

    /// A CSV.swift reader over the text, every record a row (the header too). UTF-8 and UTF-16
    /// go through CSV.swift's own decoding, which skips a byte-order mark; Windows-1252, which it
    /// has no codec for, is decoded by Foundation first.
    func csvReader(delimiter: UnicodeScalar) throws -> CSVReader {
        do {
            switch encoding {
            case .utf8:
                return try CSVReader(stream: InputStream(data: data), codecType: UTF8.self, hasHeaderRow: false, delimiter: delimiter)
            case .utf16:
                return try CSVReader(stream: InputStream(data: data), codecType: UTF16.self, endian: littleEndian ? .little : .big,
                                     hasHeaderRow: false, delimiter: delimiter)
            case .windows1252:
                return try CSVReader(string: decoded ?? "", hasHeaderRow: false, delimiter: delimiter)
            }
        } catch {
            throw HandoutError(file: file, line: 1, "cannot read the file as CSV (\(error)); save it again from the spreadsheet as CSV")
        }
    }

    /// The delimiter that splits the header row into the most columns: `,`, `;` (spreadsheets
    /// where the comma is the decimal mark) or tab (Excel's "Unicode Text"); a comma on a tie.
    func delimiter() throws -> UnicodeScalar {
        var best: (delimiter: UnicodeScalar, columns: Int) = (",", 0)
        for candidate: UnicodeScalar in [",", ";", "\t"] {
            let columns = try csvReader(delimiter: candidate).next()?.count ?? 0
            if columns > best.columns { best = (candidate, columns) }
        }
        return best.delimiter
    }

    private static func decodeUTF16(_ data: Data, littleEndian: Bool) -> String? {
        let marked = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        let body = marked ? data.dropFirst(2) : data
        guard body.count % 2 == 0 else { return nil }
        return String(data: Data(body), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
    }

    /// The 1-based line of the first line that is not UTF-8.
    private static func firstBadLine(_ data: Data) -> Int {
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            return index + 1
        }
        return 1
    }
}
