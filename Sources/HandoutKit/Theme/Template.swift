/// A header or footer pattern such as "{title} · Page {page} of {pages}".
public struct Template: Equatable, Sendable {
    enum Piece: Equatable, Sendable {
        case literal(String)
        case field(String)
    }

    let pieces: [Piece]
    public let source: String

    /// Splits `source` at `{field}` names (a lowercase letter or `_`, then lowercase letters,
    /// digits or `_`); a brace not around such a name stays literal. Scanned by hand: templates
    /// are made for every page's footer, and a regex literal is compiled each time it runs.
    public init(_ source: String) {
        self.source = source
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            if let first = name.first, !("0"..."9").contains(first), after.dropFirst(name.count).first == "}" {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.field(String(name)))
                rest = after.dropFirst(name.count + 1)
            } else {
                literal.append("{")
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// The field names used, in order.
    public var fields: [String] {
        pieces.compactMap { if case let .field(name) = $0 { name } else { nil } }
    }

    /// Separates fields in headers and footers ("Title · Page 2 of 3").
    public static let separator = " · "

    /// Fills in the fields; values are inserted as plain text, never re-read as a pattern. A
    /// separator next to a field left empty is left out too ("Title · Page 2 of 3", not
    /// "Title ·  · Page 2 of 3").
    public func render(_ values: [String: String]) -> String {
        var parts = pieces.map { piece -> (text: String, isEmptyField: Bool) in
            switch piece {
            case let .literal(text): (text, false)
            case let .field(name): (values[name] ?? "", (values[name] ?? "").isEmpty)
            }
        }
        for index in parts.indices where parts[index].isEmptyField {
            if index + 1 < parts.count, parts[index + 1].text.hasPrefix(Self.separator) {
                parts[index + 1].text.removeFirst(Self.separator.count)
            } else if index > 0, parts[index - 1].text.hasSuffix(Self.separator) {
                parts[index - 1].text.removeLast(Self.separator.count)
            }
        }
        return parts.map(\.text).joined()
    }
}
