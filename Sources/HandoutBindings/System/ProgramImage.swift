import Glibc

/// Replaces the running program with another, keeping the process (its ID, terminal and
/// signals): how `handout serve` becomes `handout-serve`, so a signal or a kill reaches the
/// server itself and nothing is left running.
public enum ProgramImage {
    /// Runs `executable` with `arguments` (the first is the program's name) in place of this
    /// program. Returns only on failure, with the reason.
    public static func replace(with executable: String, arguments: [String]) -> String {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        execv(executable, &argv)
        return String(cString: strerror(errno))
    }
}
