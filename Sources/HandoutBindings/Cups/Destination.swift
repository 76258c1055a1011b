import CCups

/// The one owner of a single `cups_dest_t`: a scheduler queue, or a printer addressed by its URI.
final class Destination {
    let pointer: UnsafeMutablePointer<cups_dest_t>
    /// The destination as the caller wrote it, for messages and receipts.
    let label: String
    let isQueue: Bool

    private init(taking pointer: UnsafeMutablePointer<cups_dest_t>, label: String, isQueue: Bool) {
        self.pointer = pointer
        self.label = label
        self.isQueue = isQueue
    }

    deinit { handout_cupsFreeDests(1, pointer) }

    /// A printer reached directly over IPP, with no scheduler in between.
    static func printer(uri: String) throws -> Destination {
        guard let raw = handout_cupsGetDestWithURI(nil, uri) else {
            throw PrintError(
                .invalidJob, "\(uri) is not a printer address (\(CupsLastError.message)): use ipp://HOST:PORT/PATH")
        }
        return Destination(taking: raw, label: uri, isQueue: false)
    }

    /// The scheduler's queue `name` (`name/instance` for an lpoptions instance), or nil if it has none.
    static func queue(named name: String, on scheduler: CupsConnection) throws -> Destination? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if let raw = handout_cupsGetNamedDest(scheduler.pointer, parts[0], parts.count > 1 ? parts[1] : nil) {
            return Destination(taking: raw, label: name, isQueue: true)
        }
        guard CupsLastError.status == IPP_STATUS_ERROR_NOT_FOUND else {
            throw PrintError(
                .schedulerUnavailable,
                "CUPS could not look up queue \(name) (\(CupsLastError.message)): check that CUPS is running")
        }
        return nil
    }

    /// One of the attributes CUPS copied into the destination's options (printer-state, device-uri, ...).
    func option(_ name: String) -> String? {
        handout_cupsGetOption(name, pointer.pointee.num_options, pointer.pointee.options).map { String(cString: $0) }
    }

    /// Refuses a stopped queue, which would hold the job instead of printing it.
    ///
    /// CUPS accepts jobs for a stopped queue and keeps them until someone resumes it; a handout the
    /// front desk is waiting for must fail loudly instead. (A queue that rejects jobs needs no check:
    /// CUPS refuses the job itself, and `PrintJob` passes its words on.)
    /// `stateMessage` is asked only when the queue is stopped: it costs one more request.
    func checkReady(stateMessage: () -> String?) throws {
        guard isQueue, PrinterStatus.State(ippValue: option("printer-state")) == .stopped else { return }
        let why = stateMessage().map { " (\($0))" } ?? ""
        throw PrintError(
            .stopped, "printer queue \(label) is stopped\(why): resume it with `cupsenable \(label)`, then print again")
    }

    func unreachable(_ reason: String) -> PrintError {
        if isQueue {
            return PrintError(
                .schedulerUnavailable,
                "cannot reach the CUPS server of queue \(label) (\(reason)): check that CUPS is running")
        }
        return PrintError(
            .unreachable, "cannot reach the printer at \(label) (\(reason)): the printer is off or the address is wrong")
    }
}
