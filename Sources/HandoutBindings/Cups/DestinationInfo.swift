import CCups

/// The one owner of a `cups_dinfo_t`: what a destination supports, fetched once per job.
final class DestinationInfo {
    let pointer: OpaquePointer
    private let destination: Destination
    private let connection: CupsConnection

    init(for destination: Destination, over connection: CupsConnection) throws {
        guard let raw = handout_cupsCopyDestInfo(connection.pointer, destination.pointer) else {
            throw PrintError(
                .unreachable,
                "\(destination.label) did not say what it supports (\(CupsLastError.message)): "
                    + "check that the address is a printer and that it is on")
        }
        pointer = raw
        self.destination = destination
        self.connection = connection
    }

    deinit { handout_cupsFreeDestInfo(pointer) }

    /// Whether the destination accepts `value` for the job attribute `option` (e.g. sides).
    func supports(_ option: String, _ value: String) -> Bool {
        handout_cupsCheckDestSupported(connection.pointer, destination.pointer, pointer, option, value) != 0
    }
}
