import CCups

/// The one owner of a `cups_option_t` list: the IPP attributes a job asks for.
final class JobOptions {
    private(set) var count: Int32 = 0
    private(set) var pointer: UnsafeMutablePointer<cups_option_t>?

    init(copies: Int, sides: PrintSides) {
        add(CUPS_COPIES, String(copies))
        add(CUPS_SIDES, sides.rawValue)
    }

    deinit { handout_cupsFreeOptions(count, pointer) }

    private func add(_ name: String, _ value: String) {
        count = handout_cupsAddOption(name, value, count, &pointer)
    }
}
