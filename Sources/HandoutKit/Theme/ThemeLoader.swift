import Foundation
import HandoutBindings
import Yams

/// Reads a layout file over the built-in default, checking every key and value.
public struct ThemeLoader {
    /// Fields a header or footer may use.
    public static let templateFields = ["title", "page", "pages", "page_of", "clinic", "date", "reviewed", "summary", "category", "phone", "after_hours_phone", "website",
                                        "patient_name", "procedure_date", "arrival_time", "physician"]
    /// Fields a booklet header or footer may use; `section` is the current handout or part title.
    public static let bookletTemplateFields = ["section", "booklet", "page", "clinic", "date", "edition", "phone", "after_hours_phone", "website",
                                               "patient_name", "procedure_date", "arrival_time", "physician"]

    /// Folders searched for a layout given by name, in order (see `Workspace.layoutFolders`).
    public var folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    /// `name` is a layout's short name ("a4"), a file name, or a path to a YAML file; nil is the
    /// default, letter (the built-in copy of it when no letter.yaml is found).
    public func load(_ name: String?) throws -> Theme {
        guard let name else {
            return try find("letter.yaml").map(load(url:)) ?? .standard
        }
        return try load(url: resolve(name))
    }

    /// The file a layout name stands for: a path (with a `/`) as given; otherwise the first match
    /// in the search folders, after a `.yaml` file name in the current folder.
    public func resolve(_ name: String) throws -> URL {
        let isFileName = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        if name.contains("/") || (isFileName && FileManager.default.fileExists(atPath: name)) {
            let url = URL(fileURLWithPath: name)
            guard FileManager.default.fileExists(atPath: url.path) else { throw unknown(url) }
            return url
        }
        if let url = find(isFileName ? name : name + ".yaml") { return url }
        throw unknown(URL(fileURLWithPath: name + (isFileName ? "" : ".yaml")))
    }

