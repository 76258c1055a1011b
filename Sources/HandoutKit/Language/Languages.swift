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

    /// Whether `text` is written as a BCP 47 language tag ("es", "pt-BR").
    public static func isTag(_ text: String) -> Bool {
        text.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) != nil
    }
}
