import Foundation

/// How `handout check` shows its findings: a table a clinic manager reads at a glance, then a
/// short block for each file with something to fix; or one JSON object per file.
public struct CheckReport {
    public var checks: [FileCheck]
    public var maxGrade: Double?

    public init(checks: [FileCheck], maxGrade: Double?) {
        self.checks = checks
        self.maxGrade = maxGrade
    }

    /// Whether a file is over the grade or overdue for review: a clinic should not print it yet.
    public var hasFailures: Bool {
        checks.contains { $0.isOver(maxGrade: maxGrade) || $0.review.state == .overdue }
    }

    /// The table and the notes, as lines.
    public var lines: [String] {
        let header = ["FILE", "GRADE", "EASE", "WORDS", "LONG SENTENCES", "HARD WORDS", "PICTURES TO ADD", "REVIEW"]
        var rows = [header]
        for check in checks {
            let grade = check.grade.map { Self.number($0) + (check.isOver(maxGrade: maxGrade) ? " TOO HIGH" : "") } ?? "-"
            let ease = check.ease.map { "\(Int($0.rounded())) \(ReadabilityScores.easeBand($0))" } ?? "-"
            rows.append([
                check.name + (check.isEnglish ? "" : " (\(check.language))"), grade, ease, "\(check.scores.words)",
                "\(check.longSentences.count)", "\(check.hardWords.count)", "\(check.placeholders.count)", Self.review(check.review),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacing(/\s+$/, with: "")
        }
        for check in checks {
            var notes: [String] = []
            if !check.longSentences.isEmpty {
                notes.append("sentences over \(FileCheck.longSentenceWords) words: " + check.longSentences.map { "line \($0.line) (\($0.words) words)" }.joined(separator: ", "))
            }
            if !check.hardWords.isEmpty {
                notes.append("long words not in terms.yaml: " + check.hardWords.map { $0.count > 1 ? "\($0.word) ×\($0.count)" : $0.word }.joined(separator: ", "))
            }
            if !check.placeholders.isEmpty {
                notes.append("pictures still to add: " + check.placeholders.map { "line \($0.line)" + ($0.caption.isEmpty ? "" : " (\($0.caption))") }.joined(separator: ", "))
            }
            if !check.fields.isEmpty {
                notes.append("fills in: " + check.fields.map { "{{\($0.name)}}" }.joined(separator: ", "))
            }
            if !check.links.isEmpty {
                notes.append("links: " + check.links.map(\.name).joined(separator: ", "))
            }
            if check.isSpanish {
                notes.append("Szigriszt-Pazos \(Self.number(check.scores.szigrisztPazos)) (INFLESZ: \(ReadabilityScores.inflesz(check.scores.szigrisztPazos)))")
            } else if check.isEnglish, check.scores.smogIndex > 0 {
                notes.append("SMOG grade \(Self.number(check.scores.smogIndex))")
            }
            guard !notes.isEmpty else { continue }
            out.append("")
            out.append("\(check.name)  \(check.file)")
            out += notes.map { "  " + $0 }
        }
        out.append("")
        out.append(summary)
        return out
    }

    /// The last line: what holds a print run back, or that nothing does.
    var summary: String {
        let over = checks.filter { $0.isOver(maxGrade: maxGrade) }.count
        let overdue = checks.filter { $0.review.state == .overdue }.count
        let never = checks.filter { $0.review.state == .neverReviewed }.count
        var parts: [String] = []
        if let maxGrade { parts.append("\(over) over grade \(Self.number(maxGrade))") }
        parts.append("\(overdue) overdue for review")
        if never > 0 { parts.append("\(never) never reviewed") }
        let files = "\(checks.count) file\(checks.count == 1 ? "" : "s") checked"
        return "\(files): \(parts.joined(separator: ", "))" + (hasFailures ? "; fix these before printing" : "")
    }

    static func review(_ status: ReviewStatus) -> String {
        switch status.state {
        case .current: "due \(status.due?.iso ?? "")"
        case .overdue: "OVERDUE since \(status.due?.iso ?? "")"
        case .neverReviewed: "never reviewed"
        case .notTracked: "-"
        }
    }

    /// 7.9, 12, -3.4: one decimal at most, no trailing zero.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }

    /// One JSON object per file, one a line.
    public func jsonLines() throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try checks.map { String(decoding: try encoder.encode(CheckJSON($0, maxGrade: maxGrade)), as: UTF8.self) }
    }
}
