import CPangoCairo

/// The one owner of a `cairo_surface_t`; subclasses add what their kind can do.
public class CairoSurface {
    let pointer: OpaquePointer

    /// Takes ownership of a surface cairo just created, refusing it if cairo flagged an error.
    init(taking pointer: OpaquePointer?, what: String) throws {
        guard let pointer else { throw GraphicsError("\(what): cairo returned no surface") }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw GraphicsError(what, status: status)
        }
        self.pointer = pointer
    }

    deinit { cairo_surface_destroy(pointer) }

    func checkStatus(_ what: String) throws {
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw GraphicsError(what, status: status) }
    }
}

/// Bytes cairo hands to a stream callback, collected in memory.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback; `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
