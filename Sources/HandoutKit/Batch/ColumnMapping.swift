import Foundation

/// Columns built from a file's own, for exports whose columns are not Handout's: `patient_name`
/// from "{first name} {last name}", `procedure` from "{Proc Desc}". Given as `--column
/// NAME=TEMPLATE` or under `columns:` in a batch profile. Names in braces are the file's column
/// headers, matched as fields are (case, spaces and dashes do not matter); the columns a
/// template uses are consumed, so they are not reported as fields nothing uses.
public struct ColumnMapping: Sendable {
    struct Rule: Sendable {
        var name: String
        var pieces: [Piece]
        /// Where it was given, for messages: "--column", or the profile and its line.
        var file: String
        var line: Int?

        var sources: [String] { pieces.compactMap { if case let .column(name) = $0 { name } else { nil } } }
    }

    enum Piece: Sendable, Equatable {
        case literal(String)
        case column(String)
    }

    private(set) var rules: [Rule] = []

    public init() {}

    /// From `--column` arguments, each `NAME=TEMPLATE`.
    public init(arguments: [String]) throws {
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].allSatisfy(\.isWhitespace) else {
                throw HandoutError(file: "--column", "takes NAME=TEMPLATE, e.g. --column patient_name=\"{first name} {last name}\"")
            }
            try add(name: String(parts[0]), template: String(parts[1]), file: "--column", line: nil)
        }
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// The column names the rules make.
    public var names: [String] { rules.map(\.name) }

    mutating func add(name rawName: String, template: String, file: String, line: Int?) throws {
        let name = BatchReader.fieldName(rawName)
        guard !rules.contains(where: { $0.name == name }) else {
            throw HandoutError(file: file, line: line, key: name, "is given twice; keep one")
        }
        rules.append(Rule(name: name, pieces: try Self.parse(template, file: file, line: line, key: name), file: file, line: line))
    }

    /// These rules, with `overrides`' replacing any of the same name (the command line wins over a profile).
    public func overridden(by overrides: ColumnMapping) -> ColumnMapping {
        var merged = self
        merged.rules.removeAll { rule in overrides.rules.contains { $0.name == rule.name } }
        merged.rules += overrides.rules
        return merged
    }

    /// Fails on a template naming a column the file does not have, listing those it has.
    func check(columns: [String], file: String) throws {
        let known = Set(columns)
        for rule in rules {
            for source in rule.sources where !known.contains(source) {
                let hint = NearestName.suggestion(for: source, among: columns).map { "did you mean {\($0)}? " } ?? ""
                throw HandoutError(file: rule.file, line: rule.line, key: rule.name,
                                   "{\(source)} is not a column of \(file); \(hint)its columns are \(columns.joined(separator: ", "))")
            }
        }
    }

    /// The row with the built columns added (replacing any of the same name) and the columns
    /// they were built from taken out; those are returned apart, for file names.
    func apply(_ fields: [String: String]) -> (fields: [String: String], consumed: [String: String]) {
        guard !rules.isEmpty else { return (fields, [:]) }
        var out = fields
        var consumed: [String: String] = [:]
        for rule in rules {
            let text = rule.pieces.map { piece in
                switch piece {
                case let .literal(text): text
                case let .column(name): fields[name] ?? ""
                }
            }.joined()
            // "{first} {middle} {last}" with no middle name must not leave two spaces.
            out[rule.name] = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        let made = Set(names)
        for source in Set(rules.flatMap(\.sources)) where !made.contains(source) {
            consumed[source] = out.removeValue(forKey: source)
        }
        return (out, consumed)
    }

    /// Splits "{first name} {last name}" into columns and literal text.
    static func parse(_ template: String, file: String, line: Int?, key: String) throws -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw HandoutError(file: file, line: line, key: key, "has a { without a closing }; write columns as {first name}")
            }
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            let column = BatchReader.fieldName(String(rest[rest.index(after: open)..<close]))
            guard !column.isEmpty, !column.contains("{") else {
                throw HandoutError(file: file, line: line, key: key, "has an empty or nested {}; write columns as {first name}")
            }
            pieces.append(.column(column))
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") {
            throw HandoutError(file: file, line: line, key: key, "has a } without an opening {; write columns as {first name}")
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }
}
