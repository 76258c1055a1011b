import ArgumentParser
import HandoutKit

/// Which language to make documents in: shared by render, booklet, preview, print, email and batch.
public struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: "Make the documents in this language (a tag such as es): each handout's SLUG.es.md, with the words Handout prints in Spanish. Default: each handout as its own file is written.")
    public var language: String?

    @Option(name: .long, help: "With --language: use the version in this language (e.g. en), with a warning, for a handout that has none in the one asked for.")
    public var fallback: String?

    public init() {}

    public func validate() throws {
        for (option, value) in [("--language", language), ("--fallback", fallback)] {
            if let value, !Languages.isTag(value) {
                throw ValidationError("\(option) '\(value)' is not a language tag; write e.g. en, es or pt-BR")
            }
        }
        if fallback != nil, language == nil { throw ValidationError("--fallback needs --language") }
    }

    /// `request` in the language asked for.
    public func apply(to request: DocumentRequest) -> DocumentRequest {
        var request = request
        request.language = language
        request.fallback = fallback
        return request
    }
}
