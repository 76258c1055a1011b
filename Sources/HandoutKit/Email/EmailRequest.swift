/// An email draft as someone asks for it: which handouts, for whom, how it is addressed, and
/// whether its attachments are locked.
public struct EmailRequest: Sendable, Equatable {
    /// How the attachments' password is chosen.
    public enum Lock: Sendable, Equatable {
        /// A password agreed with the patient in person or by phone.
        case password(String)
        /// The value of one of the patient's fields, e.g. `date_of_birth`.
        case field(String)
    }

    public var slugs: [String]
    public var patient: Patient?
    public var to: String?
    /// The sender; nil for the clinic's `email:`.
    public var from: String?
    /// nil for "Your procedure information from CLINIC", which says nothing about the patient.
    public var subject: String?
    /// One `your-procedures.pdf` instead of one PDF per handout.
    public var asBooklet = false
    public var lock: Lock?
    /// The attachments' language and the one to fall back on (see `DocumentRequest`).
    public var language: String?
    public var fallback: String?

    public init(slugs: [String], patient: Patient? = nil) {
        self.slugs = slugs
        self.patient = patient
    }
}
