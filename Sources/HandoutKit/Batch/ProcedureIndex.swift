import Foundation

/// Finds the handouts a row's `procedure` cell names, the way exports write them: a slug
/// (`epidural-steroid-injection`) or a title (`Epidural Steroid Injection`), in any case, with
/// spaces, dashes or underscores; several separated by `|` or `;`.
final class ProcedureIndex {
    private let library: ContentLibrary
    private let slugs: [String]
    private var bySlug: [String: String] = [:]
    /// Filled on the first cell that is not a slug: titles mean reading every handout.
    private var byTitle: [String: [String]]?

    init(library: ContentLibrary) throws {
        self.library = library
        slugs = try library.slugs()
        for slug in slugs { bySlug[Self.key(slug)] = slug }
    }

    /// The slugs a cell names, in order, and a problem for each part that names none.
    func resolve(_ cell: String) -> (slugs: [String], problems: [String]) {
        let parts = cell.split(whereSeparator: { $0 == "|" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var found: [String] = [], problems: [String] = []
        for part in parts {
            let key = Self.key(part)
            if let slug = bySlug[key] {
                found.append(slug)
                continue
            }
            let titled = titles()[key] ?? []
            if titled.count == 1 {
                found.append(titled[0])
            } else if titled.count > 1 {
                problems.append("procedure '\(part.prefix(60))' is the title of several handouts (\(titled.joined(separator: ", "))); use a slug")
            } else {
                let hint = NearestName.suggestion(for: key, among: slugs).map { "did you mean `\($0)`? " } ?? ""
                problems.append("unknown procedure '\(part.prefix(60))'; \(hint)use a slug or title from `handout list`")
            }
        }
        return (found, problems)
    }

    private func titles() -> [String: [String]] {
        if let byTitle { return byTitle }
        var made: [String: [String]] = [:]
        for slug in slugs {
            // A handout that does not read is reported when a row names it by slug.
            var warnings: [Warning] = []
            guard let procedure = try? library.procedure(slug, warnings: &warnings) else { continue }
            made[Self.key(procedure.title), default: []].append(slug)
        }
        byTitle = made
        return made
    }

    /// Lower case, accents dropped, every run of other characters one `-`:
    /// "Epidural Steroid Injection" and "epidural_steroid_injection" both read epidural-steroid-injection.
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var key = ""
        for scalar in folded.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.isEmpty, key.last != "-" {
                key += "-"
            }
        }
        while key.last == "-" { key.removeLast() }
        return key
    }
}
