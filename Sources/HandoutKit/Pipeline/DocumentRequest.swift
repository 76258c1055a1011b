/// What to make, and for whom: the same request from the command line, a batch row or the web page.
public struct DocumentRequest: Sendable, Equatable {
    /// What the document holds.
    public enum Content: Sendable, Equatable {
        /// One handout, by slug.
        case handout(String)
        /// The booklet `booklet.yaml` defines (nil), or an ad hoc one of these handouts in order.
        case booklet([String]?)
    }

    public var content: Content
    /// The patient a personalized copy is for; nil for the clinic's generic copy.
    public var patient: Patient?
    /// Booklets: also make the saddle-stitch sheets, as a companion "-imposed" document.
    public var imposed = false
    /// The language to make it in (`SLUG.es.md`); nil: each handout as its own file is written.
    public var language: String?
    /// The language to use for a handout that has no version in `language`, with a warning;
    /// nil: such a handout is an error.
    public var fallback: String?

    public init(_ content: Content, patient: Patient? = nil, imposed: Bool = false) {
        self.content = content
        self.patient = patient
        self.imposed = imposed
    }

    /// One slug is that handout; several are one patient's own booklet, in that order.
    public init(slugs: [String], patient: Patient? = nil) {
        self.init(slugs.count == 1 ? .handout(slugs[0]) : .booklet(slugs), patient: patient)
    }

    /// The file name a document made for this request gets: no patient data, ever.
    public var name: String {
        switch content {
        case let .handout(slug): "\(slug).pdf"
        case .booklet(nil): "booklet.pdf"
        case .booklet: patient == nil ? "booklet.pdf" : "your-procedures.pdf"
        }
    }
}
