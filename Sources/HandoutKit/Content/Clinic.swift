import Foundation

/// The practice whose name, contact details and disclaimer go on every handout.
public struct Clinic: Equatable, Sendable {
    public var name: String
    public var phone: String
    /// The number to call at night and on weekends, when the clinic gives one.
    public var afterHoursPhone: String?
    public var website: String
    public var address: String
    /// The disclaimer in the clinic's first language (`disclaimer: TEXT`, or the `en:` entry, else
    /// the first, of `disclaimer: {en: …, es: …}`).
    public var disclaimer: String
    /// The disclaimer by language tag, when clinic.yaml gives it as a map.
    public var disclaimers: [String: String] = [:]
    /// The address email drafts come from (`email:`), when the clinic gives one.
    public var email: String?
    /// The largest email draft the clinic's mail system takes, in bytes (`email_size_limit_mb:`,
    /// default 10: most mail servers refuse bigger messages).
    public var emailSizeLimit = 10 * 1_048_576
    /// How the clinic writes dates with numbers only (`date_order: mdy | dmy`), when it says.
    public var dateOrder: DateOrder?
    /// How many months a handout's text stays current after its `updated:` date (`review_months:`,
    /// default 24); `handout check` calls it overdue after that.
    public var reviewMonths = 24
    /// The `{{field}}`s its text uses, for personalized copies.
    public var fieldReferences: [FieldReference] = []
    /// Where it was read from, for messages.
    public var file = "clinic.yaml"
    /// A digest of the file's text: a cached page made with this profile is still good while it matches.
    public var contentDigest: UInt64 = 0

    public init(name: String, phone: String, website: String, address: String, disclaimer: String) {
        self.name = name
        self.phone = phone
        self.website = website
        self.address = address
        self.disclaimer = disclaimer
    }

    static let keys = ["name", "phone", "after_hours_phone", "website", "address", "disclaimer", "email", "email_size_limit_mb", "date_order", "review_months"]

    /// The disclaimer a handout in `language` prints, and whether it is in that language (an
    /// English disclaimer on a Spanish handout is worth a warning).
    public func disclaimer(in language: String) -> (text: String, matches: Bool) {
        let primary = Languages.primary(language)
        if let text = disclaimers[language] ?? disclaimers[primary] { return (text, true) }
        return (disclaimer, disclaimers.isEmpty ? primary == "en" : false)
    }

    /// What content may use as `{{clinic.KEY}}`, by key.
    public var fieldValues: [String: String] {
        var values = ["name": name, "phone": phone, "website": website, "address": address]
        if let afterHoursPhone { values["after_hours_phone"] = afterHoursPhone }
        if let email { values["email"] = email }
        return values
    }

    /// Reads and checks `clinic.yaml`.
    public static func load(from url: URL) throws -> Clinic {
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "the clinic profile")
        let yaml = try YAMLMapping(parsing: text, file: file, what: "the clinic profile")
        try yaml.rejectUnknownKeys(allowed: keys)
        var clinic = Clinic(
            name: try yaml.requiredString("name", example: "Riverside Interventional Radiology", maximum: YAMLMapping.maximumTitleCharacters),
            phone: try yaml.requiredString("phone", example: "(555) 010-4400"),
            website: try yaml.requiredString("website", example: "https://example.org"),
            address: try yaml.requiredString("address", example: "1200 River Road, Springfield"),
            disclaimer: "")
        (clinic.disclaimer, clinic.disclaimers) = try disclaimers(yaml)
        clinic.afterHoursPhone = try yaml.string("after_hours_phone")?.trimmed
        if let email = try yaml.string("email")?.trimmed {
            if let problem = EmailAddress.problem(email) {
                throw HandoutError(file: file, line: yaml.entry("email")?.line, key: "email", problem)
            }
            clinic.email = email
        }
        if let limit = try yaml.string("email_size_limit_mb") {
            guard let megabytes = Double(limit.trimmed), megabytes > 0, megabytes <= 1000 else {
                throw HandoutError(file: file, line: yaml.entry("email_size_limit_mb")?.line, key: "email_size_limit_mb",
                                   "must be a number of megabytes, such as `email_size_limit_mb: 10`")
            }
            clinic.emailSizeLimit = Int(megabytes * 1_048_576)
        }
        if let order = try yaml.string("date_order") {
            guard let chosen = DateOrder(rawValue: order.trimmed.lowercased()) else {
                throw HandoutError(file: file, line: yaml.entry("date_order")?.line, key: "date_order",
                                   "must be mdy (12/03/2026 is December 3) or dmy (12/03/2026 is 12 March)")
            }
            clinic.dateOrder = chosen
        }
        for (_, text) in clinic.disclaimers where text.contains("{{") {
            try Personalizer.checkTemplate(text, file: file, line: yaml.entry("disclaimer")?.line ?? 1)
        }
        if let months = try yaml.string("review_months") {
            guard let count = Int(months.trimmed), (1...240).contains(count) else {
                throw HandoutError(file: file, line: yaml.entry("review_months")?.line, key: "review_months",
                                   "must be a whole number of months from 1 to 240, such as `review_months: 24`")
            }
            clinic.reviewMonths = count
        }
        clinic.fieldReferences = FieldReference.scan(text)
        clinic.file = file
        clinic.contentDigest = Digest.fnv1a(Array(text.utf8))
        for entry in yaml.entries {
            guard let value = entry.value.scalar?.string, value.contains("{{") else { continue }
            try Personalizer.checkTemplate(value, file: file, line: entry.line)
        }
        return clinic
    }

    /// `disclaimer:` as one text, or as a map from language tags to texts.
    private static func disclaimers(_ yaml: YAMLMapping) throws -> (String, [String: String]) {
        let example = "This handout is general information…"
        guard let entry = yaml.entry("disclaimer"), entry.value.mapping != nil, let map = try yaml.mapping("disclaimer") else {
            return (try yaml.requiredString("disclaimer", example: example), [:])
        }
        var texts: [String: String] = [:]
        for language in map.entries {
            guard Languages.isTag(language.key) else {
                throw HandoutError(file: yaml.file, line: language.line, key: "disclaimer." + language.key,
                                   "is not a language tag; write the disclaimer per language, e.g. `disclaimer: {en: …, es: …}`")
            }
            texts[language.key] = try map.requiredString(language.key, example: example, prefix: "disclaimer.")
        }
        guard let first = map.entries.first else {
            throw HandoutError(file: yaml.file, line: entry.line, key: "disclaimer", "is empty; write it as text, or per language: `disclaimer: {en: …, es: …}`")
        }
        return (texts["en"] ?? texts[first.key] ?? "", texts)
    }
}
