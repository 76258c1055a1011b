/// One finishing step on a PDF's bytes after cairo wrote it. The document writer runs its steps
/// in order on every PDF it delivers, whatever the destination.
public protocol PDFStep: Sendable {
    func apply(to pdf: [UInt8], of document: Document) throws -> [UInt8]
}

/// The catalog entries cairo 1.16 leaves out but an accessible PDF needs (see `CatalogUpdate`).
public struct CatalogStep: PDFStep {
    public init() {}

    public func apply(to pdf: [UInt8], of document: Document) throws -> [UInt8] {
        CatalogUpdate.apply(to: pdf, language: document.language, tagged: document.isTagged)
    }
}
