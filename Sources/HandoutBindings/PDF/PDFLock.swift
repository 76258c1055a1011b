import CQPDF

/// Locks a finished PDF with a password through libqpdf's C API, in this process: AES-256 (PDF
/// revision 6), so no reader opens it without the password. The password never leaves memory
/// (running the qpdf program would show it to every user in the process list).
public enum PDFLock {
    /// `pdf` encrypted for `password`. Whoever has the password may print, copy and use assistive
    /// technology: the lock keeps strangers out, not the patient. Salts and keys are random, so
    /// two locked copies of one document differ.
    public static func lock(_ pdf: [UInt8], password: String) throws -> [UInt8] {
        var qpdf: qpdf_data? = qpdf_init()
        defer { qpdf_cleanup(&qpdf) }
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        let read = pdf.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { qpdf_read_memory(qpdf, "handout.pdf", $0.baseAddress, UInt64($0.count), nil) }
        }
        guard read & HANDOUT_QPDF_ERRORS == 0, qpdf_init_write_memory(qpdf) & HANDOUT_QPDF_ERRORS == 0 else { throw failure(qpdf) }
        // The structure tree and the rest of the file stay as they are; object streams keep it small.
        qpdf_set_object_stream_mode(qpdf, qpdf_o_generate)
        qpdf_set_r6_encryption_parameters2(
            qpdf, password, password,
            QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, qpdf_r3p_full, QPDF_TRUE)
        guard qpdf_write(qpdf) & HANDOUT_QPDF_ERRORS == 0, let buffer = qpdf_get_buffer(qpdf) else { throw failure(qpdf) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(qpdf_get_buffer_length(qpdf))))
    }

    private static func failure(_ qpdf: qpdf_data?) -> GraphicsError {
        guard qpdf_has_error(qpdf) == QPDF_TRUE, let error = qpdf_get_error(qpdf), let detail = qpdf_get_error_message_detail(qpdf, error) else {
            return GraphicsError("cannot lock the PDF")
        }
        return GraphicsError("cannot lock the PDF: \(String(cString: detail))")
    }
}
