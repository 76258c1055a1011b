import Foundation

/// The pieces of RFC 2045–2047, 2231 and 5322 an email draft needs, written here because none of
/// the project's packages writes MIME: header folding, encoded words for text outside ASCII,
/// parameter values, quoted-printable text, base64 lines and the Date format.
enum MIMEEncoding {
    /// `Name: value` folded at spaces so no line passes 78 characters where a space allows,
    /// ending in CRLF.
    static func header(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var line = name + ":"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if line.count + 1 + word.count > 78, line.count > name.count + 1 {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Header text as it may appear in a header: itself when it is printable ASCII, else RFC 2047
    /// encoded words (UTF-8, base64), each at most 75 characters and never splitting a character.
    static func headerText(_ text: String, forcingEncoding: Bool = false) -> String {
        if !forcingEncoding, text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // "=?utf-8?b?" + "?=" is 12 characters; 45 bytes of base64 are 60, so a word stays under 75.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?b?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?b?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// `Name <address>`, the name quoted or encoded as it needs; the bare address without a name.
    static func mailbox(name: String?, address: String) -> String {
        guard let name, !name.isEmpty else { return address }
        let plain = name.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        guard plain else { return phrase(name) + " <\(address)>" }
        let specials = CharacterSet(charactersIn: "()<>[]:;@\\,.\"")
        let quoted = name.unicodeScalars.contains { specials.contains($0) }
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : name
        return quoted + " <\(address)>"
    }

    /// A display name outside ASCII: plain words stay plain, and each run of the others becomes
    /// one encoded word with its inner spaces inside it. Two encoded words never stand side by
    /// side, because readers disagree on the space between them (RFC 2047 drops it; Python's
    /// parser, among others, keeps it).
    static func phrase(_ text: String) -> String {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)
        var out: [String] = []
        var run: [Substring] = []
        func flush() {
            guard !run.isEmpty else { return }
            out.append(headerText(run.joined(separator: " "), forcingEncoding: true))
            run = []
        }
        for word in text.split(separator: " ") {
            if word.unicodeScalars.allSatisfy(atext.contains) {
                flush()
                out.append(String(word))
            } else {
                run.append(word)
            }
        }
        flush()
        return out.joined(separator: " ")
    }

    /// A parameter such as a file name: `name="value"` for printable ASCII, else RFC 2231's
    /// `name*=utf-8''percent-encoded` form.
    static func parameter(_ name: String, _ value: String) -> String {
        if value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return "\(name)=\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = value.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "\(name)*=utf-8''\(encoded)"
    }

    /// Text as quoted-printable: readable where it is plain ASCII, lines of at most 76 characters
    /// with soft breaks, CRLF line ends.
    static func quotedPrintable(_ text: String) -> String {
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var pieces: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last)
                pieces.append(plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte))
            }
            var current = ""
            for piece in pieces {
                if current.count + piece.count > 75 {
                    output.append(current + "=")
                    current = ""
                }
                current += piece
            }
            output.append(current)
        }
        return output.joined(separator: "\r\n")
    }

    /// Base64 in lines of 76 characters with CRLF ends.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// RFC 5322's date, in UTC: "Sun, 29 Nov 2026 10:45:00 +0000".
    static func date(unixTime seconds: Int64) -> String {
        let day = CalendarDate(unixTime: seconds)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1]
        let time = ((seconds % 86_400) + 86_400) % 86_400
        let clock = [time / 3600, time % 3600 / 60, time % 60].map { zeroPadded(Int($0), width: 2) }.joined(separator: ":")
        return "\(weekday), \(day.day) \(month) \(day.year) \(clock) +0000"
    }
}
