import HandoutBindings

/// Locks a PDF whose document asks for it (`Document.password`) with AES-256, for an email
/// attachment a stranger must not read; a document without a password passes unchanged.
public struct LockStep: PDFStep {
    public init() {}

    public func apply(to pdf: [UInt8], of document: Document) throws -> [UInt8] {
        guard let password = document.password else { return pdf }
        return try PDFLock.lock(pdf, password: password)
    }
}
