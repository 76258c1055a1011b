import CCups
import Glibc

/// The one owner of an `http_t`: a connection to the CUPS scheduler or straight to a printer.
final class CupsConnection {
    /// Long enough for a printer waking from sleep, short enough that a wrong address fails while the user waits.
    static let connectTimeoutMilliseconds: Int32 = 5000
    /// Per read or write once connected; without it a printer that accepts but never answers hangs the caller.
    static let ioTimeoutSeconds = 30.0

    let pointer: OpaquePointer

    private init(taking pointer: OpaquePointer) {
        self.pointer = pointer
        // A nil callback makes libcups give up when the timeout passes instead of asking whether to wait on.
        handout_httpSetTimeout(pointer, Self.ioTimeoutSeconds, nil, nil)
    }

    deinit { handout_httpClose(pointer) }

    /// Connects to the scheduler libcups is configured for on this thread (cupsSetServer, CUPS_SERVER,
    /// client.conf, else the local socket), so that a dead scheduler is reported before any request.
    static func scheduler() throws -> CupsConnection {
        let host = String(cString: handout_cupsServer())
        let place = host.hasPrefix("/") ? host : "\(host):\(handout_ippPort())"
        guard let raw = handout_httpConnect2(
            host, handout_ippPort(), nil, AF_UNSPEC, handout_cupsEncryption(), 1, connectTimeoutMilliseconds, nil)
        else {
            throw PrintError(
                .schedulerUnavailable,
                "cannot reach CUPS at \(place) (\(reason(CupsLastError.message))): CUPS is not running there; "
                    + "start it (sudo systemctl start cups) or set CUPS_SERVER to a running CUPS server (host:port)")
        }
        return CupsConnection(taking: raw)
    }

    /// Connects straight to the printer a URI destination names (CUPS_DEST_FLAGS_DEVICE).
    ///
    /// Queues are not reached this way: cupsConnectDest would connect to the host in the queue's
    /// printer-uri-supported (CUPS answers "localhost"), and cupsCopyDestInfo then compares that name
    /// with handout_cupsServer() letter by letter; with CUPS_SERVER=127.0.0.1:PORT they differ, libcups takes
    /// the scheduler for the device and asks it for the device URI: "The printer or class does not
    /// exist." Queues use `scheduler()`, which is what libcups's own default connection does.
    ///
    /// cupsConnectDest also hands back a connection object when connecting failed, and libcups 2.4.2
    /// reports success and failure to its callback the wrong way round (it reads httpReconnect2's 0 for
    /// success as false), so the socket itself decides.
    static func device(of destination: Destination) throws -> CupsConnection {
        var resource = [CChar](repeating: 0, count: 1024)
        guard let raw = handout_cupsConnectDest(
            destination.pointer, UInt32(CUPS_DEST_FLAGS_DEVICE), connectTimeoutMilliseconds, nil,
            &resource, resource.count, nil, nil)
        else {
            throw destination.unreachable(CupsLastError.message)  // the address did not resolve
        }
        let connection = CupsConnection(taking: raw)  // owns it now, so the throw below still closes it
        guard handout_httpGetFd(raw) >= 0 else { throw destination.unreachable(connection.failure) }
        return connection
    }

    /// Why the last operation on this connection failed, in the system's words.
    var failure: String {
        let code = handout_httpError(pointer)
        return code == 0 ? "no answer" : Self.reason(String(cString: strerror(code)))
    }

    /// libcups sets EHOSTDOWN ("Host is down") when every address refused the connection, which
    /// would send the user to check a host that may be up with nothing listening on the port.
    static func reason(_ message: String) -> String {
        message == String(cString: strerror(EHOSTDOWN)) ? "nothing accepts connections there" : message
    }
}

