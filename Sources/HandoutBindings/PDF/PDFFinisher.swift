import Glibc
import PDFFinishing

/// What cairo 1.16 cannot write into an accessible PDF, added afterwards by qpdf: every untagged
/// piece of a page marked /Artifact, /Alt on figures, /Contents on links, /Tabs /S, elements
/// continued across a page break joined into one, the catalog's /Lang, /MarkInfo and
/// /DisplayDocTitle, XMP metadata; written with object streams.
public enum PDFFinisher {
    /// What the finisher needs to know that the file does not say.
    public struct Request: Sendable {
        public var language: String
        /// ISO 8601, or nil: the PDF then carries no creation or modification date.
        public var date: String?
        /// The structure tree's missing pieces, or nil for an untagged PDF.
        public var structure: PDFStructure?

        public init(language: String, date: String? = nil, structure: PDFStructure?) {
            self.language = language
            self.date = date
            self.structure = structure
        }
    }

    /// The finished PDF, or a `GraphicsError` with qpdf's reason.
    public static func finish(_ pdf: [UInt8], _ request: Request) throws -> [UInt8] {
        let sink = ByteSink()
        var reason = [CChar](repeating: 0, count: 512)
        let structure = request.structure ?? PDFStructure()
        let pictured = structure.figures.map { Int32($0.hasPicture ? 1 : 0) }
        let continued = structure.continuations.map { $0.continued }
        let original = structure.continuations.map { $0.original }
        let status = withCStrings(structure.figures.map(\.alternative)) { figures in
            withCStrings(structure.linkTexts) { links in
                request.language.withCString { language in
                    withOptionalCString(request.date) { date in
                        pictured.withUnsafeBufferPointer { pictured in
                            continued.withUnsafeBufferPointer { continued in
                                original.withUnsafeBufferPointer { original in
                                    var raw = handout_finish_request(
                                        language: language, date: date, tagged: request.structure == nil ? 0 : 1,
                                        figure_alternatives: figures.baseAddress, figure_has_picture: pictured.baseAddress,
                                        figure_count: figures.count, link_texts: links.baseAddress, link_text_count: links.count,
                                        element_count: structure.elementCount,
                                        continued_elements: continued.baseAddress, original_elements: original.baseAddress,
                                        continuation_count: continued.count)
                                    return finish(pdf, &raw, into: sink, reason: &reason)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard status == 0 else {
            let message = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw GraphicsError("cannot finish the PDF: \(message)")
        }
        return sink.bytes
    }

    private static func finish(_ pdf: [UInt8], _ raw: inout handout_finish_request, into sink: ByteSink, reason: inout [CChar]) -> Int32 {
        let capacity = reason.count
        return pdf.withUnsafeBufferPointer { bytes in
            reason.withUnsafeMutableBufferPointer { reason in
                handout_finish_pdf(
                    bytes.baseAddress, bytes.count, &raw,
                    { closure, data, length in
                        guard let closure, let data else { return }
                        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
                            .append(contentsOf: UnsafeBufferPointer(start: data, count: length))
                    },
                    Unmanaged.passUnretained(sink).toOpaque(), reason.baseAddress, capacity)
            }
        }
    }

    private static func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }

    /// C strings for `strings`, alive for the length of `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer(body)
    }
}
