/// A problem with the user's input: what is wrong, where, and how to fix it, on one line.
public struct HandoutError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file at fault, as the user would type it (relative where possible).
    public var file: String
    /// 1-based line in that file, when known.
    public var line: Int?
    /// The YAML key or template field at fault, when known.
    public var key: String?
    /// What is wrong and what to do about it.
    public var message: String

    public init(file: String, line: Int? = nil, key: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`, always a single line.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        // A key can hold quotes itself, so it is cut on its own.
        let text = key.map { "'\($0.count > 160 ? $0.prefix(157) + "…" : $0)': \(message)" } ?? message
        return "\(place): \(text.shorteningQuotes())".replacingNewlines()
    }
}

/// Something worth telling the user that does not stop the handout (e.g. a missing picture).
public struct Warning: CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message.shorteningQuotes())".replacingNewlines()
    }
}

extension String {
    /// Each key or value quoted in a message ('…') cut to a length a reader takes in: a damaged
    /// file can hold a "key" or a date thousands of characters long. Long enough for any real
    /// path or name, which the reader needs whole.
    func shorteningQuotes() -> String {
        // Most messages are short: the regex runs only where a quote could be too long.
        guard utf8.count > 160 else { return self }
        return replacing(/'([^'\n]{161,})'/) { match in "'\(match.output.1.prefix(157))…'" }
    }

    /// Error text must stay on one line, whatever a file or library put in it.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
