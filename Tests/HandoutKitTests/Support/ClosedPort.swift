import Glibc

/// A TCP port on 127.0.0.1 that refuses connections for as long as this object lives: bound, so no
/// other test can take it, but never listening. The honest stand-in for a printer that is off.
final class ClosedPort {
    let number: Int
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw VirtualPrinterError(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0  // the kernel picks a free one
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socket, raw, length) == 0 && getsockname(socket, raw, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            throw VirtualPrinterError(description: "cannot bind a port on 127.0.0.1")
        }
        self.socket = socket
        number = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }
}
