import Foundation

/// Makes a batch's file names from a pattern such as "{row}-{procedure}.pdf": safe characters
/// only, never a path, never hidden, at most 100 characters, and unique within the batch.
public struct FileNamer {
    public static let maximumLength = 100

    let template: Template
    private var used: Set<String> = []

    public init(pattern: String) { template = Template(pattern) }

    /// The name for a row. Fields the pattern names but the row lacks become empty.
    public mutating func name(row: Int, procedure: String, fields: [String: String]) -> String {
        var values = fields
        values["row"] = "\(row)"
        values["procedure"] = procedure
        let safe = Self.sanitize(template.render(values))
        var candidate = safe
        var counter = 2
        while used.contains(candidate.lowercased()) {
            let stem = String(safe.dropLast(4).prefix(Self.maximumLength - 4 - "-\(counter)".count))
            candidate = "\(stem)-\(counter).pdf"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Letters and digits (accents dropped), `-`, `_` and `.` only; other runs become one `_`;
    /// no leading dot; ends in `.pdf`; at most 100 characters.
    static func sanitize(_ raw: String) -> String {
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
        if out.lowercased().hasSuffix(".pdf") { out.removeLast(4) }
        while let last = out.last, last == "." || last == "_" { out.removeLast() }
        if out.isEmpty { out = "handout" }
        return String(out.prefix(maximumLength - 4)) + ".pdf"
    }
}
