import CCups
import Glibc

/// One PDF sent as one job through the destination API: create the job, stream the bytes, finish it.
struct PrintJob {
    /// Bytes per cupsWriteRequestData call; the size only bounds each write, not the document.
    private static let chunkSize = 64 * 1024
    /// Seconds to keep asking a busy printer before giving up.
    private static let busyPatience = 8.0

    let destination: Destination
    /// The scheduler for a queue, the printer itself for a URI.
    let connection: CupsConnection
    let title: String
    let copies: Int
    let sides: PrintSides

    /// Sends `pdf` and returns the job ID once the destination has taken the whole document.
    func send(_ pdf: [UInt8]) throws -> Int {
        let info = try DestinationInfo(for: destination, over: connection)
        // Asking a printer first turns its bare "unsupported sides" refusal into advice. A queue's answer
        // is not the printer's: a raw queue says one-sided only, yet passes two-sided jobs through.
        if !destination.isQueue, sides != .oneSided, !info.supports(CUPS_SIDES, sides.rawValue) {
            throw PrintError(
                .refused, "\(destination.label) cannot print \(sides.rawValue): print one-sided or choose a duplex printer")
        }
        let options = JobOptions(copies: copies, sides: sides)
        var jobID: Int32 = 0
        // A printer spoken to directly takes one job at a time and says "busy" meanwhile, where a
        // queue would have waited: ask again for a few seconds, as CUPS's own ipp backend does.
        var waited = 0.0
        while true {
            let created = handout_cupsCreateDestJob(
                connection.pointer, destination.pointer, info.pointer, &jobID, title, options.count, options.pointer)
            if CupsLastError.isSuccess(created), jobID > 0 { break }
            guard created == IPP_STATUS_ERROR_BUSY, waited < Self.busyPatience else {
                if created == IPP_STATUS_ERROR_BUSY {
                    throw PrintError(.refused, "\(destination.label) is still busy with another job: try again in a minute")
                }
                throw refusal()
            }
            usleep(500_000)
            waited += 0.5
        }
        do {
            try stream(pdf, info: info, jobID: jobID)
        } catch {
            // A created job without its document would sit on the printer, held, until someone cancels it.
            handout_cupsCancelDestJob(connection.pointer, destination.pointer, jobID)
            throw error
        }
        return Int(jobID)
    }

    private func stream(_ pdf: [UInt8], info: DestinationInfo, jobID: Int32) throws {
        let started = handout_cupsStartDestDocument(
            connection.pointer, destination.pointer, info.pointer, jobID, title, CUPS_FORMAT_PDF, 0, nil, 1)
        guard started == HTTP_STATUS_CONTINUE else { throw refusal() }
        try pdf.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let length = min(Self.chunkSize, bytes.count - offset)
                let chunk = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
                guard handout_cupsWriteRequestData(connection.pointer, chunk, length) == HTTP_STATUS_CONTINUE else {
                    throw refusal()
                }
                offset += length
            }
        }
        guard CupsLastError.isSuccess(handout_cupsFinishDestDocument(connection.pointer, destination.pointer, info.pointer))
        else { throw refusal() }
    }

    private func refusal() -> PrintError {
        let reason = CupsLastError.message
        if CupsLastError.status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS, destination.isQueue {
            return PrintError(
                .refused, "\(destination.label) refused the job (\(reason)): allow jobs with `cupsaccept \(destination.label)`")
        }
        return PrintError(
            .refused, "\(destination.label) refused the job (\(reason)): check the printer's settings and try again")
    }
}
