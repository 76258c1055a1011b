import HandoutBindings

/// One finishing step on a PDF's bytes after cairo wrote it. The document writer runs its steps
/// in order on every PDF it delivers, whatever the destination.
public protocol PDFStep: Sendable {
    func apply(to pdf: [UInt8], of document: Document) throws -> [UInt8]
}

/// What cairo 1.16 cannot write into an accessible PDF, added with qpdf (see `PDFFinisher`):
/// untagged content marked as artifacts, figure descriptions, link texts, tab order, the
/// catalog's language and marks, XMP metadata; written with object streams, the same bytes
/// for the same input.
public struct AccessibilityStep: PDFStep {
    public init() {}

    public func apply(to pdf: [UInt8], of document: Document) throws -> [UInt8] {
        try PDFFinisher.finish(pdf, PDFFinisher.Request(
            language: document.language, date: document.date, structure: document.structure))
    }
}
