/// How a batch's row problems read: one line per row and problem, except that a problem more
/// than `groupOver` rows share is one line naming them ("1,998 rows: procedure_date … ; rows
/// 2-1999"), so a whole column written one way is one line to read, not thousands.
public enum RowReport {
    public static let groupOver = 20
    /// Row ranges listed on a grouped line before "and N more".
    static let rangesShown = 30

    /// The lines, in order of each problem's first row. Reasons never hold patient data.
    public static func lines(_ issues: [(row: Int, reason: String)], groupOver: Int = groupOver) -> [String] {
        var rowsByReason: [String: [Int]] = [:]
        var firstSeen: [String] = []
        for issue in issues {
            if rowsByReason[issue.reason] == nil { firstSeen.append(issue.reason) }
            rowsByReason[issue.reason, default: []].append(issue.row)
        }
        var entries: [(row: Int, text: String)] = []
        for reason in firstSeen {
            let rows = Array(Set(rowsByReason[reason]!)).sorted()
            if rows.count > groupOver {
                entries.append((rows[0], "\(rows.count.withThousands) rows: \(reason); rows \(ranges(rows))"))
            } else {
                entries += rows.map { ($0, "row \($0): \(reason)") }
            }
        }
        // Stable: a row's own problems keep the order they were found in.
        return entries.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element.text)
    }

    /// "2-5, 9, 12-40", at most `rangesShown` ranges, then "and 120 more".
    static func ranges(_ sorted: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for row in sorted {
            if let last = runs.last, last.1 + 1 == row { runs[runs.count - 1].1 = row } else { runs.append((row, row)) }
        }
        let shown = runs.prefix(rangesShown).map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)-\($0.1)" }.joined(separator: ", ")
        let hidden = runs.dropFirst(rangesShown).reduce(0) { $0 + $1.1 - $1.0 + 1 }
        return hidden > 0 ? "\(shown) and \(hidden.withThousands) more" : shown
    }
}
