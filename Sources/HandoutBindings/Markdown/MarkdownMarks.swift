/// How many nodes a Markdown text could make, counted over its bytes before cmark parses it.
///
/// cmark holds its whole tree in memory, 150 to 250 bytes a node: 4 MB of `*a* ` or `- a`
/// lines took it 430 to 770 MB before any check could run. Every node starts at a line or at one
/// of the characters counted here (a quote or list marker, an emphasis, link, code or HTML
/// delimiter, an escape or entity), so their count bounds the tree whatever the text holds.
enum MarkdownMarks {
    /// Which bytes can open or close a node inside a line, indexed by byte.
    private static let isMark: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "*_`[]!<>\\&-+".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The 1-based line where the count of lines and marks passes `limit`, or nil when it never does.
    static func lineWhereCount(of text: String, passes limit: Int) -> Int? {
        var text = text
        text.makeContiguousUTF8()
        let table = isMark
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 0, line = 1
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    // A line makes at most a paragraph, its text and a break, beside its marks.
                    count += 3
                    line += 1
                } else if table[Int(byte)] {
                    count += 1
                } else {
                    continue
                }
                if count > limit { return line }
            }
            return nil
        } ?? nil
    }
}
