import Foundation

/// Makes a batch's file names from a pattern such as "{row}-{procedure}.pdf": safe characters
/// only, never a path, never hidden, at most 100 characters, and unique within the batch.
public struct FileNamer {
    public static let maximumLength = 100

    let template: Template
    /// What every name ends in: "pdf", or "eml" for email drafts.
    let fileExtension: String
    private var used: Set<String> = []

    public init(pattern: String, fileExtension: String = "pdf") {
        template = Template(pattern)
        self.fileExtension = fileExtension
    }

    /// The name for a row. Fields the pattern names but the row lacks become empty.
    public mutating func name(row: Int, procedure: String, fields: [String: String]) -> String {
        var values = fields
        values["row"] = "\(row)"
        values["procedure"] = procedure
        let safe = Self.sanitize(template.render(values), fileExtension: fileExtension)
        var candidate = safe
        var counter = 2
        while used.contains(candidate.lowercased()) {
            let stem = String(safe.dropLast(fileExtension.count + 1).prefix(Self.maximumLength - fileExtension.count - 1 - "-\(counter)".count))
            candidate = "\(stem)-\(counter).\(fileExtension)"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Letters and digits (accents dropped), `-`, `_` and `.` only; other runs become one `_`;
    /// no leading dot; ends in `.pdf` (or `fileExtension`); at most 100 characters.
    static func sanitize(_ raw: String, fileExtension: String = "pdf") -> String {
        let folded = raw.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var lastWasFiller = false
        for scalar in folded.unicodeScalars {
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            if ok {
                out.unicodeScalars.append(scalar)
                lastWasFiller = false
            } else if !lastWasFiller {
                out += "_"
                lastWasFiller = true
            }
        }
        while let first = out.first, first == "." || first == "_" || first == "-" { out.removeFirst() }
        if out.lowercased().hasSuffix("." + fileExtension) { out.removeLast(fileExtension.count + 1) }
        while let last = out.last, last == "." || last == "_" { out.removeLast() }
        if out.isEmpty { out = fileExtension == "eml" ? "email" : "handout" }
        return String(out.prefix(maximumLength - fileExtension.count - 1)) + "." + fileExtension
    }
}
