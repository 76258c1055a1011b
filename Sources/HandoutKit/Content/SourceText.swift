import Foundation

/// Reads a user's text file, refusing what is missing, empty, too big or not UTF-8 with a clear error.
enum SourceText {
    /// Bigger than any real handout by far; past this, layout would take minutes, not seconds.
    static let maximumBytes = 4 * 1024 * 1024

    static func read(_ url: URL, what: String, maximumBytes: Int = maximumBytes) throws -> String {
        let file = DisplayPath.of(url)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw HandoutError(file: file, exists
                ? "cannot read \(what); check the file's permissions"
                : "\(what) is missing; create this file")
        }
        return try decode(data, file: file, what: what, maximumBytes: maximumBytes)
    }

    static func decode(_ data: Data, file: String, what: String, maximumBytes: Int = maximumBytes) throws -> String {
        guard data.count <= maximumBytes else {
            throw HandoutError(file: file, "\(what) is \(data.count / 1024) KB, more than the \(maximumBytes / 1024 / 1024) MB limit; split it into smaller files")
        }
        guard data.contains(where: { !(Character(UnicodeScalar($0)).isWhitespace) }) else {
            throw HandoutError(file: file, "\(what) is empty; see README.md for what it should hold")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            throw HandoutError(file: file, line: line, "is not valid UTF-8 text (bad byte at column \(column)); save the file as UTF-8")
        }
        if text.contains("\u{0}") {
            throw HandoutError(file: file, line: lineNumber(ofNUL: data), "holds a NUL character, so it is not a text file; save it as plain UTF-8 text")
        }
        if let (line, column, scalar) = firstUnusableCharacter(in: text) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw HandoutError(
                file: file, line: line,
                "holds \(code) at column \(column), which is not a character text can show (often left by a bad copy and paste); delete it")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Line and byte column of the first byte that breaks UTF-8.
    private static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, index - lineStart + 1) }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }

    /// The first control character (but tab and line ends) or Unicode noncharacter, where it is:
    /// PDF metadata, fonts and readers all refuse them, and a message at drawing time could not
    /// say where the character came from.
    static func firstUnusableCharacter(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var line = 1, column = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 0; continue }
            column += 1
            let value = scalar.value
            let control = (value < 0x20 && value != 0x09 && value != 0x0D) || (0x7F...0x9F).contains(value)
            let noncharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            if control || noncharacter { return (line, column, scalar) }
        }
        return nil
    }

    private static func lineNumber(ofNUL data: Data) -> Int {
        guard let index = data.firstIndex(of: 0) else { return 1 }
        return data[..<index].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
