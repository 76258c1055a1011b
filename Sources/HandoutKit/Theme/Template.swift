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

    /// Fills in the fields; values are inserted as plain text, never re-read as a pattern.
    public func render(_ values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case let .literal(text): text
            case let .field(name): values[name] ?? ""
            }
        }.joined()
    }
}
