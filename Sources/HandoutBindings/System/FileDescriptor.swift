import Glibc

/// Writing whole buffers to an open file descriptor with write(2), retrying short writes and
/// interruptions: what an atomic file needs, without Foundation's extra checks on every call.
public enum FileDescriptor {
    /// Writes every byte; returns 0, or the errno of the failure.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var written = 0
            while written < buffer.count {
                let n = write(descriptor, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return 0
        }
    }
}
