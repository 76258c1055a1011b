import CCups

/// The one owner of an `ipp_t` answer to a request this folder sends itself.
///
/// Only for what the destination API leaves out: cupsGetDests2 copies `printer-state` into a
/// destination's options but not `printer-state-message`, which says why a queue stopped.
final class IPPResponse {
    private let pointer: OpaquePointer

    /// Sends `request`; cupsDoRequest frees the request whatever happens, so the caller must not.
    private init?(sending request: OpaquePointer, over connection: CupsConnection) {
        guard let raw = handout_cupsDoRequest(connection.pointer, request, "/") else { return nil }
        pointer = raw
    }

    deinit { handout_ippDelete(pointer) }

    /// `printer-state-message` of every queue on the scheduler, by queue name; empty if CUPS will not say.
    static func printerStateMessages(on scheduler: CupsConnection) -> [String: String] {
        guard let request = handout_ippNewRequest(IPP_OP_CUPS_GET_PRINTERS) else { return [:] }
        handout_ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, handout_cupsUser())
        var wanted = handout_ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nil, "printer-name")
        handout_ippSetString(request, &wanted, 1, "printer-state-message")
        guard let response = IPPResponse(sending: request, over: scheduler) else { return [:] }
        return response.messagesByPrinter()
    }

    /// Walks the printer groups; CUPS separates printers with an unnamed attribute.
    private func messagesByPrinter() -> [String: String] {
        var messages: [String: String] = [:]
        var name: String?, message: String?
        func flush() {
            if let name, let message, !message.isEmpty { messages[name] = message }
            name = nil
            message = nil
        }
        var attribute = handout_ippFirstAttribute(pointer)
        while let current = attribute {
            if handout_ippGetGroupTag(current) != IPP_TAG_PRINTER || handout_ippGetName(current) == nil {
                flush()
            } else {
                let value = handout_ippGetString(current, 0, nil).map { String(cString: $0) }
                switch String(cString: handout_ippGetName(current)) {
                case "printer-name": name = value
                case "printer-state-message": message = value
                default: break
                }
            }
            attribute = handout_ippNextAttribute(pointer)
        }
        flush()
        return messages
    }
}
