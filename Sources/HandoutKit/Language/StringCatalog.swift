import Foundation

/// Every fixed word Handout prints, in one language: `Layouts/strings/LANG.yaml`.
///
/// Labels, "Page 2 of 3", "Contents", the placeholder's label and the rest come from here, so a
/// Spanish handout prints no English, and a clinic adds a language by adding one file.
public struct StringCatalog: Equatable, Sendable {
    /// A fixed word or phrase; the raw value is its key in the YAML file.
    public enum Key: String, CaseIterable, Sendable {
        case preparedFor = "prepared_for", procedureDate = "procedure_date", arrivalTime = "arrival_time", physician
        case instructions, important
        case pageOf = "page_of", reviewed, contents, contentsEntry = "contents_entry", part, edition
        case illustration, illustrationToCome = "illustration_to_come", coverIllustration = "cover_illustration"
        case questions, phone
        case yourProcedures = "your_procedures", preparedForYouBy = "prepared_for_you_by"
        case writeIn = "write_in"
        case emailSubject = "email_subject", emailBody = "email_body"
        case emailLockedOne = "email_locked_one", emailLockedMany = "email_locked_many"
        case emailPasswordGiven = "email_password_given", emailPasswordDate = "email_password_date", emailPasswordField = "email_password_field"
    }

    /// The language tag the catalog is for ("es").
    public var language: String
    /// The locale dates and times are written in ("es": "jueves, 3 de diciembre de 2026").
    public var locale: String
    /// English words standing in for a language that has no catalog.
    public var isStandIn = false
    private let texts: [Key: String]
    /// Of the words alone, made once: `digest` is asked for by every document.
    private let textsDigest: UInt64

    init(language: String, locale: String, texts: [Key: String]) {
        self.language = language
        self.locale = locale
        self.texts = texts
        textsDigest = Self.digest(of: texts)
    }

    private static func digest(of texts: [Key: String]) -> UInt64 {
        Digest.fnv1a(Array(Key.allCases.map { texts[$0] ?? "" }.joined(separator: "\u{1F}").utf8))
    }

    /// The words of `key`, with its `{fields}` filled in from `values`.
    public func text(_ key: Key, _ values: [String: String] = [:]) -> String {
        let text = texts[key] ?? Self.english.texts[key] ?? ""
        return values.isEmpty ? text : Template(text).render(values)
    }

    /// Stands for the words, the language and the locale in cache keys: boxes made with one
    /// catalog are reused only with the same one.
    public var digest: UInt64 {
        Digest.fnv1a(Array((language + "\u{1F}" + locale).utf8), seed: textsDigest)
    }

    /// Dates and times as this language writes them.
    public var dates: DateWriter { DateWriter(locale: locale) }

    /// The English words, built in: what a layout without `strings/en.yaml` prints, and what the
    /// shipped file must match.
    public static let english = StringCatalog(language: "en", locale: "en_US", texts: [
        .preparedFor: "PREPARED FOR", .procedureDate: "Procedure date", .arrivalTime: "Arrival time", .physician: "Physician",
        .instructions: "Instructions for you", .important: "Important",
        .pageOf: "Page {page} of {pages}", .reviewed: "Reviewed {month_year}", .contents: "Contents",
        .contentsEntry: "{title}, page {page}", .part: "PART {number}", .edition: "Edition {edition}",
        .illustration: "ILLUSTRATION", .illustrationToCome: "Illustration to come: {caption}", .coverIllustration: "Cover illustration",
        .questions: "Questions? We are here to help.", .phone: "Phone",
        .yourProcedures: "Your procedures", .preparedForYouBy: "Prepared for you by {clinic}",
        .writeIn: "__________",
        .emailSubject: "Your procedure information from {clinic}",
        .emailBody: EmailTemplate.standard,
        .emailLockedOne: "We locked the attachment with a password to keep your information private.",
        .emailLockedMany: "We locked the attachments with a password to keep your information private.",
        .emailPasswordGiven: "Use the password we gave you at your visit or on the phone. We never send it by email.",
        .emailPasswordDate: "The password is your {field} as 8 numbers: month, day and year. For example, {example} is {digits}.",
        .emailPasswordField: "The password is your {field}, written the way you gave it to us.",
    ])

    /// Reads a catalog, checking that it has every key, no unknown one, and a locale Foundation knows.
    public static func load(from url: URL, language: String) throws -> StringCatalog {
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "this string catalog", maximumBytes: 64 * 1024)
        let yaml = try YAMLMapping(parsing: text, file: file, what: "this string catalog")
        try yaml.rejectUnknownKeys(allowed: ["locale"] + Key.allCases.map(\.rawValue))
        let locale = try yaml.requiredString("locale", example: language).trimmed
        guard Locale.availableIdentifiers.contains(locale) || Locale.availableIdentifiers.contains(locale.replacingOccurrences(of: "-", with: "_")) else {
            throw HandoutError(file: file, line: yaml.entry("locale")?.line, key: "locale",
                               "'\(locale)' is not a locale this system knows; write a language and region such as `es` or `es_US`")
        }
        var texts: [Key: String] = [:]
        for key in Key.allCases {
            texts[key] = try yaml.requiredString(key.rawValue, example: english.texts[key] ?? "")
        }
        return StringCatalog(language: language, locale: locale, texts: texts)
    }
}
