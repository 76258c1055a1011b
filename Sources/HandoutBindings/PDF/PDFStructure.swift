/// What the renderer knows about a tagged PDF's structure tree that cairo 1.16 cannot write,
/// for the finishing step (`PDFFinisher`) to add.
public struct PDFStructure: Sendable, Equatable {
    /// A Figure element's description (its /Alt) and whether it holds a picture (else it is a
    /// placeholder of words).
    public struct Figure: Sendable, Equatable {
        public var alternative: String
        public var hasPicture: Bool

        public init(alternative: String, hasPicture: Bool) {
            self.alternative = alternative
            self.hasPicture = hasPicture
        }
    }

    /// An element cairo started again on a later page, and the one it continues: indexes in the
    /// order elements were opened.
    public struct Continuation: Sendable, Equatable {
        public var continued: Int
        public var original: Int

        public init(continued: Int, original: Int) {
            self.continued = continued
            self.original = original
        }
    }

    /// An element whose text is in another language than the document's (its /Lang).
    public struct Language: Sendable, Equatable {
        public var element: Int
        public var language: String

        public init(element: Int, language: String) {
            self.element = element
            self.language = language
        }
    }

    /// One per Figure element, in the order they were opened.
    public var figures: [Figure] = []
    /// One per link annotation, in the order they were drawn.
    public var linkTexts: [String] = []
    /// How many structure elements were opened (Document included); checked against the tree.
    public var elementCount = 0
    public var continuations: [Continuation] = []
    public var languages: [Language] = []

    public init() {}
}
