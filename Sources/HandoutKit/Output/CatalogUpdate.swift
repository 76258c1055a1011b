import Foundation

/// Appends an incremental update to a cairo PDF's catalog with the entries cairo 1.16 leaves out
/// but an accessible PDF needs: `/Lang`, showing the title in the window, and `/MarkInfo` (tagged files only) if missing.
enum CatalogUpdate {
    static func apply(to pdf: [UInt8], language: String, tagged: Bool) -> [UInt8] {
        guard let tail = String(bytes: pdf.suffix(1024), encoding: .isoLatin1),
              let trailer = tail.firstMatch(of: /trailer\s*<<(?<body>[\s\S]*?)>>\s*startxref\s*(?<xref>\d+)/),
              let root = trailer.output.body.firstMatch(of: /\/Root\s+(?<number>\d+)\s+0\s+R/)?.output.number,
              let size = trailer.output.body.firstMatch(of: /\/Size\s+(?<n>\d+)/)?.output.n,
              let catalog = catalogDictionary(in: pdf, object: String(root))
        else { return pdf }  // not the shape cairo writes: leave the file as it is

        let info = trailer.output.body.firstMatch(of: /\/Info\s+\d+\s+0\s+R/).map { " " + $0.output } ?? ""
        let additions = [
            (tagged ? "/MarkInfo" : "", "<< /Marked true >>"), ("/Lang", "(\(language))"), ("/ViewerPreferences", "<< /DisplayDocTitle true >>"),
        ].filter { !$0.0.isEmpty }.filter { !catalog.contains($0.0) }.map { " \($0.0) \($0.1)" }.joined()
        guard !additions.isEmpty else { return pdf }
        let dictionary = catalog.dropLast(2) + additions + " >>"
        var out = pdf
        if out.last != 0x0A { out.append(0x0A) }
        let objectOffset = out.count
        out += Array("\(root) 0 obj\n\(dictionary)\nendobj\n".utf8)
        let xrefOffset = out.count
        let entry = String(repeating: "0", count: 10 - String(objectOffset).count) + "\(objectOffset) 00000 n \n"
        out += Array("xref\n\(root) 1\n\(entry)trailer\n<< /Size \(size) /Root \(root) 0 R\(info) /Prev \(trailer.output.xref) >>\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return out
    }

    /// The `<< … >>` text of object `number`, which cairo writes on its own lines.
    private static func catalogDictionary(in pdf: [UInt8], object number: String) -> String? {
        let marker = Array("\n\(number) 0 obj\n".utf8)
        guard let start = pdf.lastRange(of: marker)?.upperBound else { return nil }
        let end = pdf[start...].firstRange(of: Array("endobj".utf8))?.lowerBound ?? pdf.endIndex
        guard let text = String(bytes: pdf[start..<end], encoding: .isoLatin1) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<<"), trimmed.hasSuffix(">>"), trimmed.contains("/Catalog") else { return nil }
        return trimmed
    }
}

extension Array where Element == UInt8 {
    func lastRange(of pattern: [UInt8]) -> Range<Int>? {
        guard pattern.count <= count else { return nil }
        var i = count - pattern.count
        while i >= 0 {
            if self[i..<i + pattern.count].elementsEqual(pattern) { return i..<i + pattern.count }
            i -= 1
        }
        return nil
    }
}
