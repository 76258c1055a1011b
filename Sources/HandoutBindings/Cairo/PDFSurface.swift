import CPangoCairo

/// Document-level PDF fields cairo can set.
public enum PDFMetadataField: Sendable {
    case title, author, subject, keywords, creator, createDate, modDate

    var cValue: cairo_pdf_metadata_t {
        switch self {
        case .title: CAIRO_PDF_METADATA_TITLE
        case .author: CAIRO_PDF_METADATA_AUTHOR
        case .subject: CAIRO_PDF_METADATA_SUBJECT
        case .keywords: CAIRO_PDF_METADATA_KEYWORDS
        case .creator: CAIRO_PDF_METADATA_CREATOR
        case .createDate: CAIRO_PDF_METADATA_CREATE_DATE
        case .modDate: CAIRO_PDF_METADATA_MOD_DATE
        }
    }
}

/// A PDF being written into memory; `finish()` returns the file's bytes.
public final class PDFSurface: CairoSurface {
    private let sink: ByteSink

    public init(size: Size) throws {
        let sink = ByteSink()
        self.sink = sink
        let raw = cairo_pdf_surface_create_for_stream(
            ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), size.width, size.height)
        try super.init(taking: raw, what: "cannot start a PDF")
    }

    public func setMetadata(_ field: PDFMetadataField, _ value: String) {
        cairo_pdf_surface_set_metadata(pointer, field.cValue, value)
    }

    /// Size of the page about to be drawn (call before drawing on it).
    public func setPageSize(_ size: Size) {
        cairo_pdf_surface_set_size(pointer, size.width, size.height)
    }

    /// Label of the current page, e.g. "iii" or "7".
    public func setPageLabel(_ label: String) {
        cairo_pdf_surface_set_page_label(pointer, label)
    }

    /// Adds a bookmark opening `page` (1-based); returns its id for children. Parent 0 is the root.
    @discardableResult
    public func addOutline(parent: Int32, title: String, page: Int, open: Bool) -> Int32 {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
        return cairo_pdf_surface_add_outline(pointer, parent, title, "page=\(page)", flags)
    }

    /// Ends the document and returns the PDF; throws if cairo met any error on the way.
    public func finish() throws -> [UInt8] {
        cairo_surface_finish(pointer)
        try checkStatus("cannot write the PDF")
        return sink.bytes
    }
}
