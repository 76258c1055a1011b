import HandoutBindings

/// A rendered document on its way out: the bytes cairo drew, before the writer finishes them.
public struct Document: Sendable {
    /// The file type, which is also the file name's extension.
    public enum Format: String, Sendable {
        case pdf, png
        /// An email draft (RFC 5322), with its PDFs attached.
        case eml
    }

    public var format: Format
    public var bytes: [UInt8]
    public var pages: Int
    /// BCP 47 language of the text: the PDF's /Lang.
    public var language: String
    /// ISO 8601 date the PDF says it was made (`SOURCE_DATE_EPOCH` or the content's `updated`);
    /// nil for none, never the clock's.
    public var date: String?
    /// What the finishing step must add to the PDF's structure tree; nil for an untagged PDF
    /// (the saddle-stitch sheets).
    public var structure: PDFStructure?
    /// Made for a patient: its files are readable by their owner only.
    public var isPersonal: Bool
    /// Locks the finished PDF with this password (see `LockStep`); nil leaves it open. Held in
    /// memory only.
    public var password: String?
    /// A file name free of patient data, e.g. "epidural-steroid-injection.pdf" or "booklet.pdf".
    public var name: String
    /// Problems worth telling the user that did not stop the document (a missing picture).
    public var warnings: [Warning] = []
    /// Documents that travel with this one, written beside it: a booklet's saddle-stitch
    /// sheets ("booklet-imposed.pdf"). Their names are suffixes added to this one's stem.
    public var companions: [Companion] = []

    /// A document written next to another, its name made from the other's.
    public struct Companion: Sendable {
        /// Added to the main file's stem: "-imposed" makes "booklet-imposed.pdf".
        public var suffix: String
        public var document: Document
    }

    public init(format: Format, bytes: [UInt8], pages: Int, language: String, structure: PDFStructure?, isPersonal: Bool, name: String) {
        self.format = format
        self.bytes = bytes
        self.pages = pages
        self.language = language
        self.structure = structure
        self.isPersonal = isPersonal
        self.name = name
    }
}
