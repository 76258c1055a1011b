/// A printing failure, one line, saying what happened and what to do (no stack, no newline).
public struct PrintError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for callers that react differently (exit codes, messages, retries).
    public enum Kind: Sendable, Equatable {
        /// The request itself is wrong (no bytes, not a PDF, copies out of range, bad address).
        case invalidJob
        /// The CUPS scheduler does not answer.
        case schedulerUnavailable
        /// No queue has that name.
        case unknownQueue
        /// The printer's address does not answer.
        case unreachable
        /// The queue is stopped (IPP printer-state 5).
        case stopped
        /// The queue or printer refused the job.
        case refused
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = PrintError.oneLine(description)
    }

    /// Callers print the description as one log or terminal line, and CUPS messages may carry line breaks.
    private static func oneLine(_ text: String) -> String {
        var line = ""
        var gap = false
        for character in text {
            if character.isWhitespace || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                gap = !line.isEmpty
                continue
            }
            if gap { line.append(" ") }
            gap = false
            line.append(character)
        }
        return line
    }
}
