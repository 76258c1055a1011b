import Glibc
import PDFFinishing

/// What cairo 1.16 cannot write into an accessible PDF, added afterwards by qpdf: every untagged
/// piece of a page marked /Artifact, /Alt on figures, /Contents on links, /Tabs /S, the catalog's
/// /Lang, /MarkInfo and /DisplayDocTitle, XMP metadata; written with object streams.
public enum PDFFinisher {
    /// What the finisher needs to know that the file does not say.
    public struct Request: Sendable {
        public var language: String
        /// ISO 8601, or nil: the PDF then carries no creation or modification date.
        public var date: String?
        public var tagged: Bool
        /// One per Figure element, in structure-tree order.
        public var figureAlternatives: [String]
        /// Whether each of those figures holds a picture (else it is words only, a placeholder).
        public var figureHasPicture: [Bool]
        /// One per link annotation, page by page.
        public var linkTexts: [String]

        public init(language: String, date: String? = nil, tagged: Bool, figureAlternatives: [String] = [], figureHasPicture: [Bool] = [], linkTexts: [String] = []) {
            self.language = language
            self.date = date
            self.tagged = tagged
            self.figureAlternatives = figureAlternatives
            self.figureHasPicture = figureHasPicture
            self.linkTexts = linkTexts
        }
    }

    /// The finished PDF, or a `GraphicsError` with qpdf's reason.
    public static func finish(_ pdf: [UInt8], _ request: Request) throws -> [UInt8] {
        let sink = ByteSink()
        var reason = [CChar](repeating: 0, count: 512)
        guard request.figureHasPicture.count == request.figureAlternatives.count else {
            throw GraphicsError("cannot finish the PDF: \(request.figureAlternatives.count) figure descriptions but \(request.figureHasPicture.count) picture flags")
        }
        let pictured = request.figureHasPicture.map { Int32($0 ? 1 : 0) }
        let status = withCStrings(request.figureAlternatives) { figures in
            withCStrings(request.linkTexts) { links in
                request.language.withCString { language in
                    withOptionalCString(request.date) { date in
                    pictured.withUnsafeBufferPointer { pictured in
                    var raw = handout_finish_request(
                        language: language, date: date, tagged: request.tagged ? 1 : 0,
                        figure_alternatives: figures.baseAddress, figure_has_picture: pictured.baseAddress, figure_count: figures.count,
                        link_texts: links.baseAddress, link_text_count: links.count)
                    return pdf.withUnsafeBufferPointer { bytes in
                        handout_finish_pdf(
                            bytes.baseAddress, bytes.count, &raw,
                            { closure, data, length in
                                guard let closure, let data else { return }
                                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
                                    .append(contentsOf: UnsafeBufferPointer(start: data, count: length))
                            },
                            Unmanaged.passUnretained(sink).toOpaque(), &reason, reason.count)
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
