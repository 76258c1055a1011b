import CCups

/// The one owner of the `cups_dest_t` array cupsGetDests2 returns.
final class DestinationList {
    private let count: Int32
    private let pointer: UnsafeMutablePointer<cups_dest_t>?

    init(from scheduler: CupsConnection) throws {
        var raw: UnsafeMutablePointer<cups_dest_t>?
        count = handout_cupsGetDests2(scheduler.pointer, &raw)
        pointer = raw
        // No queues at all is a normal answer (NOT_FOUND); any other failure is the scheduler's.
        let status = CupsLastError.status
        if count == 0, !CupsLastError.isSuccess(status), status != IPP_STATUS_ERROR_NOT_FOUND {
            throw PrintError(
                .schedulerUnavailable, "CUPS did not list its printers (\(CupsLastError.message)): check that CUPS is running")
        }
    }

    deinit { handout_cupsFreeDests(count, pointer) }

    /// Every destination, the default first, then by name.
    var statuses: [PrinterStatus] {
        guard let pointer else { return [] }
        return UnsafeBufferPointer(start: pointer, count: Int(count)).map(PrinterStatus.init(cupsDest:))
            .sorted { a, b in
                if a.isDefault != b.isDefault { return a.isDefault }
                return (a.name.lowercased(), a.name) < (b.name.lowercased(), b.name)
            }
    }
}

extension PrinterStatus {
    /// Reads the printer attributes cupsGetDests2 copies into a destination's options.
    init(cupsDest dest: cups_dest_t) {
        func option(_ name: String) -> String? {
            guard let value = handout_cupsGetOption(name, dest.num_options, dest.options) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        let name = String(cString: dest.name)
        self.init(
            name: dest.instance.map { name + "/" + String(cString: $0) } ?? name,
            isDefault: dest.is_default != 0,
            state: State(ippValue: option("printer-state")),
            message: option("printer-state-message"),
            uri: option("device-uri") ?? option("printer-uri-supported"))
    }
}
