import Glibc
import PDFFinishing

/// What cairo 1.16 cannot write into an accessible PDF, added afterwards by qpdf: every untagged
/// piece of a page marked /Artifact, /Alt on figures, /Contents on links, /Tabs /S, elements
/// continued across a page break joined into one, /Lang on parts in another language, the catalog's /Lang, /MarkInfo and
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
        let structure = request.structure ?? PDFStructure()
        // C copies of everything the request points at, each owned here and freed on return.
        let language = CArray(strings: [request.language]), date = CArray(strings: request.date.map { [$0] } ?? [])
        let figures = CArray(strings: structure.figures.map(\.alternative))
        let pictured = CArray(structure.figures.map { Int32($0.hasPicture ? 1 : 0) })
        let links = CArray(strings: structure.linkTexts)
        let continued = CArray(structure.continuations.map(\.continued)), original = CArray(structure.continuations.map(\.original))
        let languageElements = CArray(structure.languages.map(\.element))
        let languages = CArray(strings: structure.languages.map(\.language))
        var raw = handout_finish_request(
            language: language.first, date: date.first, tagged: request.structure == nil ? 0 : 1,
            figure_alternatives: figures.pointer, figure_has_picture: pictured.pointer, figure_count: figures.count,
            link_texts: links.pointer, link_text_count: links.count,
            element_count: structure.elementCount,
            continued_elements: continued.pointer, original_elements: original.pointer, continuation_count: continued.count,
            language_elements: languageElements.pointer, element_languages: languages.pointer, language_count: languages.count)

        let sink = ByteSink()
        var reason = [CChar](repeating: 0, count: 512)
        let capacity = reason.count
        let status = withExtendedLifetime((language, date, figures, pictured, links, continued, original, languageElements, languages)) {
            pdf.withUnsafeBufferPointer { bytes in
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
        guard status == 0 else {
            let message = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw GraphicsError("cannot finish the PDF: \(message)")
        }
        return sink.bytes
    }
}

/// A C array this owns: a copy of Swift values (or of strings, as C strings), alive as long as
/// it is, so a C request can point into it.
private final class CArray<Element> {
    let pointer: UnsafeMutablePointer<Element>?
    let count: Int
    private var strings: [UnsafeMutablePointer<CChar>?] = []

    init(_ values: [Element]) {
        count = values.count
        guard !values.isEmpty else { pointer = nil; return }
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: values.count)
        buffer.initialize(from: values, count: values.count)
        pointer = buffer
    }

    deinit {
        pointer?.deinitialize(count: count)
        pointer?.deallocate()
        strings.forEach { free($0) }
    }
}

extension CArray where Element == UnsafePointer<CChar>? {
    convenience init(strings: [String]) {
        let copies = strings.map { strdup($0) }
        self.init(copies.map { $0.map { UnsafePointer($0) } })
        self.strings = copies
    }

    /// The first string, or nil for none.
    var first: UnsafePointer<CChar>? { count > 0 ? pointer?[0] : nil }
}
