import Foundation

/// Language tags as Handout compares and names them.
public enum Languages {
    /// Whether two tags are the same language: `es` and `es-US` are, `en` and `es` are not.
    public static func same(_ a: String, _ b: String) -> Bool {
        primary(a) == primary(b)
    }

    /// "es" of "es-US" or "es_US", lowercased.
    public static func primary(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// "Spanish (es)": the language's English name from Foundation's locale data, for messages.
    public static func name(_ tag: String) -> String {
        let english = Locale(identifier: "en_US").localizedString(forLanguageCode: primary(tag))
        return english.map { "\($0) (\(tag))" } ?? tag
    }

    /// Whether `text` is written as a BCP 47 language tag ("es", "pt-BR"): two or three letters,
    /// then any number of `-` and one to eight letters or digits. Checked by hand: a regex literal
    /// is compiled each time it runs, a tenth of a millisecond on every start.
    public static func isTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || ("0"..."9").contains($0) } }
    }

    /// An ASCII letter.
    private static func isLetter(_ c: Character) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
}
