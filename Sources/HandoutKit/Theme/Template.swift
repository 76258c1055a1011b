/// A header or footer pattern such as "{title} · Page {page} of {pages}".
public struct Template: Equatable, Sendable {
    enum Piece: Equatable, Sendable {
        case literal(String)
        case field(String)
    }

    let pieces: [Piece]
    public let source: String

    /// Splits `source` at `{field}` names; a brace not around a plain name stays literal.
    public init(_ source: String) {
        self.source = source
        var pieces: [Piece] = []
        var rest = Substring(source)
        while let match = rest.firstMatch(of: /\{([a-z_][a-z0-9_]*)\}/) {
            let before = rest[..<match.range.lowerBound]
            if !before.isEmpty { pieces.append(.literal(String(before))) }
            pieces.append(.field(String(match.output.1)))
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
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
