import Foundation

/// Makes a batch's file names from a pattern such as "{row}-{procedure}.pdf": safe characters
/// only (other scripts transliterated), never a path, never hidden, never a name Windows keeps
/// for a device, at most 100 characters, and unique within the batch.
public struct FileNamer {
    public static let maximumLength = 100

    let template: Template
    /// What every name ends in: "pdf", or "eml" for email drafts.
    let fileExtension: String
    /// Digits `{row}` is zero-padded to, so names sort in row order ("0009" before "0010").
    let rowWidth: Int
    private var used: Set<String> = []

    public init(pattern: String, fileExtension: String = "pdf", rowWidth: Int = 1) {
        template = Template(pattern)
        self.fileExtension = fileExtension
        self.rowWidth = rowWidth
    }

    /// The width that fits every row number up to `lastRow`.
    public static func rowWidth(lastRow: Int) -> Int { String(max(1, lastRow)).count }

    /// The name for a row. Fields the pattern names but the row lacks become empty.
    public mutating func name(row: Int, procedure: String, fields: [String: String]) -> String {
        var values = fields
        values["row"] = zeroPadded(row, width: rowWidth)
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

    /// Placeholders in `pattern` that are not `{row}`, `{procedure}` or one of `columns`: each
    /// would silently come out empty, so a batch refuses them before writing anything. Anything
    /// in braces counts, so `{Last Name}` is caught too (columns are named as fields: {last_name}).
    public static func unknownPlaceholders(in pattern: String, columns: [String]) -> [String] {
        let known = Set(columns + ["row", "procedure"])
        return pattern.matches(of: /\{([^{}]*)\}/).map { String($0.output.1) }.filter { !known.contains($0) }
    }

    /// Letters and digits (other scripts transliterated, accents dropped), `-`, `_` and `.` only;
    /// other runs become one `_`; no leading dot; ends in `.pdf` (or `fileExtension`); at most
    /// 100 characters; never a reserved Windows device name.
    static func sanitize(_ raw: String, fileExtension: String = "pdf") -> String {
        let folded = transliterate(raw)
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
        let room = maximumLength - fileExtension.count - 1
        out = String(avoidingDeviceName(String(out.prefix(room))).prefix(room))
        while let last = out.last, last == "." { out.removeLast() }
        return out + "." + fileExtension
    }

    /// "Łukasz" → "Lukasz", "Zoë" → "Zoe", "Дмитрий" → "Dmitrij", through ICU's transliterators
    /// (Foundation's own .toLatin and .stripDiacritics leave letters such as Ł alone); whatever
    /// has no Latin form is left for `sanitize` to replace with `_`.
    static func transliterate(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        if let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) { return latin }
        return text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Names Windows keeps for devices, whatever follows the first dot: a file called `CON.pdf`
    /// or `nul.tar.pdf` cannot be opened or copied there.
    static let deviceNames = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// `stem` with `_` after its part before the first dot when that part is a device name.
    static func avoidingDeviceName(_ stem: String) -> String {
        let first = stem.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard deviceNames.contains(first.uppercased()) else { return stem }
        return first + "_" + stem.dropFirst(first.count)
    }
}