    /// The short names of every layout in the search folders, for messages.
    public func available() -> [String] {
        let names = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
        }
        return Array(Set(names)).sorted()
    }

    private func find(_ fileName: String) -> URL? {
        folders.lazy.map { $0.appendingPathComponent(fileName) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    private func unknown(_ url: URL) -> HandoutError {
        let names = available()
        return HandoutError(
            file: DisplayPath.of(url),
            "no such layout; use one of \(names.isEmpty ? "(none found)" : names.joined(separator: ", ")) or a path to a .yaml file")
    }

    public func load(url: URL) throws -> Theme {
        let file = DisplayPath.of(url)
        let text = try SourceText.read(url, what: "this layout")
        let yaml = try YAMLMapping(parsing: text, file: file, what: "this layout")
        try yaml.rejectUnknownKeys(allowed: ["page", "fonts", "color", "spacing", "summary", "header", "footer", "booklet"])
        var theme = Theme.standard
        theme.file = file

        if let page = try yaml.mapping("page") {
            try page.rejectUnknownKeys(allowed: ["size", "margins"], prefix: "page.")
            if let entry = page.entry("size") { theme.pageSize = try pageSize(entry, file: file) }
            if let margins = try page.mapping("margins", prefix: "page.") {
                try margins.rejectUnknownKeys(allowed: ["top", "bottom", "left", "right"], prefix: "page.margins.")
                func margin(_ key: String, _ current: Double) throws -> Double {
                    guard let entry = margins.entry(key) else { return current }
                    return try length(entry, key: "page.margins.\(key)", file: file, range: 0...288)
                }
                theme.margins = Theme.Margins(
                    top: try margin("top", theme.margins.top), bottom: try margin("bottom", theme.margins.bottom),
                    left: try margin("left", theme.margins.left), right: try margin("right", theme.margins.right))
            }
            let body = theme.bodyRect
            guard body.width >= 144, body.height >= 144 else {
                throw HandoutError(file: file, line: page.line, key: "page",
                                   "the margins leave less than 2 inches for text; make them smaller or the page bigger")
            }
        }
        if let fonts = try yaml.mapping("fonts") {
            try fonts.rejectUnknownKeys(allowed: Theme.Fonts.roles, prefix: "fonts.")
            for role in Theme.Fonts.roles {
                guard let value = try fonts.string(role, prefix: "fonts.") else { continue }
                let line = fonts.entry(role)?.line
                let description = FontDescription(value)
                guard !description.families.isEmpty, description.pointSize >= 4, description.pointSize <= 96 else {
                    throw HandoutError(file: file, line: line, key: "fonts.\(role)",
                                       "'\(value)' is not a font with a size; write family, style and size in points, e.g. \"DejaVu Sans Bold 12\"")
                }
                theme.fonts[role] = value
                theme.fontLines[role] = line
            }
        }
        if let color = try yaml.mapping("color") {
            try color.rejectUnknownKeys(allowed: ["accent"], prefix: "color.")
            if let value = try color.string("accent", prefix: "color.") {
                guard let parsed = Color(hex: value) else {
                    throw HandoutError(file: file, line: color.entry("accent")?.line, key: "color.accent",
                                       "'\(value)' is not a color; write it as \"#rrggbb\" in quotes, e.g. \"#1f5f8b\"")
                }
                theme.accent = parsed
            }
        }
        if let spacing = try yaml.mapping("spacing") {
            try spacing.rejectUnknownKeys(allowed: ["line", "paragraph"], prefix: "spacing.")
            if let entry = spacing.entry("line") {
                theme.lineSpacing = try number(entry, key: "spacing.line", file: file, range: 1...3, unit: "times the font's line height")
            }
            if let entry = spacing.entry("paragraph") {
                theme.paragraphSpacing = try length(entry, key: "spacing.paragraph", file: file, range: 0...72)
            }
        }
        if let value = try yaml.string("summary") {
            guard let style = SummaryStyle(rawValue: value.lowercased()) else {
                throw HandoutError(file: file, line: yaml.entry("summary")?.line, key: "summary",
                                   "'\(value)' is not a summary style; use \(SummaryStyle.allCases.map(\.rawValue).joined(separator: " or "))")
            }
            theme.summaryStyle = style
        }
        if let value = try template(yaml, "header", fields: Self.templateFields) { theme.header = value }
        if let value = try template(yaml, "footer", fields: Self.templateFields) { theme.footer = value }
        if let booklet = try yaml.mapping("booklet") {
            try booklet.rejectUnknownKeys(allowed: ["start_on_right", "header", "footer"], prefix: "booklet.")
            if let entry = booklet.entry("start_on_right") {
                guard let flag = entry.value.scalar.flatMap({ Bool($0.string.lowercased()) }) else {
                    throw HandoutError(file: file, line: entry.line, key: "booklet.start_on_right", "must be true or false")
                }
                theme.bookletStartOnRight = flag
            }
            if let value = try template(booklet, "header", fields: Self.bookletTemplateFields, prefix: "booklet.") { theme.bookletHeader = value }
            if let value = try template(booklet, "footer", fields: Self.bookletTemplateFields, prefix: "booklet.") { theme.bookletFooter = value }
        }
        return theme
    }

    private func template(_ yaml: YAMLMapping, _ key: String, fields: [String], prefix: String = "") throws -> Template? {
        guard let value = try yaml.string(key, prefix: prefix) else { return nil }
        let template = Template(value)
        if let unknown = template.fields.first(where: { !fields.contains($0) }) {
            throw HandoutError(file: yaml.file, line: yaml.entry(key)?.line, key: prefix + key,
                               "{\(unknown)} is not a field; use \(fields.map { "{\($0)}" }.joined(separator: " "))")
        }
        return template
    }

    private func pageSize(_ entry: YAMLMapping.Entry, file: String) throws -> Size {
        let allowed = PageSizeName.allCases.map(\.rawValue).joined(separator: ", ") + ", or [width, height] in points"
        if let name = entry.value.scalar?.string {
            guard let size = PageSizeName(rawValue: name.lowercased()) else {
                throw HandoutError(file: file, line: entry.line, key: "page.size", "'\(name)' is not a page size; use \(allowed)")
            }
            return size.size
        }
        guard let items = entry.value.sequence, items.count == 2,
              let w = items[0].scalar.flatMap({ Double($0.string) }), let h = items[1].scalar.flatMap({ Double($0.string) }),
              (144...2000).contains(w), (144...2000).contains(h)
        else {
            throw HandoutError(file: file, line: entry.line, key: "page.size", "must be \(allowed), each between 144 and 2000")
        }
        return Size(width: w, height: h)
    }

    /// A length in points; `in`, `mm`, `cm` and `pt` suffixes are converted.
    private func length(_ entry: YAMLMapping.Entry, key: String, file: String, range: ClosedRange<Double>) throws -> Double {
        let text = entry.value.scalar?.string.trimmed ?? ""
        let units: [(String, Double)] = [("pt", 1), ("in", 72), ("mm", 72 / 25.4), ("cm", 72 / 2.54)]
        var value: Double?
        if let n = Double(text) { value = n }
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            value = Double(String(text.dropLast(suffix.count)).trimmed).map { $0 * factor }
        }
        guard let value, range.contains(value) else {
            throw HandoutError(file: file, line: entry.line, key: key,
                               "'\(text)' is not a length from \(Int(range.lowerBound)) to \(Int(range.upperBound)) points; write e.g. 54, 0.75in or 20mm")
        }
        return value
    }

    private func number(_ entry: YAMLMapping.Entry, key: String, file: String, range: ClosedRange<Double>, unit: String) throws -> Double {
        let text = entry.value.scalar?.string ?? ""
        guard let value = Double(text), range.contains(value) else {
            throw HandoutError(file: file, line: entry.line, key: key,
                               "'\(text)' must be a number from \(range.lowerBound) to \(range.upperBound) (\(unit))")
        }
        return value
    }
}
