/// One CUPS destination as `handout printers` lists it.
public struct PrinterStatus: Sendable, Equatable {
    /// The IPP `printer-state` of a destination.
    public enum State: String, Sendable {
        case idle, processing, stopped
        /// CUPS reported no state (a destination known only from lpoptions, or a state outside IPP's three).
        case unknown

        /// Maps the IPP enum values 3, 4 and 5, as CUPS puts them in a destination's options.
        init(ippValue: String?) {
            switch ippValue {
            case "3": self = .idle
            case "4": self = .processing
            case "5": self = .stopped
            default: self = .unknown
            }
        }
    }

    /// The queue name, with `/instance` for an lpoptions instance.
    public var name: String
    public var isDefault: Bool
    public var state: State
    /// `printer-state-message`, e.g. why a queue stopped; nil when CUPS gives none.
    public var message: String?
    /// Where the queue sends its jobs (`device-uri`), else the queue's own `printer-uri-supported`.
    public var uri: String?

    public init(name: String, isDefault: Bool, state: State, message: String? = nil, uri: String? = nil) {
        self.name = name
        self.isDefault = isDefault
        self.state = state
        self.message = message
        self.uri = uri
    }
}
