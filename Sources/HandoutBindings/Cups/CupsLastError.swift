import CCups

/// libcups's record of the last failure on this thread (IPP status and its message).
///
/// libcups keeps it per thread, so read it right after the failing call, on the same thread:
/// every entry point in this folder is synchronous for that reason.
enum CupsLastError {
    static var status: ipp_status_t { handout_cupsLastError() }

    /// handout_cupsLastErrorString(), or the status's name when libcups left no message.
    static var message: String {
        if let text = handout_cupsLastErrorString(), text.pointee != 0 { return String(cString: text) }
        return String(cString: handout_ippErrorString(handout_cupsLastError()))
    }

    /// True for IPP's successful-* statuses (0x0000 to 0x00FF).
    static func isSuccess(_ status: ipp_status_t) -> Bool {
        status.rawValue >= 0 && status.rawValue < 0x0100
    }
}
